"""An order number a normal fax parted where it lost a hyphen: joined with the number's own separator,
for a person to confirm unless the document prints it whole elsewhere."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.doc_support import Doc
from tests.unit.parsers.ocr_support import cells, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(number: str, *more: list[Word]) -> dict[str, Any]:
    """The order of GOOD with its order-number line reading `number`, and `more` lines under it."""
    base = order(GOOD, drop="Nº pedido:")
    words = cells(70, (50, "Nº pedido:"), (120, number)) + [w for line in more for w in line]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _low(got: dict[str, Any]) -> set[str]:
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}


def test_a_number_parted_where_its_hyphen_was_lost_is_joined_and_goes_to_a_person() -> None:
    got = _read("OC-2026 71566")
    assert got["po_number"] == "OC-2026-71566"
    assert "po_number" in _low(got) and got["decision"] != "accept"


def test_a_slash_number_is_joined_with_its_slash() -> None:
    assert _read("OC/26 71566")["po_number"] == "OC/26/71566"


def test_the_number_printed_whole_further_down_confirms_the_joined_reading() -> None:
    got = _read("OC-2026 71566", cells(300, (50, "Nº pedido: OC-2026-71566")))
    assert got["po_number"] == "OC-2026-71566"
    assert "po_number" not in _low(got)


def test_a_number_without_a_separator_is_not_joined_to_figures_after_it() -> None:
    # which mark, if any, stood between "PO2026" and "71566" nothing on the page says
    assert _read("PO2026 71566")["po_number"] == "PO2026"


def test_a_text_layers_number_is_as_printed() -> None:
    # a text PDF's words are as printed: no separator was lost between them
    doc = Doc()
    doc.row(60, (40, "Nº pedido: OC-2026 71566"), (300, "Fecha: 23/11/2026"))
    doc.row(120, (40, "Code"), (110, "Description"), (330, "Qty"), (390, "Price"), (470, "Amount"))
    doc.row(136, (40, "RT-10"), (110, "Rivet, steel"), (330, "30"), (390, "0.40"), (470, "12.00"))
    doc.row(170, (390, "Total"), (470, "12.00"))
    assert doc.order()["po_number"] == "OC-2026"

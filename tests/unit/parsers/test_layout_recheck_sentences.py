"""Fields stated in a sentence offered for a second look on a scan.

The business rule: a field whose place on the page the layout is sure of, doubtful only because OCR
read its characters unsure, is cut from the page and read again (parsers.ocr.recheck; readings that
agree vouch for it: tests/integration/test_fax_order_number_again.py).  In running text that holds for

- a delivery date its sentence plainly asks for, printed in one word ("05/12/2026.") or in several
  side by side ("7th December 2026."): the words of the date are offered together;
- an order number a letter states in a sentence ("nuestro pedido 59882-26, fechado el ..."): one word.

Neither is offered when a word with figures stands a word space beside it: OCR may have parted the
field there ("1 1 December", "59882 -26"), and the part read again alone would agree and still be short.
"""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import Extraction, extract_orders
from tests.unit.parsers.ocr_support import cells, page, sentence

TABLE = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROW = ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))


def _read(*header: list[Word]) -> Extraction:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), *header]
    table = [cells(160, *TABLE), cells(174, *ROW), cells(202, (430, "Total"), (500, "45,00"))]
    return extract_orders([page(*lines, *table)])


def _offered(extraction: Extraction) -> dict[str, float]:
    return {r.path: r.certainty for r in extraction.rechecks}


DATED = cells(70, (50, "Nº pedido: PED-26/00123"), (300, "Fecha: 26/11/2026"))


def test_a_delivery_date_stated_in_several_words_is_offered_for_a_second_look_as_those_words() -> None:
    words = [("Goods", 0.96), ("required", 0.96), ("by", 0.96), ("7th", 0.96), ("December", 0.68)]
    stated = sentence(100, *words, ("2026.", 0.95))
    extraction = _read(DATED, stated)
    (order,) = extraction.orders
    assert str(order.requested_delivery_date) == "2026-12-07"
    found = order.evidence_for("requested_delivery_date")
    assert found is not None and found.confidence < 0.8  # read unsure in running text: not yet sure
    assert found.provenance.raw == "7th December 2026."  # the date's words, and only those, read again
    assert _offered(extraction).get("requested_delivery_date") == 1.0


def test_a_delivery_date_in_words_is_not_offered_with_figures_a_word_space_before_it() -> None:
    # "11 December" as OCR parted it: "1 1 December 2026." reads as the 1st; the 1 before is its other half
    words = [("Goods", 0.96), ("required", 0.96), ("by", 0.96)]
    parted = _read(DATED, sentence(100, *words, ("1", 0.9), ("1", 0.9), ("December", 0.68), ("2026.", 0.95)))
    whole = _read(DATED, sentence(100, *words, ("11", 0.9), ("December", 0.68), ("2026.", 0.95)))
    assert "requested_delivery_date" not in _offered(parted)
    assert "requested_delivery_date" in _offered(whole)


def _letter(*words: tuple[str, float]) -> Extraction:
    opening = sentence(70, ("Adjuntamos", 0.96), ("nuestro", 0.96), ("pedido", 0.96), *words)
    return _read(opening)


def test_an_order_number_a_sentence_states_is_offered_for_a_second_look() -> None:
    extraction = _letter(("59882-26,", 0.88), ("fechado", 0.96), ("el", 0.96), ("26/11/2026.", 0.96))
    (order,) = extraction.orders
    assert order.po_number == "59882-26"
    found = order.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8  # figures alone, read unsure: a person must look
    assert _offered(extraction).get("po_number") == 0.9  # as sure as its sentence makes it, no surer


def test_an_order_number_in_a_sentence_is_not_offered_with_figures_beside_it() -> None:
    # "59882-26" parted by OCR: the layout takes "59882", its other half a word space after it
    rest = (("fechado", 0.96), ("el", 0.96), ("26/11/2026.", 0.96))
    parted = _letter(("59882", 0.88), ("-26,", 0.9), *rest)
    whole = _letter(("59882-26,", 0.88), *rest)
    assert "po_number" not in _offered(parted)
    assert "po_number" in _offered(whole)

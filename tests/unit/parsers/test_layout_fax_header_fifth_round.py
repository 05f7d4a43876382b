"""Normal fax header dates, a fifth round: a month name run into its year by a speck, a year-first date
whose dashes a dot-matrix fax lost, and a year read outside this century; each read only once its
misreading is mended, so each is doubtful and the order goes to a person."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout.date_marks_lost import spaced_year_first
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _dated(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order (delivery 30/11/2026) whose "Fecha:" line is left out and `placed` printed instead."""
    base = order(GOOD, drop="Fecha:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_month_run_into_its_year_by_a_speck_is_read_doubtful() -> None:
    # "23rd November 2026": the space lost and a speck in it read as "¡" (or an i)
    for printed in ("23 de noviembre¡2026", "23 de novienbrei2026"):
        got = _dated((50, "Fecha:"), (120, printed))
        assert got["order_date"] == "2026-11-23", printed
        assert doubted(got, "order_date") and got["decision"] != "accept"
    # a word that is no month run into a year makes no date
    assert find_date("23 lunesi2026") is None
    assert find_date("ref 23 abc¡2026") is None


def test_a_year_first_date_whose_two_dashes_were_lost_is_read_after_its_label_doubtful() -> None:
    # a monospaced dot-matrix face: "2026" beside the label, "11" and "25" each a phrase of its own
    got = _dated((50, "DATA DA ENCOMENDA, 2026"), (185, "11"), (205, "25"))
    assert got["order_date"] == "2026-11-25"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_three_figures_are_a_date_only_as_a_labels_value_alone() -> None:
    found = spaced_year_first("2026 11 25")
    assert found is not None and found.value.isoformat() == "2026-11-25" and found.certainty < 0.8
    assert spaced_year_first("pos 2026 11 25") is None
    assert spaced_year_first("2026 11 25 100") is None
    assert spaced_year_first("2026 13 25") is None
    assert find_date("2026 11 25") is None  # in any other text, three figures are no date


def test_a_year_read_outside_this_century_takes_the_year_of_the_other_date() -> None:
    # "23.11.2026" with its 2 read as a 7; the delivery date printed under it says 2026
    got = _dated((50, "Fecha:"), (120, "23.11.7026"))
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"
    assert got["requested_delivery_date"] == "2026-11-30"  # the witness is not mended to the misread year


def _numbered(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order whose "Nº pedido:" line is left out and `placed` printed under its header instead."""
    base = order(GOOD, drop="Nº pedido:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_value_past_a_garbled_last_word_of_its_label_is_read_doubtful() -> None:
    # "PO NO.  010762" on a dot-matrix page, "NO." read as "fo..."; the number its own phrase after it
    got = _numbered((50, "PO"), (66, "fo..."), (150, "010762"))
    assert got["po_number"] == "010762"
    assert doubted(got, "po_number") and got["decision"] != "accept"


def test_a_number_sign_run_into_its_label_word_is_that_label_doubtful() -> None:
    # "Nº Pedido" with its º and the space after it lost: "NPedido"
    got = _numbered((50, "NPedido:"), (150, "PED-26/00777"))
    assert got["po_number"] == "PED-26/00777"
    assert doubted(got, "po_number") and got["decision"] != "accept"

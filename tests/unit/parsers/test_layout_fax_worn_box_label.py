"""A row of boxes whose date headings a normal fax wore in more than one letter ("wate issuca" for "Date
issued", "Requirad dy" for "Required by"), the dates printed under them: each date is the order's or its
delivery date by what survived of its heading, for a person to confirm. A worn heading standing alone
(no label as printed beside it), or with no date under it, gives nothing."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
AT = (50, 170, 270)  # the boxes' left edges


def _read(headings: tuple[str, str, str], values: tuple[str, str, str]) -> dict[str, Any]:
    """The order of GOOD with no header lines of its own but its customer, and a row of three boxes:
    `headings` over `values`."""
    base = order(GOOD, header=False)
    words = [
        *cells(70, *zip(AT, headings, strict=True)),
        *cells(84, *zip(AT, values, strict=True)),
        *cells(112, (50, "Nº cliente: C-1001")),
    ]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_date_headings_worn_in_a_row_of_boxes_give_their_dates_doubtful() -> None:
    got = _read(("PO number", "wate issuca", "Requirad dy"), ("PED-26/00123", "23/11/2026", "30/11/2026"))
    assert got["po_number"] == "PED-26/00123"
    assert got["order_date"] == "2026-11-23"
    assert got["requested_delivery_date"] == "2026-11-30"
    assert doubted(got, "order_date") and doubted(got, "requested_delivery_date")
    assert got["decision"] != "accept"


def test_a_worn_heading_with_no_date_under_it_gives_nothing() -> None:
    got = _read(("PO number", "wate issuca", "Contact"), ("PED-26/00123", "Karen Mitchell", "Ana"))
    assert got["order_date"] is None


def test_worn_headings_with_no_label_as_printed_beside_them_give_nothing() -> None:
    # no heading of the row read as printed: nothing says these words head boxes of an order's header
    got = _read(("Veeselas IL", "wate issuca", "Requirad dy"), ("P97967", "23/11/2026", "30/11/2026"))
    assert got["order_date"] is None
    assert got["requested_delivery_date"] is None


def test_a_worn_heading_whose_first_word_reads_as_a_generic_label_gives_its_date_doubtful() -> None:
    # "Date jxsued": "Date" alone is a label, of no date of its own; the heading is "Date issued" worn
    got = _read(("PO number", "Date jxsued", "Requirad dy"), ("PED-26/00123", "23/11/2026", "30/11/2026"))
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"

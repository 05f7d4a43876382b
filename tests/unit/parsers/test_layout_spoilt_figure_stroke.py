"""A row whose spoilt price has one figure read as a stroke, pinned by its quantity and amount.

The business rule: a row whose price OCR read as no number ("4,/50": the 7 of 4,750 lost its bar on the
fax line, fine fax erp_ruled-182377) is named as a row not read, so that a person enters it, unless the
line was read from it all the same.  Where the spoilt figure says the line's price in every figure but
one read as a stroke, and the row's quantity and amount, read as printed, make that price exactly
(100 × 0,18 = 18,00) and no price a figure away (0,17 or 0,19) would, the row says nothing the line
does not: the price is the other two's, and the stroke stands where its figure does.  A spoilt figure
whose other figures say another price ("0,/9"), or with two strokes, still names the row; the line's
figures keep their own evidence.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

SECOND = row("SIL-TRA-300", "10", "4,20", "42,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def _fax(price: str) -> dict[str, Any]:
    """100 TOR-M8-40 at 0,18 = 18,00, its price read as `price`, and 10 SIL-TRA-300 at 4,20."""
    return read(order([row("TOR-M8-40", "100", price, "18,00"), SECOND], total="60,00"))


def test_a_price_with_a_figure_read_as_a_stroke_that_the_quantity_and_amount_pin_names_no_row() -> None:
    got = _fax("0,/8")
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("100", "0.18"),
        ("10", "4.2"),
    ]
    assert _named(got) == []


def test_a_price_whose_other_figures_say_another_price_names_the_row() -> None:
    got = _fax("0,/9")
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def test_a_price_with_two_strokes_names_the_row() -> None:
    got = _fax("0/,/8")
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"

"""A row whose spoilt price holds one figure more than the price its quantity and amount pin.

The business rule: a row whose price OCR read as no number ("4.220€.": a speck after the sign) is named
as a row not read, so that a person enters it, unless the line was read from it all the same.  Where
the spoilt figure says the line's price but for one figure more (a stroke read as a figure: "4.220" for
4,20), and the row's quantity and amount, read as printed, make that price exactly (100 × 4,20 = 420,00)
and no price a figure away (4,19 or 4,21) would, the row says nothing the line does not: the price is
the other two's.  A spoilt figure that says another value ("4,30€.") is not taken for it; and the
line's figures keep their own evidence.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_price_with_one_figure_more_that_the_quantity_and_amount_pin_names_no_row() -> None:
    # the amount's sign a word of its own beside its figures, as a fax often reads it
    got = read(order([row("SIL-TRA-300", "100", "4,220€.", "420,00 €"), SECOND], total="438,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("100", "4.2"),
        ("100", "0.18"),
    ]
    assert _named(got) == []


def test_a_price_that_says_another_figure_is_not_accepted() -> None:
    # "4,30€." where the amount says 4,20: the row disagrees with itself and waits
    got = read(order([row("SIL-TRA-300", "100", "4,30€.", "420,00"), SECOND], total="438,00"))
    assert got["decision"] != "accept"

"""A quantity printed with a thousands point that a fax turned into another mark ("10:000" for 10.000):
normal fax erp_ruled-136502 (tuning), whose row was named "not read" though its line was read right.

The business rule: a row whose figure OCR read as no number is named as a row not read, for a person to
enter, unless the line was read from it all the same (`parsers.layout.document.figures_agree`): its
quantity times its price is its amount to the cent, and the spoilt figure says exactly the figures of
the value the line took.  A Spanish page groups a whole quantity's thousands with a point, so a figure
whose marks each stand before exactly three figures ("10:000", "1:250:000") says the whole number its
figures make, as well as the number with that many decimals ("10.000" → 10 or 10000): the line's
arithmetic settles which (10000 × 0,012 = 120,00; 10 × 0,012 is 0,12).  A mark before two figures
("10:00") groups nothing: such a figure still names the row when the line took 1000.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_whole_quantity_whose_thousands_point_read_as_a_colon_names_no_row() -> None:
    # 10.000 at 0,012 = 120,00 (the page's own arithmetic); the total is both lines
    got = read(order([row("TOR-M8-40", "10:000", "0,012", "120,00"), SECOND], total="138,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("10000", "0.012"),
        ("100", "0.18"),
    ]
    assert _named(got) == []


def test_a_mark_before_two_figures_groups_nothing_and_the_row_is_named() -> None:
    # "10:00" for a quantity of 1000 (1000 × 0,012 = 12,00): no thousands point stands before two figures
    got = read(order([row("TOR-M8-40", "10:00", "0,012", "12,00"), SECOND], total="30,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"

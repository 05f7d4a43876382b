"""Rows named "could not be read" although their line was read from them: normal faxes letter-194003 and
sap_listing-194003 (tuning), every line read right, held by the row check alone among the lines.

The business rule: a row of the table whose figure OCR read as no number is named for a person to
enter, unless the line was read from it all the same and the spoilt figure says nothing the line does
not (`parsers.layout.document.figures_agree`, `amount_closes`).  A money sign printed apart from its
price ("0:18 €") is no second figure of the price cell.  An amount with one figure read as a stroke
("1/,00" for 18,00) says every other figure of the quantity times the price, both read as printed, so
it says nothing else; the line takes no amount from it.  A figure that says another value, or two
figures lost, still name the row: a truly lost line always waits for a person.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_price_read_with_a_colon_and_its_sign_apart_names_no_row() -> None:
    # 100 at 0,18 = 18,00; the euro sign a word of its own after the price
    got = read(order([row("TOR-M8-40", "100", "0:18 €", "18,00"), SECOND], total="36,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("100", "0.18"),
        ("100", "0.18"),
    ]
    assert _named(got) == []


def test_a_price_with_its_sign_apart_that_says_another_value_names_the_row() -> None:
    # "0:19" for a line whose quantity and amount say 0,18: the ink says something the line does not
    got = read(order([row("TOR-M8-40", "100", "0:19 €", "18,00"), SECOND], total="36,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def test_an_amount_with_one_figure_read_as_a_stroke_names_no_row() -> None:
    # 100 × 0,18 = 18,00, printed "1/,00": the 8 read as a stroke, every other figure in its place
    got = read(order([row("TOR-M8-40", "100", "0,18", "1/,00"), SECOND], total="36,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("100", "0.18"),
        ("100", "0.18"),
    ]
    assert _named(got) == []


def test_an_amount_whose_other_figures_disagree_names_the_row() -> None:
    # "1/,50" cannot be 18,00: the row says an amount the line does not
    got = read(order([row("TOR-M8-40", "100", "0,18", "1/,50"), SECOND], total="36,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def test_an_amount_with_two_figures_lost_names_the_row() -> None:
    # "//,00": two figures unknown, the ink no longer pins the amount the quantity and price give
    got = read(order([row("TOR-M8-40", "100", "0,18", "//,00"), SECOND], total="36,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"

"""Rows named "not read" on fine faxes whose line was read right all the same (issue 10, faxtf22).

The business rule: a row of the table shaped like an order line that was not read as one is named, for a
person to enter, so nothing the page orders is lost (`parsers.layout.document.unread_rows`).  Two rows
that were read say nothing the line does not, and name nothing:

- a whole quantity with one figure more, the table's rule after it read as ":1" ("40:1" for 40), where
  the row's price and amount, read as printed, make exactly that quantity (40 × 4,20 = 168,00; 39 or 41
  would not): the quantity is the other two figures', as a price with one figure more already was;
- a price for 100 units whose basis lost its 1 ("5.40/00" for 5,40/100) where the row's quantity and
  amount, read as printed, make exactly the price per unit it says (2000 × 0,054 = 108,00);
- a size the description runs on with, wrapped onto a line of its own into the code column ("300 ml"
  under "Silicona neutra transparente"): a code is no measure.

A spoilt quantity or price that says another value, and a code of its own under the row, still name their row.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import HEADING, cells, header_rows, order, page, read, row

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_whole_quantity_with_a_rule_read_after_it_that_price_and_amount_pin_names_no_row() -> None:
    got = read(order([row("SIL-TRA-300", "40:1", "4,20", "168,00"), SECOND], total="186,00"))
    assert [(line["quantity"], line["unit_price"], line["amount"]) for line in got["lines"]] == [
        ("40", "4.2", "168"),
        ("100", "0.18", "18"),
    ]
    assert _named(got) == []
    # the row names nothing; the quantity read off a spoilt figure keeps its own evidence's doubt
    assert {p["field"] for p in got["problems"]} <= {"lines[0].quantity"}


def test_a_spoilt_quantity_that_says_another_value_still_names_its_row() -> None:
    # "45:1" where 4,20 and 168,00 make 40: the row disagrees with itself
    got = read(order([row("SIL-TRA-300", "45:1", "4,20", "168,00"), SECOND], total="186,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def _silicone(under: tuple[tuple[float, str], ...]) -> dict[str, Any]:
    """Order PED-26/00123: 50 uds of SIL-TRA-300 at 4,20 = 210,00, the line `under` beneath its row,
    then 100 TOR-M8-40 at 0,18 = 18,00."""
    return read(
        page(
            *header_rows(),
            cells(160, *HEADING),
            cells(174, *row("SIL-TRA-300", "50", "4,20", "210,00", desc="Silicona neutra transparente")),
            cells(188, *under),
            cells(202, *SECOND),
            cells(230, (430, "Total"), (500, "228,00")),
        )
    )


def test_a_size_wrapped_under_the_description_into_the_code_column_names_no_row() -> None:
    got = _silicone(((50, "300 ml"),))
    assert _named(got) == []
    assert [(line["sku"], line["quantity"]) for line in got["lines"]] == [
        ("SIL-TRA-300", "50"),
        ("TOR-M8-40", "100"),
    ]
    assert "300 ml" in got["lines"][0]["description"]
    assert got["decision"] == "accept"


def test_a_code_of_its_own_under_the_row_still_names_it() -> None:
    # a row whose numbers were lost: its code before words, not before a size
    got = _silicone(((50, "TAC-6"), (130, "Taco de nailon")))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def test_a_number_before_a_size_word_with_figures_in_the_numbers_columns_still_names_it() -> None:
    # "300 ml" with a quantity and an amount beside it spoilt past reading: a line of its own
    got = _silicone(((50, "300 ml"), (350, "1?"), (505, "4#,00")))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"


def test_a_price_for_100_whose_basis_lost_its_one_that_quantity_and_amount_pin_names_no_row() -> None:
    # "5,40/00" for 5,40/100: 2000 × 0,054 = 108,00, the row's quantity and amount read as printed
    got = read(order([row("TUE-M8", "2000", "5,40/00", "108,00"), SECOND], total="126,00"))
    first = got["lines"][0]
    assert (first["quantity"], first["unit_price"]) == ("2000", "0.054")
    assert _named(got) == []


def test_a_price_for_100_that_says_another_value_still_names_its_row() -> None:
    # "5,30/00" says 0,053 where 2000 and 108,00 make 0,054
    got = read(order([row("TUE-M8", "2000", "5,30/00", "108,00"), SECOND], total="126,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"

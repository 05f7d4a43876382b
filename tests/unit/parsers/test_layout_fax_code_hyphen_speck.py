"""A code at the head of a description whose hyphen a fax turned into a speck.

The business rule: a line names its product by its code; where a table has no code column, the code
stands at the head of the description, and a normal fax may read its hyphen as a mark after a space
("TOR .M8-40" for TOR-M8-40).  The two words joined with the hyphen put back are one more way the code
may have been printed; master data says whether it is a code it knows (one such code only), and the
line's price still vouches for the product.  The mark is ink where the hyphen stood: without one, the
first two words of a description are not joined with a hyphen.
"""

from __future__ import annotations

from parsers.layout.codes import repairs
from tests.unit.parsers.ocr_support import HEADING, order, read

NO_CODE = HEADING[1:]


def _row(desc: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (130, desc), (350, qty), (390, "uds"), (440, price), (505, amount)


def test_a_hyphen_read_as_a_speck_after_a_space_is_put_back() -> None:
    assert "TOR-M8-40" in repairs(None, "TOR", ".M8-40", None)
    assert "TOR-M8-40" in repairs(None, "TOR.", "M8-40", None)


def test_two_words_with_no_mark_between_them_are_not_hyphenated() -> None:
    assert "TOR-M8-40" not in repairs(None, "TOR", "M8-40", None)


def test_the_line_names_the_product_its_code_names() -> None:
    rows = [
        _row("TOR .M8-40 Tornillo hexagonal", "250", "0,18", "45,00"),
        _row("TUE-M8 Tuerca", "222", "0,05", "11,10"),
    ]
    got = read(order(rows, heading=NO_CODE))
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    assert not any(p["field"] == "lines[0].item_code" for p in got["problems"])

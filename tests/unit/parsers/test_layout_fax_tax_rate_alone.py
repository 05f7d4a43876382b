"""A normal fax's tax line that kept its label and the figures of its rate but lost the rate's percent
sign and its amount ("Sales tax 20 ARR E" for "Sales tax 20 % 26.88"), between a net total and a
total with tax read to the cent. The business rule: the tax is what the net's share at the rate comes
to, and the total with tax is what the customer pays. Where that share is the difference of the two
totals to the cent, the label, the rate and both totals agree: the total with tax is the order's total
and the tax that difference, for a person to confirm. A bare number that gives another difference, or
one on a line no tax label starts, says nothing."""

from __future__ import annotations

from tests.unit.parsers.tax_support import low, read_totals


def test_a_tax_line_left_with_its_bare_rate_is_the_totals_difference_at_that_rate() -> None:
    # 10 % of 56,10 is 5,61, and 56,10 + 5,61 = 61,71, the total with tax read as printed
    got = read_totals("56,10", "ARR E", "61,71", rate="Sales tax 10")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    assert "tax_total" in low(got) and got["decision"] != "accept"


def test_a_bare_number_that_is_not_the_rate_of_the_difference_mends_nothing() -> None:
    # 20 % of 56,10 is 11,22, not the 5,61 between the totals
    got = read_totals("56,10", "ARR E", "61,71", rate="Sales tax 20")
    assert got["tax_total"] is None and got["total"] != "61.71" and got["decision"] != "accept"


def test_a_bare_number_on_a_line_with_no_tax_label_mends_nothing() -> None:
    got = read_totals("56,10", "ARR E", "61,71", rate="Lote 10")
    assert got["tax_total"] is None and got["total"] != "61.71" and got["decision"] != "accept"


def test_a_tax_line_with_two_bare_numbers_mends_nothing() -> None:
    # "10" or "12": which one is the rate is not said
    got = read_totals("56,10", "ARR E", "61,71", rate="Sales tax 10 12")
    assert got["tax_total"] is None and got["total"] != "61.71" and got["decision"] != "accept"

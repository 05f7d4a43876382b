"""A tax and a total read unsure where no net total was read, tied to the sure lines by arithmetic.

The business rule (validation.sums): a total read unsure is as sure as the sure line amounts it is the
exact sum of.  Where the page's net total was not read (a fax spoilt its line), the tax is tied when it
is the lines' sum at a usual VAT rate to the cent, and the total when it is the lines' sum plus that tax
exactly; anything short of that, or a line read unsure, leaves both waiting.
"""

from __future__ import annotations

from tests.unit.validation.test_totals_tied import in_doubt, with_totals


def test_a_tax_at_a_usual_rate_and_the_total_it_makes_with_the_lines_are_vouched_for() -> None:
    # the lines add up to 45.50; at 21 % that is 9.555, 9.56 rounded half up; 45.50 + 9.56 = 55.06
    assert in_doubt(with_totals(None, "9.56", "55.06")) == []


def test_a_total_a_cent_off_the_lines_plus_the_tax_stays_in_doubt() -> None:
    assert {"tax_total", "total"} <= set(in_doubt(with_totals(None, "9.56", "55.07")))


def test_a_tax_at_no_usual_rate_leaves_tax_and_total_in_doubt() -> None:
    # 45.50 + 9.99 = 55.49 adds up, but 9.99 is 45.50 at no usual rate: two misreads could agree
    assert {"tax_total", "total"} <= set(in_doubt(with_totals(None, "9.99", "55.49")))


def test_a_line_amount_read_unsure_vouches_for_neither() -> None:
    got = in_doubt(with_totals(None, "9.56", "55.06", amount_sure=(0.95, 0.5)))
    assert {"tax_total", "total", "lines[1].amount"} <= set(got)

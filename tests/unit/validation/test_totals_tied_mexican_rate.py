"""A Mexican order's tax, IVA at 16 %, tied to the sure lines like any other usual rate.

The business rule (validation.sums): a tax read unsure is vouched for when it is the sure lines' sum at
one of the VAT rates our customers' countries charge, to the cent, and the total when it is the two
added up.  Our customers in Mexico pay IVA at 16 % (their orders print "IVA 16 %"), so a tax at 16 % of
the lines is such a tax; a figure that is the lines at no rate charged anywhere we sell still waits.
"""

from __future__ import annotations

from tests.unit.validation.test_totals_tied import in_doubt, with_totals


def test_iva_at_sixteen_percent_and_the_total_it_makes_are_vouched_for_without_a_net() -> None:
    # the lines add up to 45.50; 16 % of that is 7.28; 45.50 + 7.28 = 52.78
    assert in_doubt(with_totals(None, "7.28", "52.78")) == []


def test_iva_at_sixteen_percent_of_a_net_read_sure_is_vouched_for() -> None:
    assert in_doubt(with_totals("45.50", "7.28", "52.78")) == []


def test_a_tax_a_cent_off_sixteen_percent_still_waits() -> None:
    # 7.29 is 45.50 at no rate (16.02 %): the tax or a line is misread
    assert {"tax_total", "total"} <= set(in_doubt(with_totals(None, "7.29", "52.79")))


def test_a_tax_at_fifteen_percent_still_waits() -> None:
    # 6.83 is 45.50 at 15 % (6.825), a rate none of our customers' countries charges
    assert {"tax_total", "total"} <= set(in_doubt(with_totals(None, "6.83", "52.33")))

"""A scanned order that prints a tax of nothing: "IVA 0 % 0,00" under its net total and a total with
tax equal to the net.

The business rule: the tax is what the order's own figures pin.  A rate of 0 % and a total with tax
equal to the net total each say the tax is nought, and OCR read them apart, so a tax amount read a
figure off nought ("0,06" for 0,00) is outvoted twice, with no rounding between them: the tax is 0,00
and the order, read right, flows.  A total with tax other than the net, a rate other than nought or an
amount two figures off nought pin nothing, and the order waits as before.
"""

from __future__ import annotations

from tests.unit.parsers.tax_support import read_taxed


def test_a_zero_tax_read_a_figure_off_is_nought_where_its_rate_and_totals_say_so() -> None:
    got = read_taxed("0,06", "56,10", "IVA 0 %")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "0", "56.1")
    assert got["decision"] == "accept", [p["message"] for p in got["problems"]]


def test_a_zero_tax_is_not_taken_where_the_total_with_tax_is_not_the_net() -> None:
    # 57,10: neither the net (56,10) nor the net and the tax as read (56,16)
    got = read_taxed("0,06", "57,10", "IVA 0 %")
    assert got["tax_total"] != "0"
    assert got["decision"] != "accept"


def test_a_tax_at_a_rate_above_nought_is_not_taken_for_nothing() -> None:
    got = read_taxed("0,06", "56,10", "IVA 21 %")
    assert got["decision"] != "accept"


def test_a_tax_two_figures_off_nought_is_not_taken_for_nothing() -> None:
    got = read_taxed("0,66", "56,10", "IVA 0 %")
    assert got["decision"] != "accept"

"""A normal fax's net total read a figure off under a tax line whose label the fax garbled past
reading ("'USI. 19% 405,99" for "USt. 19 % 405,99") and a total with tax. The business rule: the net
plus the tax at the printed rate is what the customer pays. Where the tax line prints a rate and an
amount to the cent that is the share at that rate of the total with tax less that amount, and that
net is one figure off the one read, the rate, the tax and the total outvote the one figure, as they do
under a tax label read: the net is mended, and a person confirms the three. A tax off its rate, or a
net two figures off, mends nothing."""

from __future__ import annotations

from tests.unit.parsers.tax_support import low, read_totals


def test_a_net_a_figure_off_over_a_tax_line_whose_label_is_garbled_is_the_total_less_the_tax() -> None:
    # 56,10 at 10 % is 5,61, 61,71 with it; OCR read the net "58,10" and the label "USt." as "'USI."
    got = read_totals("58,10", "5,61", "61,71", rate="'USI. 10 %")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert {"total", "net_total"} <= low(got) and got["decision"] != "accept"


def test_a_garbled_tax_line_off_its_rate_or_a_net_two_figures_off_mends_nothing() -> None:
    for got in (
        read_totals("58,10", "5,61", "61,71", rate="'USI. 21 %"),
        read_totals("58,19", "5,61", "61,71", rate="'USI. 10 %"),
    ):
        assert got["net_total"] is None and got["total"] in ("58.1", "58.19")
        assert got["decision"] != "accept"

"""Normal fax totals with a figure more or a figure lost: a net read with a speck before it as a figure
("2414.75" for 414.75), a tax with one figure lost and its point read as a colon ("21:26" for 241.26).
Where the rate printed on the tax line ties the net, the tax and the total with tax, the misread one is
mended and doubtful, so a person confirms it."""

from __future__ import annotations

from tests.unit.parsers.tax_support import low, read_totals


def test_a_net_read_with_a_figure_more_is_the_total_less_its_tax_doubtful() -> None:
    # 56,10 at 10 % is 5,61, and 61,71 with it; a speck before the net read as a 2: "256,10"
    got = read_totals("256,10", "5,61", "61,71")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert {"total", "net_total"} <= low(got) and got["decision"] != "accept"


def test_a_net_with_a_figure_more_is_not_mended_where_the_tax_is_not_at_its_rate_or_on_a_text_layer() -> None:
    for got in (
        read_totals("256,10", "5,61", "61,71", rate="IVA 21 %"),
        read_totals("256,10", "5,61", "61,71", source="text"),
        read_totals("2256,10", "5,61", "61,71"),  # two figures more
    ):
        assert got["net_total"] != "56.1"
        assert got["decision"] != "accept"


def test_a_tax_with_a_figure_lost_is_the_totals_difference_at_its_rate_doubtful() -> None:
    # "IVA 10 % 5:1" for 5,61: the 6 lost and the comma read as a colon; 56,10 and 61,71 read whole
    got = read_totals("56,10", "5:1", "61,71")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    assert "tax_total" in low(got) and got["decision"] != "accept"


def test_a_worn_tax_is_not_taken_where_its_figures_or_its_rate_do_not_fit() -> None:
    assert read_totals("56,10", "4:1", "61,71")["tax_total"] is None  # no figure of 5,61 lost makes 41
    assert read_totals("56,10", "5:1", "61,71", rate="IVA 21 %")["tax_total"] is None

"""A normal fax's total with tax read with two or more of its figures off, under a net total and a tax
the net's share at the rate its line prints ("Total con IVA 87,08" for 67,88 under 56,10 and 21 %
11,78).

The business rule: the net, the rate and the tax, read apart, agree with each other, so the total is the
net plus the tax; the total's own figures said otherwise, so a person confirms it (the order waits).
Left as read, the order's total would be its net, which the tax printed under it says it is not.  A
line between the tax and the total (another charge), a tax at no rate the line prints, or a total of
another number of figures is no such misreading: nothing is mended."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read
from tests.unit.parsers.tax_support import GOOD, UNDER, low, read_taxed


def test_a_total_two_figures_off_is_the_net_plus_its_tax_doubtful() -> None:
    got = read_taxed("11,78", "87,08", "IVA 21 %")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    assert "total" in low(got) and got["decision"] != "accept"


def test_a_total_of_two_figures_more_is_not_mended() -> None:
    assert read_taxed("11,78", "1.087,08", "IVA 21 %")["total"] != "67.88"


def test_a_tax_at_no_rate_the_line_prints_mends_no_total() -> None:
    assert read_taxed("11,78", "87,08", "IVA 16 %")["total"] != "67.88"


def test_a_charge_between_the_tax_and_the_total_mends_no_total() -> None:
    base = order(GOOD, total="56,10")
    more = (
        cells(UNDER, (430, "IVA 21 %"), (500, "11,78"))
        + cells(UNDER + 14, (430, "Portes"), (500, "10,00"))
        + cells(UNDER + 28, (430, "Total con IVA"), (500, "87,08"))
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["total"] != "67.88"

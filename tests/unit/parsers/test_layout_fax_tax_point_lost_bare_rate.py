"""A normal fax's tax line that lost both its percent sign and its decimal point ("USt. 10 Y 561" for
"USt. 10 % 5,61"), between a net total and a total with tax read to the cent. The business rule: the
tax is the net's share at the rate the line prints, and the total with tax is what the customer pays.
Where the figures read on the tax line are every figure of the two totals' difference, and the bare
number beside a tax label is the rate whose share that difference is (to the cent), the label, the rate,
the figures and both totals agree: the total with tax is the order's total and the tax that difference,
put back by a person's look (doubtful). Another bare rate, or no tax label on the line, says nothing."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, order, read, row
from tests.unit.parsers.tax_support import UNDER, low, read_totals


def test_a_tax_line_without_its_percent_sign_and_point_is_the_totals_difference() -> None:
    # 10 % of 56,10 is 5,61; 56,10 + 5,61 = 61,71, the total with tax read as printed; "561" is 5,61
    # with its point lost, and the percent sign after 10 read as a Y. The lines, the net and the total
    # tie the three by arithmetic (validation.sums), as they would the tax read whole
    got = read_totals("56,10", "561", "61,71", rate="USt. 10 Y")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")


def test_such_a_tax_the_lines_do_not_vouch_for_waits() -> None:
    # the same totals over lines that make 56,20 (the second's amount read 11,20): nothing ties the tax
    # put back from its figures to the lines, so it waits for a person
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,20", desc="Tuerca")]
    base = order(rows, total="56,10")
    more = cells(UNDER, (430, "USt. 10 Y"), (500, "561")) + cells(
        UNDER + 14, (430, "Total con IVA"), (500, "61,71")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["tax_total"] == "5.61" and "tax_total" in low(got) and got["decision"] != "accept"


def test_a_bare_number_that_is_not_the_rate_of_the_difference_mends_nothing() -> None:
    # guard: 20 % of 56,10 is 11,22, not the 5,61 between the totals
    got = read_totals("56,10", "561", "61,71", rate="USt. 20 Y")
    assert got["tax_total"] is None and got["total"] != "61.71" and got["decision"] != "accept"


def test_a_bare_number_on_a_line_no_tax_label_starts_mends_nothing() -> None:
    # guard: "Lote 10" is no tax line, whatever its figures
    got = read_totals("56,10", "561", "61,71", rate="Lote 10 Y")
    assert got["tax_total"] is None and got["total"] != "61.71" and got["decision"] != "accept"

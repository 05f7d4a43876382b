"""A normal fax's net total read a figure off, where the tax and the total with tax printed under it
agree with each other and with the rate the tax's line prints: the net is the total less the tax, the
total is the one printed with tax, and a person confirms them. A total's amount with a full stop after
its cents is read whole."""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import HEADING, cells, order, read, row
from tests.unit.parsers.tax_support import GOOD, UNDER, low, read_totals


def test_a_net_read_a_figure_off_is_the_total_less_its_tax_for_a_person_to_confirm() -> None:
    # 56,10 at 10 % is 5,61, and 61,71 with it; OCR read the net as "58,10"
    got = read_totals("58,10", "5,61", "61,71")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert {"total", "net_total"} <= low(got) and got["decision"] != "accept"


def test_only_a_net_one_figure_off_a_tax_at_its_printed_rate_is_mended_and_only_on_a_scan() -> None:
    assert read_totals("58,10", "5,61", "61,71")["net_total"] == "56.1"
    # two figures off; a tax that is not 21 % of 56,10 (the tax line itself may be misread, so it
    # vouches for nothing); a text layer's figures, which are as printed
    for got in (
        read_totals("58,19", "5,61", "61,71"),
        read_totals("58,10", "5,61", "61,71", rate="IVA 21 %"),
        read_totals("58,10", "5,61", "61,71", source="text"),
    ):
        assert got["net_total"] is None and got["total"] in ("58.1", "58.19")
        assert got["decision"] != "accept"


def test_a_total_with_a_full_stop_after_its_cents_is_read_whole() -> None:
    # "Total con IVA 1 661,11." under 1.510,10 and its tax: the stop kept "661,11." from joining its
    # thousands, and 661,11 alone was taken for the total with tax
    base = order([*GOOD, row("TAC-6", "1000", "1,454", "1.454,00", desc="Taco")], total="1.510,10")
    more: list[Word] = cells(UNDER + 14, (430, "IVA 10 %"), (500, "151,01")) + cells(
        UNDER + 28, (430, "Total con IVA"), (500, "1 661,11.")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("1510.1", "151.01", "1661.11")


def test_a_tax_whose_point_a_fax_lost_is_the_totals_difference() -> None:
    # "IVA 10 % 561" between 56,10 and 61,71: every figure read, the point lost; the lines, the rate
    # and the total tie the three by arithmetic (validation.sums), as they would the tax read whole
    got = read_totals("56,10", "561", "61,71")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    # figures that are not the difference's mend nothing
    assert read_totals("56,10", "562", "61,71")["net_total"] is None


def test_a_rate_after_a_label_whose_dot_a_speck_doubled_isread_totals() -> None:
    # "MwSt..10 %": the rate after two dots is still the line's rate, so the tax is vouched for
    got = read_totals("56,10", "5,61", "61,71", rate="MwSt..10 %")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")


def test_a_total_with_tax_under_a_garbled_label_is_the_net_plus_the_tax() -> None:
    # the amount under the tax line is exactly the lines' sum plus the tax at the rate printed: the
    # arithmetic ties it though its label was not read
    base = order(GOOD, total="56,10")
    more: list[Word] = cells(UNDER, (430, "IVA 10 %"), (500, "5,61")) + cells(
        UNDER + 14, (430, "Endhatran"), (500, "61,71")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    # an amount that is not the net plus the tax is no total
    more = cells(UNDER, (430, "IVA 10 %"), (500, "5,61")) + cells(
        UNDER + 14, (430, "Endhatran"), (500, "61,77")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["net_total"] is None


def test_a_carried_subtotal_whose_slash_a_fax_garbled_is_no_total() -> None:
    # "Total ¢/f" at the foot of page 1 and "Total bif" heading page 2 (c/f and b/f, their c read as
    # a cent sign, their slash as an i): carried subtotals, not the order's total; page 2's net is read
    # a figure off ("68,00" for 60,00) and its tax and total with tax put it right
    first = order(GOOD, total=None)
    foot = cells(230, (430, "Total ¢/f"), (500, "56,10"))
    second = [
        *cells(40, (430, "Total bif"), (500, "56,10")),
        *cells(60, *HEADING),
        *cells(74, *row("TAC-6", "1", "3,90", "3,90", desc="Taco")),
        *cells(102, (430, "Total"), (500, "68,00")),
        *cells(116, (430, "IVA 10 %"), (500, "6,00")),
        *cells(130, (430, "Total con IVA"), (500, "66,00")),
    ]
    got = read(
        [
            PageWords(1, first.width, first.height, first.dpi, first.words + tuple(foot), "ocr"),
            PageWords(2, first.width, first.height, first.dpi, tuple(second), "ocr"),
        ]
    )
    assert (got["net_total"], got["tax_total"], got["total"]) == ("60", "6", "66")
    assert got["decision"] != "accept"


def test_a_carried_subtotal_whose_slash_a_fax_read_as_a_comma_is_no_total() -> None:
    # "Total c,f" at the foot of page 1 and "Total b,f" heading page 2: the slash's foot alone read, a
    # comma; carried subtotals (56,10 each), not the order's total; page 2's net is read a figure off
    # ("68,00" for 60,00) and its tax and total with tax put it right
    first = order(GOOD, total=None)
    foot = cells(230, (430, "Total c,f"), (500, "56,10"))
    second = [
        *cells(40, (430, "Total b,f"), (500, "56,10")),
        *cells(60, *HEADING),
        *cells(74, *row("TAC-6", "1", "3,90", "3,90", desc="Taco")),
        *cells(102, (430, "Total"), (500, "68,00")),
        *cells(116, (430, "IVA 10 %"), (500, "6,00")),
        *cells(130, (430, "Total con IVA"), (500, "66,00")),
    ]
    got = read(
        [
            PageWords(1, first.width, first.height, first.dpi, first.words + tuple(foot), "ocr"),
            PageWords(2, first.width, first.height, first.dpi, tuple(second), "ocr"),
        ]
    )
    assert (got["net_total"], got["tax_total"], got["total"]) == ("60", "6", "66")

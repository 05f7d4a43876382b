"""A faxed order's total with tax whose amount reads as no amount: a mark read as a colon, or its first
figure run into the currency letters before it.

The business rule: what the customer pays is the net total plus the tax; where the tax printed is the
net's share at the rate its line prints, and the total printed under it shows exactly the figures of
that sum ("Total 67:88" under 56,10 and 21 % 11,78: its decimal comma read as a colon), the total is
67,88.  A total whose first figure was run into the letters before it ("MXB7,88" for "MXN67,88")
shows the sum's figures less that one: 67,88 again, doubtful, for a person to confirm.  A total whose
figures say another sum ("61:88"), or a tax that is not the net's share at its rate, leaves the total
unread, held: the printed total reads otherwise."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import HEADING, STEP, cells, doubted, header_rows, page, read, row

# 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10: the lines make the net total 56,10
ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _totals(tax: str, total: str, rate: str = "21 %") -> dict[str, Any]:
    """The order with its net total 56,10, the tax line `rate` `tax` under it and `total` below that."""
    y = 160.0 + STEP * len(ROWS)
    return read(
        page(
            *header_rows(),
            cells(160, *HEADING),
            *(cells(160 + STEP * (i + 1), *r) for i, r in enumerate(ROWS)),
            cells(y + 2 * STEP, (400, "Total neto"), (500, "56,10")),
            cells(y + 3 * STEP, (400, "IVA"), (440, rate), (500, tax)),
            cells(y + 4 * STEP, (400, "Total"), (500, total)),
        )
    )


def test_a_total_whose_decimal_mark_was_read_as_a_colon_is_the_net_plus_its_tax() -> None:
    # 56,10 × 21 % = 11,78; 56,10 + 11,78 = 67,88, its figures all read
    got = _totals("11,78", "67:88")
    assert got["total"] == "67.88"
    assert not any(p["field"] == "total" and p["code"] == "total_mismatch" for p in got["problems"])


def test_a_total_whose_first_figure_ran_into_the_currency_letters_is_taken_doubtful() -> None:
    got = _totals("11,78", "MXB7,88")
    assert got["total"] == "67.88"
    assert doubted(got, "total") and got["decision"] != "accept"


def test_a_total_whose_figures_say_another_sum_is_not_taken() -> None:
    # 51,38 is two figures off 67,88: the printed total reads otherwise, nothing is mended to the sum
    got = _totals("11,78", "51:38")
    assert got["total"] != "67.88"
    assert got["decision"] != "accept"
    got = _totals("11,78", "MXB1,88")
    assert got["total"] != "67.88" and got["decision"] != "accept"


def test_a_tax_that_is_not_the_nets_share_at_its_rate_mends_no_total() -> None:
    # 11,78 is 21 % of 56,10, not 16 %: the tax line and its rate disagree
    got = _totals("11,78", "MXB7,88", rate="16 %")
    assert got["total"] != "67.88"
    assert got["decision"] != "accept"


def _plain(total: str) -> dict[str, Any]:
    """The order with no tax printed: the lines' 56,10 and "Total USD" `total` under them."""
    y = 160.0 + STEP * len(ROWS)
    return read(
        page(
            *header_rows(),
            cells(160, *HEADING),
            *(cells(160 + STEP * (i + 1), *r) for i, r in enumerate(ROWS)),
            cells(y + 2 * STEP, (400, "Total USD"), (500, total)),
        )
    )


def test_a_total_whose_decimal_point_was_read_as_a_colon_is_read() -> None:
    assert Decimal(_plain("$56:10")["total"]) == Decimal("56.10")


def test_a_total_read_with_a_colon_and_a_figure_off_the_lines_waits() -> None:
    got = _plain("$56:19")
    assert Decimal(got["total"]) == Decimal("56.19")
    assert got["decision"] != "accept"

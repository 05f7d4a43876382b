"""A faxed total with tax whose money sign has a speck glued before it, read as a minus.

The business rule: a total with the tax in it ("Total TTC") is what the customer pays for the order,
never a credit; a dash glued before its money sign ("Total TTC -€67,32") is a speck or the end of a
rule the fax read as a minus. The amount is the figures after it: 67,32, under the net 56,10 and the
tax 11,22 (a tax line printing no rate), which add up to it. A figure read only once a mark was left
out of it is doubtful: it waits for a person unless the order's sums vouch for it, as the lines, the
net and the tax do here; figures that make no such sum ("-€67,82") wait, no sum put in their place.
A plain total ("Total -€67,32") may print a minus, and is not so read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row

# 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10: the lines make the net total 56,10; its tax is 11,22
ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _totals(label: str, total: str) -> dict[str, Any]:
    """The order with "Total HT 56,10", "TVA 11,22" and `label` `total` under its lines."""
    y = 160.0 + STEP * len(ROWS)
    return read(
        page(
            *header_rows(),
            cells(160, *HEADING),
            *(cells(160 + STEP * (i + 1), *r) for i, r in enumerate(ROWS)),
            cells(y + 2 * STEP, (400, "Total HT"), (500, "56,10")),
            cells(y + 3 * STEP, (400, "TVA"), (500, "11,22")),
            cells(y + 4 * STEP, (400, label), (500, total)),
        )
    )


def test_a_total_with_tax_read_with_a_minus_before_its_sign_is_its_figures() -> None:
    got = _totals("Total TTC", "-€67,32")
    assert Decimal(got["total"]) == Decimal("67.32")
    assert not any(p["field"] == "total" for p in got["problems"])


def test_such_a_total_the_sums_do_not_vouch_for_waits() -> None:
    # 67,82 is not 56,10 + 11,22: the printed total reads otherwise, so no sum is put in its place
    got = _totals("Total TTC", "-€67,82")
    assert got["total"] is None or Decimal(got["total"]) != Decimal("67.32")
    assert got["decision"] != "accept"


def test_a_plain_total_read_with_a_minus_is_not_so_read() -> None:
    got = _totals("Total", "-€67,32")
    assert got["total"] is None or Decimal(got["total"]) != Decimal("67.32")
    assert got["decision"] != "accept"

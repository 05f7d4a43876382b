"""A faxed total whose money sign, printed after the amount, has a speck glued before it that OCR read
as a slash ("Total 56,10/€").

The business rule: an order's total is an amount to the cent; nothing of it stands after its cents but
the currency sign. A mark between the cents and that sign is a speck, and the total is the figures
before it: 56,10, which the two lines (45,00 and 11,10) add up to. A figure read only once a mark was
left out is doubtful: it waits for a person unless the order's sums vouch for it, as the lines do here;
figures that make no such sum ("56,80/€") wait, no sum put in their place."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import doubted, order, read, row

# 250 × 0,18 = 45,00 and 222 × 0,05 = 11,10: the lines make 56,10
ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(total: str) -> dict[str, Any]:
    return read(order(ROWS, total=total))


def test_a_total_with_a_slash_before_its_money_sign_is_its_figures() -> None:
    got = _read("56,10/€")
    assert Decimal(got["total"]) == Decimal("56.10")
    assert not any(p["field"] == "total" for p in got["problems"])


def test_such_a_total_the_lines_do_not_vouch_for_waits() -> None:
    # 56,80 is not what the lines add up to: read so, doubtful, the order waits
    got = _read("56,80/€")
    assert got["total"] is None or Decimal(got["total"]) == Decimal("56.80")
    assert got["decision"] != "accept"
    assert (
        got["total"] is None or doubted(got, "total") or any(p["field"] == "total" for p in got["problems"])
    )


def test_a_total_with_its_money_sign_after_it_reads_as_before() -> None:
    # guard: "56,10€" needs no mending
    got = _read("56,10€")
    assert Decimal(got["total"]) == Decimal("56.10")

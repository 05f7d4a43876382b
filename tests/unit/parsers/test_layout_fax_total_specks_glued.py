"""A faxed total with a speck glued to its amount: between the cents and the money sign printed after
them, read as a slash ("Total 56,10/€"), or before the amount, read as an angle ("Total <56,10").

The business rule: an order's total is an amount to the cent; nothing of it stands after its cents but
the currency sign, and nothing before it but a money sign. A slash between the cents and that sign, or
an angle before the figures, is a speck, and the total is the figures
before it: 56,10, which the two lines (45,00 and 11,10) add up to. A figure read only once a mark was
left out is doubtful: it waits for a person unless the order's sums vouch for it, as the lines do here;
figures that make no such sum ("56,80/€") wait, no sum put in their place."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import doubted, order, read, row
from tests.unit.parsers.tax_support import low, read_totals

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


def test_a_total_with_an_angle_before_it_is_its_figures() -> None:
    got = _read("<56,10")
    assert Decimal(got["total"]) == Decimal("56.10")
    assert not any(p["field"] == "total" for p in got["problems"])


def test_a_total_with_tax_with_an_angle_before_it_and_a_figure_off_is_the_net_plus_the_tax() -> None:
    # "Total 56,10 / IVA 10 % 5,61 / Total con IVA <81,71": 10 % of 56,10 is 5,61, so the total with
    # tax is 61,71; read 81,71 once the speck is left out, one figure off it, the net, the rate and the
    # tax outvote that figure, and the total, put back, waits for a person
    got = read_totals("56,10", "5,61", "<81,71")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    assert "total" in low(got) and got["decision"] != "accept"

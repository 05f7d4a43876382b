"""Fine fax lines (faxlf27): a stray fraction on an order of one line ("12.004" for 12 boxes).

The business rule: a line's quantity is what makes quantity × price the amount.  A quantity read with a
fraction under a tenth that the amount rules out (50,004 × 12,80 is 640,05, the amount printed 640,00),
where the whole number makes the amount exactly (50 × 12,80), is the whole number: the fraction is a
speck read as a mark and figures.  faxqty26 took it so only where two other quantities in the column
were whole; an order of one line has none.  Worked out, not read, the quantity waits for a person
unless another reading pins it.  A unit of measure, or an amount the whole number does not make,
keeps the line as read.  Each test builds its page word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import doubted, order, read, row


def _one_line(qty: str, price: str, amount: str, unit: str = "uds") -> dict[str, Any]:
    """Order PED-26/00123 of C-1001: adjustable wrenches, `qty` (in `unit`) at `price` = `amount`."""
    return read(order([row("LLA-AJ-250", qty, price, amount, unit=unit, desc="Llave")], total=amount))


def test_a_stray_fraction_the_amount_rules_out_is_dropped_on_a_one_line_order() -> None:
    got = _one_line("50,004", "12,80", "640,00")
    line = got["lines"][0]
    assert Decimal(line["quantity"]) == Decimal("50")
    assert Decimal(line["unit_price"]) == Decimal("12.80")
    assert doubted(got, "lines[0].quantity")  # mended: a person confirms it
    assert got["decision"] != "accept"


def test_an_amount_the_whole_number_does_not_make_keeps_the_fraction() -> None:
    # guard: 50 × 12,80 is 640,00, not the 641,00 printed: nothing says the fraction is ink
    got = _one_line("50,004", "12,80", "641,00")
    assert Decimal(got["lines"][0]["quantity"]) != Decimal("50")


def test_a_unit_of_measure_keeps_the_fraction() -> None:
    # guard: 20,004 kg may be printed so; a fraction of a measure is no speck to drop
    got = _one_line("20,004", "12,80", "256,00", unit="kg")
    assert Decimal(got["lines"][0]["quantity"]) != Decimal("20")

"""Fine fax lines (faxqty26): a whole quantity a fax gave a stray fraction ("1000,060" for 1000: a speck
after the figures read as a decimal mark and more figures).

The business rule: a line's quantity is what makes quantity × price the amount.  Where the price and the
amount, read as printed, make the whole number exactly, where the line's unit is counted and the
column's other quantities are whole, the fraction is ink, not a figure printed: the quantity is the
whole number.  Worked out, not read, it is vouched for only where the price and amount leave it no
neighbour (one more or one fewer would not make the amount); otherwise a person confirms it.  A
fraction the amount shows (12,5 kg), a unit of measure, or an amount the whole number does not make
keeps the line as read.  Each test builds its page word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import doubted, order, read

# the quantity column wide enough for "1000,060" (eight characters) to stand clear of the unit's
HEADING = (
    (50, "Código"),
    (130, "Descripción"),
    (320, "Cantidad"),
    (400, "Ud."),
    (440, "Precio"),
    (500, "Importe"),
)


def _row(code: str, qty: str, price: str, amount: str, unit: str = "uds", desc: str = "Tornillo") -> tuple:
    return (50, code), (130, desc), (320, qty), (400, unit), (445, price), (505, amount)


def _read(
    first: tuple[str, str, str, str], total: str, second_qty: str = "200", code: str = "TUE-M8"
) -> dict[str, Any]:
    """Order PED-26/00123: the line `first` (quantity, unit, price, amount) of `code`, then 200 bolts
    M8x40 (or `second_qty`) at 0,18 = 36,00 and 10 tubes of silicone at 4,20 = 42,00; total `total`."""
    qty, unit, price, amount = first
    second_amount = f"{Decimal(second_qty.replace(',', '.')) * Decimal('0.18'):.2f}".replace(".", ",")
    rows = [
        _row(code, qty, price, amount, unit=unit, desc="Artículo"),
        _row("TOR-M8-40", second_qty, "0,18", second_amount),
        _row("SIL-TRA-300", "10", "4,20", "42,00", desc="Silicona"),
    ]
    return read(order(rows, total=total, heading=HEADING))


def _quantity(got: dict[str, Any]) -> Decimal:
    return Decimal(got["lines"][0]["quantity"])


def test_a_stray_fraction_the_price_and_amount_rule_out_is_dropped() -> None:
    # 1000 nuts at 0,05 = 50,00.  The fax read "1000,060": 1000,06 × 0,05 = 50,003, which rounds to
    # the printed 50,00 as well, so the product alone cannot see the stray figures; but the nuts are
    # counted (uds), the column's other quantities are whole, and 1000 × 0,05 is 50,00 exactly, while
    # 999 or 1001 would make 49,95 or 50,05: read as printed, price and amount pin 1000.  Before, the
    # line carried 1000.06 nuts and waited as "not a whole number".
    got = _read(("1000,060", "uds", "0,05", "50,00"), "128,00")
    assert _quantity(got) == Decimal("1000")
    assert not doubted(got, "lines[0].quantity")
    assert "invalid_quantity" not in [p["code"] for p in got["problems"]]


def test_a_stray_fraction_of_three_figures_is_dropped_too() -> None:
    # 2500 nuts at 0,05 = 125,00, read "2500,040": 2500,04 × 0,05 = 125,002 makes the same amount, and
    # 2500 × 0,05 is 125,00 exactly: the whole number it is.
    got = _read(("2500,040", "uds", "0,05", "125,00"), "203,00")
    assert _quantity(got) == Decimal("2500")


def test_a_stray_fraction_the_amount_itself_rules_out_is_dropped() -> None:
    # 50 wrenches at 12,80 = 640,00, read "50,004": 50,004 × 12,80 would be 640,05, not the printed
    # amount; 50 × 12,80 is it exactly, and 49 or 51 are far from it.
    got = _read(("50,004", "uds", "12,80", "640,00"), "718,00", code="LLA-AJ-250")
    assert _quantity(got) == Decimal("50")
    assert not doubted(got, "lines[0].quantity")


def test_a_whole_number_the_price_and_amount_do_not_pin_waits_for_a_person() -> None:
    # 1000 at 0,001 = 1,00: so do 999 (0,999) and 1001 (1,001) to the cent.  The whole number is the
    # likeliest reading of "1000,060", but nothing read pins it, so a person confirms it.
    got = _read(("1000,060", "uds", "0,001", "1,00"), "79,00")
    assert _quantity(got) == Decimal("1000")
    assert doubted(got, "lines[0].quantity")
    assert got["decision"] != "accept"


def test_a_real_fraction_of_a_kilo_stays_as_read() -> None:
    # 12,5 kg at 3,15 = 39,375, printed 39,38: the amount shows the half kilo, 12 kg would make 37,80.
    got = _read(("12,500", "kg", "3,15", "39,38"), "117,38")
    assert _quantity(got) == Decimal("12.5")


def test_a_small_fraction_of_a_unit_of_measure_is_not_dropped() -> None:
    # 20,04 kg at 0,10 = 2,004, printed 2,00; 20 kg makes 2,00 too.  A kilo is measured, and a scale
    # prints hundredths: the fraction may well be printed, so it stays as read.
    got = _read(("20,040", "kg", "0,10", "2,00"), "80,00")
    assert _quantity(got) == Decimal("20.04")


def test_an_amount_the_whole_number_does_not_make_keeps_the_line_waiting() -> None:
    # "1000,060" at 0,05 beside 50,40: neither 1000,06 nor 1000 makes the amount, so nothing says the
    # quantity is 1000 and the line is not mended to it; it waits for a person.
    got = _read(("1000,060", "uds", "0,05", "50,40"), "128,40")
    assert _quantity(got) != Decimal("1000")
    assert got["decision"] != "accept"


def test_a_column_that_prints_fractions_keeps_the_fraction() -> None:
    # The bolts' line reads 2,5: the quantity column holds a fraction of its own, so a fraction on the
    # nuts' line is no stray mark the column rules out; "1000,060" stays as read.
    got = _read(("1000,060", "uds", "0,05", "50,00"), "128,45", second_qty="2,5")
    assert _quantity(got) == Decimal("1000.06")

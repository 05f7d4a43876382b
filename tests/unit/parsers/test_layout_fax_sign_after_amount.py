"""Fine fax lines (faxub28): a money sign printed after a line's amount, read by OCR as a lone figure.

The business rule: a line's amount is money to the cent, printed once in its cell.  Where the cell holds
an amount to the cent and, after it, a lone figure ("36,00 5", "36,00 €5": the sign printed after the
amount read as a 5), the amount is the figures to the cent; the lone figure is the sign misread, never
the amount (an order line does not print two amounts).  Leaving a word out is a mend, not a reading:
the amount stays doubtful unless the order's total vouches for it (the lines add up to the printed
total to the cent only with it).  A cell whose last word is itself an amount to the cent, or whose
lone figure follows no amount to the cent, is read as before.  Each test builds its page word by word
(tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.parsers.ocr_support import doubted, numbers, order, read

# "Precio (por 100)": the prices are for a hundred units
PER_100 = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio (por 100)"))
PER_100 += ((530, "Importe"),)


def _row(code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Tornillo"), (350, qty), (390, "uds"), (440, price), (535, amount)


# 1 000 nuts at 4,30 a hundred = 43,00; 200 bolts at 18,00 a hundred = 36,00, the "€" after it read "5"
ROWS = [
    _row("TUE-M8", "1000", "4,30", "43,00"),
    _row("TOR-M8-40", "200", "18,00", "36,00 5"),
]


def _amounts(got: dict) -> list[Decimal | None]:
    return [Decimal(line["amount"]) if line["amount"] is not None else None for line in got["lines"]]


def test_a_sign_read_as_a_figure_after_the_amount_is_left_out_and_the_total_vouches() -> None:
    got = read(order(ROWS, total="79,00", heading=PER_100))
    assert numbers(got) == [("TUE-M8", "1000", "0.043"), ("TOR-M8-40", "200", "0.18")]
    assert _amounts(got) == [Decimal("43.00"), Decimal("36.00")]
    # 43,00 + 36,00 = 79,00 to the cent: the total pins the amount read without the stray figure
    assert not doubted(got, "lines[1].amount")


def test_the_same_amount_with_no_total_to_vouch_for_it_waits_for_a_person() -> None:
    got = read(order(ROWS, total=None, heading=PER_100))
    assert numbers(got)[1] == ("TOR-M8-40", "200", "0.18")
    assert _amounts(got)[1] == Decimal("36.00")
    assert doubted(got, "lines[1].amount")
    assert got["decision"] != "accept"


def test_a_sign_and_figure_after_the_amount_is_left_out_too() -> None:
    rows = [ROWS[0], _row("TOR-M8-40", "200", "18,00", "36,00 €5")]
    got = read(order(rows, total=None, heading=PER_100))
    assert numbers(got)[1] == ("TOR-M8-40", "200", "0.18")
    assert _amounts(got)[1] == Decimal("36.00")
    assert doubted(got, "lines[1].amount")


def test_a_lone_figure_after_no_amount_to_the_cent_is_not_taken_for_a_sign() -> None:
    # guard: "36 5" holds no amount to the cent before the figure; nothing says which word is the amount
    rows = [ROWS[0], _row("TOR-M8-40", "200", "18,00", "36 5")]
    got = read(order(rows, total=None, heading=PER_100))
    assert _amounts(got)[1] != Decimal("36.00")


# The same sign printed after a price, read as its last figure: "4,30005" for "4,3000 €" (4,30 a hundred)
def test_a_sign_read_as_a_price_s_last_figure_is_dropped_where_the_amount_pins_it() -> None:
    rows = [_row("TUE-M8", "1000", "4,30005", "43,00"), _row("TOR-M8-40", "200", "18,00", "36,00")]
    got = read(order(rows, total=None, heading=PER_100))
    assert numbers(got)[0] == ("TUE-M8", "1000", "0.043")
    # the line's arithmetic pins the price, but a figure of the cell was left out: nothing vouches
    assert doubted(got, "lines[0].unit_price")


def test_a_total_that_adds_up_does_not_vouch_for_the_dropped_figure() -> None:
    # 43,0005 and 43,00 both round to the amount printed, so the total cannot tell the two prices apart
    rows = [_row("TUE-M8", "1000", "4,30005", "43,00"), _row("TOR-M8-40", "200", "18,00", "36,00")]
    got = read(order(rows, total="79,00", heading=PER_100))
    assert numbers(got)[0] == ("TUE-M8", "1000", "0.043")
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] != "accept"


def test_a_price_whose_last_figure_the_amount_does_not_rule_out_is_read_as_printed() -> None:
    # guard: 4,3125 a hundred × 1 000 = 43,125, printed 43,13: the price as printed adds up, nothing
    # says its last figure is a sign
    rows = [_row("TUE-M8", "1000", "4,3125", "43,13"), _row("TOR-M8-40", "200", "18,00", "36,00")]
    got = read(order(rows, total=None, heading=PER_100))
    assert numbers(got)[0] == ("TUE-M8", "1000", "0.043125")

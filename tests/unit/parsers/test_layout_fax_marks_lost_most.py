"""Fine fax lines (faxft28): a page faxed so faint that most of its decimal points were lost.

The business rule: a column is printed to one format.  Where some line amounts of an order print their
cents ("16,80", "8,50") and the order's total prints its cents too, an amount read as bare figures
("3303") is one whose decimal mark the fax lost, however many such amounts the page holds; where the
price beside it was read bare as well, quantity × price = amount holds with both marks put back (3 ×
11,01 = 33,03) as with neither (3 × 1101 = 3303), and the format decides: both marks go back.  Put back,
not read, they are doubtful unless the order's total vouches for them (the lines then add up to the
printed total to the cent, which they would not with the marks left out).  A price printed for 100
units beside its "Por" column follows the same rule ("430" for 4,30 a hundred is 0,043 a unit), and a
re-read of its cells that sees the marks ("4,30", "43,00") says the same, never 1 000 × 4,30 = 4 300.
A document none of whose totals prints cents keeps its bare figures as read.  Each test builds its page
word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout import extract_orders
from parsers.ocr.cells import in_doubt, settle
from tests.unit.parsers.ocr_support import doubted, numbers, order, read, row

# three lines whose price and amount both lost their marks, two that kept them
FAINT = [
    row("TOR-M8-40", "3", "1101", "3303"),
    row("TUE-M8", "5", "335", "1675", desc="Tuerca"),
    row("LLA-AJ-250", "2", "1280", "2560", desc="Llave"),
    row("SIL-TRA-300", "4", "4,20", "16,80", desc="Silicona"),
    row("GUA-NIT-L", "1", "8,50", "8,50", desc="Guantes"),
]
# 33,03 + 16,75 + 25,60 + 16,80 + 8,50
FAINT_TOTAL = "100,68"

PER = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"), (475, "Por"))
PER += ((500, "Importe"),)


def _per_row(code: str, qty: str, price: str, per: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Tornillo"), (350, qty), (390, "uds"), (440, price), (475, per), (505, amount)


# 1 000 nuts at 4,30 a hundred = 43,00, both marks lost; 200 bolts at 18,00 a hundred = 36,00; 12 tubes
# of silicone at 4,20 a unit = 50,40
BASIS_ROWS = [
    _per_row("TUE-M8", "1000", "430", "100", "4300"),
    _per_row("TOR-M8-40", "200", "18,00", "100", "36,00"),
    _per_row("SIL-TRA-300", "12", "4,20", "1", "50,40"),
]


def test_bare_prices_and_amounts_on_a_page_whose_total_prints_cents_have_their_marks_put_back() -> None:
    got = read(order(FAINT, total=FAINT_TOTAL))
    assert numbers(got) == [
        ("TOR-M8-40", "3", "11.01"),
        ("TUE-M8", "5", "3.35"),
        ("LLA-AJ-250", "2", "12.8"),
        ("SIL-TRA-300", "4", "4.2"),
        ("GUA-NIT-L", "1", "8.5"),
    ]
    assert [Decimal(line["amount"]) for line in got["lines"][:3]] == [
        Decimal("33.03"),
        Decimal("16.75"),
        Decimal("25.60"),
    ]
    # the lines add up to 100,68 only with every mark put back: the total vouches for them
    assert not doubted(got, "lines[0].unit_price")


def test_a_bare_amount_with_a_speck_read_as_a_point_after_it_has_its_marks_put_back() -> None:
    # "3303." for 33,03: the point at its end stands after the figures, not between them
    rows = [row("TOR-M8-40", "3", "1101", "3303."), *FAINT[1:]]
    got = read(order(rows, total=FAINT_TOTAL))
    assert numbers(got)[0] == ("TOR-M8-40", "3", "11.01")
    assert Decimal(got["lines"][0]["amount"]) == Decimal("33.03")


def test_marks_put_back_that_no_total_vouches_for_wait_for_a_person() -> None:
    # the total read with two figures turned ("100,86"): it prints its cents, but the lines do not add
    # up to it, so nothing checks the marks put back
    got = read(order(FAINT, total="100,86"))
    assert numbers(got)[0] == ("TOR-M8-40", "3", "11.01")
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] != "accept"


def test_bare_amounts_beside_a_total_printed_bare_are_kept_as_read() -> None:
    # guard: a total without cents says nothing of the amounts' format; the majority of bare amounts
    # stands, and 3 × 1101 = 3303 is read as printed
    got = read(order(FAINT, total="10068"))
    assert numbers(got)[0] == ("TOR-M8-40", "3", "1101")


def test_a_price_for_a_hundred_whose_mark_was_lost_with_its_amounts_is_read_with_the_marks_back() -> None:
    got = read(order(BASIS_ROWS, total="129,40", heading=PER))
    assert numbers(got)[0] == ("TUE-M8", "1000", "0.043")
    assert Decimal(got["lines"][0]["amount"]) == Decimal("43.00")


def test_the_cells_of_such_a_line_read_again_with_their_marks_keep_the_price_for_a_hundred() -> None:
    # the number cells in doubt are read again (`parsers.ocr.cells`); the re-read sees the marks the
    # page read lost ("4,30" beside "100", "43,00"): 1 000 × 0,043 = 43,00, never 1 000 × 4,30 = 4 300
    extraction = extract_orders([order(BASIS_ROWS, total=None, heading=PER)])
    first = extraction.orders[0]
    again = {"lines[0].quantity": "1000", "lines[0].unit_price": "4,30", "lines[0].amount": "43,00"}
    texts = {c.path: again[c.path] for c in in_doubt(first) if c.path in again}
    bases = {b.line: b.units for b in extraction.bases if b.order == 0}
    line = settle(first, texts, bases).lines[0]
    assert (line.quantity, line.unit_price, line.amount) == (
        Decimal(1000),
        Decimal("0.043"),
        Decimal("43.00"),
    )

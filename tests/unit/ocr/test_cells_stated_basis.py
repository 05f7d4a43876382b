"""Numeric cells read again where a price may be for many units: only the page says so.

Business rules written out: (1) a price is for 10, 100 or 1 000 units only where the page states it (a
"Por"/"Per" column, a price heading "por 100"); a cell of such a price read again prints the price of
that many units ("95,00" for 100 at 0,95), and the line is quantity × 0,95 = amount.  (2) Where the page
states no basis, a price is the price of one unit as printed: 60 units at 4,75 are 285,00.  A quantity
whose first reading lost its decimal comma ("60000" for 60,000 = 60 on a page printing quantities to
three places) makes 60 000 × 4,75/1 000 add up to 285,00 as well, a basis nothing on the page states;
the cells read again ("60,000", "4,75") say 60 × 4,75 = 285,00, and the line is that, never 60 000 at
0,00475.  Each test builds its page word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.layout.extract import Basis, Extraction
from parsers.ocr.cell_checks import UNSURE
from parsers.ocr.cells import in_doubt, settle
from tests.unit.parsers.ocr_support import order, row

# Spanish order, no "Por" column, no price heading naming a basis, and no total line (a prose order may
# state none: nothing vouches for the lines' figures but their own arithmetic)
SECOND = row("TUE-M8", "100", "0,12", "12,00")
PER = (
    (50, "Código"),
    (130, "Descripción"),
    (330, "Cantidad"),
    (390, "Ud."),
    (430, "Precio"),
    (475, "Por"),
    (500, "Importe"),
)


def first_line(o: CapturedOrder) -> tuple[Decimal | None, ...]:
    line = o.lines[0]
    return (line.quantity, line.unit_price, line.amount)


def extracted(page: PageWords) -> tuple[Extraction, CapturedOrder]:
    got = extract_orders([page])
    return got, got.orders[0]


def stated(extraction: Extraction) -> dict[int, int]:
    """The first order's lines whose price the page states is for many units, as `reread_numbers`
    hands them to `settle`."""
    return {b.line: b.units for b in extraction.bases if b.order == 0}


def test_a_quantity_that_lost_its_mark_is_settled_by_the_price_as_printed() -> None:
    # "60000" for 60,000; the price "4,75." with a speck after it, so read unsure
    extraction, read = extracted(order([row("TOR-M8-40", "60000", "4,75.", "285,00"), SECOND], total=None))
    assert extraction.bases == ()  # nothing on the page states a basis
    assert "lines[0].unit_price" in {c.path for c in in_doubt(read)}  # the line's cells are read again
    got = settle(
        read,
        {"lines[0].quantity": "60,000", "lines[0].unit_price": "4,75", "lines[0].amount": "285,00"},
        stated(extraction),
    )
    assert first_line(got) == (Decimal(60), Decimal("4.75"), Decimal("285.00"))


def test_a_price_read_again_as_printed_never_makes_a_thousand_times_the_quantity() -> None:
    # the quantity's cell read again as on the page ("60000"), the price as printed: 60 000 × 4,75 is
    # not 285,00, and no stated basis makes it so; the line stays as the layout reader had it, in doubt
    extraction, read = extracted(order([row("TOR-M8-40", "60000", "4,75.", "285,00"), SECOND], total=None))
    got = settle(
        read,
        {"lines[0].quantity": "60000", "lines[0].unit_price": "4,75", "lines[0].amount": "285,00"},
        stated(extraction),
    )
    price = got.evidence_for("lines[0].unit_price")
    assert price is not None and price.confidence < UNSURE  # held for a person


def test_a_stray_thousands_mark_in_the_quantity_is_read_again_away() -> None:
    # "60.000" (a speck read as a thousands point) for 60; read again "60": 60 × 4,75 = 285,00, or the
    # line held; never 60 000 units accepted
    extraction, read = extracted(order([row("TOR-M8-40", "60.000", "4,75", "285,00"), SECOND], total=None))
    got = settle(
        read,
        {"lines[0].quantity": "60", "lines[0].unit_price": "4,75", "lines[0].amount": "285,00"},
        stated(extraction),
    )
    assert first_line(got) == (Decimal(60), Decimal("4.75"), Decimal("285.00"))


def test_a_price_per_hundred_the_page_states_is_read_again_as_for_a_hundred() -> None:
    # "95,00" under "Por" 100 is 0,95 a unit; the quantity 1 500 read "1540", read again "1500"
    rows = [
        (
            (50, "TOR-M8-40"),
            (130, "Tornillo"),
            (350, "1540"),
            (390, "uds"),
            (440, "95,00"),
            (475, "100"),
            (505, "1425,00"),
        ),
        (
            (50, "TUE-M8"),
            (130, "Tuerca"),
            (350, "200"),
            (390, "uds"),
            (440, "12,00"),
            (475, "100"),
            (505, "24,00"),
        ),
    ]
    extraction, read = extracted(order(rows, total="1449,00", heading=PER))
    assert Basis(0, 0, 100) in extraction.bases
    got = settle(
        read,
        {"lines[0].quantity": "1500", "lines[0].unit_price": "95,00", "lines[0].amount": "1425,00"},
        stated(extraction),
    )
    assert first_line(got) == (Decimal(1500), Decimal("0.95"), Decimal("1425.00"))

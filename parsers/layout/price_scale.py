"""A unit price a fax read with its figures right and its decimal mark at another place ("$352,800" for
$3.528, "12,00" for 1,20): the one power of ten at which the line's quantity and amount, read as
printed, take the price's figures, where exactly one does, an option beside the line's other repairs
and never the line's reading on its own (`arith.solve`); and a price under one read with its money
sign as a figure before it."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.geometry import Tok
from parsers.layout.numbers import REPAIR_COST, Reading

RESCALED = "computed from the other two numbers, the price's figures at another power of ten"
POWERS = range(-6, 7)  # how far a fax can move a price's mark: a point lost, figures run together
EXACT = Decimal("0.0051")  # quantity × price within this of the amount: to the cent
SURE_READ = 0.8  # OCR's confidence from which a cell's figures are taken as the fax printed them


def read_sure(cell: list[Tok]) -> bool:
    """Whether OCR read every word of a cell sure: a quantity read unsure ("5" at 0,16 for 500 beside
    0,054 = 27,00) may be the figure the fax spoilt, and then the price read is right."""
    return bool(cell) and min(t.conf for t in cell) >= SURE_READ


def rescaled(quantities: list[Reading], price: Reading, amount: Reading) -> tuple[Reading, Reading] | None:
    """The quantity and the price at another power of ten with which quantity × price is the amount to
    the cent, when exactly one pair does; None otherwise.

    Only what was read as printed counts: the amount, and each quantity reading that moved no mark.
    Two quantity readings at inverse powers of ten (50 × 5 and 5000 × 0,05 both make 250) fit
    alike, and the line cannot say which it is: then nothing.  The price so taken is worked out, not
    read, and stays doubtful (`number_evidence.record_numbers`): the quantity could be the figure the fax
    spoilt, and the amount, even vouched for by the order's total, does not say which."""
    if amount.cost != 0 or amount.note or amount.value <= 0 or price.value <= 0:
        return None
    fits = {
        (q.value, candidate): q
        for q in quantities
        if q.cost == 0 and not q.note and q.value > 0
        for candidate in (price.value.scaleb(k) for k in POWERS if k != 0)
        if abs(q.value * candidate - amount.value) <= EXACT
    }
    if len(fits) != 1:
        return None
    (((_, value), quantity),) = fits.items()
    return quantity, Reading(value, REPAIR_COST + 1, RESCALED)


def sign_before(read: Decimal, computed: Decimal) -> bool:
    """Whether a price under one unit of money was read with one figure before its leading zero: the
    money sign printed before it read as a figure ("$0.013" as "20.013"), a slip the figures alone miss
    (0.013's figures are "13", without the zero the sign stood before)."""
    text, want = format(read.normalize(), "f"), format(computed.normalize(), "f")
    return want.startswith("0.") and len(text) == len(want) + 1 and text[0].isdigit() and text[1:] == want

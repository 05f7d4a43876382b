"""A line whose quantity a fax spoilt in more than one figure, beside a price and an amount it left
clear: "20" read unsure for 12 beside "9,18" and "110,16", both read sure.  The amount over the price
(less the line's discount) is a whole number of units, and only one: that is the quantity, worked out
and never vouched for."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.geometry import Tok
from parsers.layout.items import Built, settled
from parsers.layout.line_sums import to_the_cent
from parsers.layout.number_evidence import WORKED_QUANTITY
from parsers.layout.numbers import REPAIR_COST, Reading, readings
from parsers.layout.price_scale import read_sure
from parsers.layout.solved_lines import COMPUTED, Solved

DERIVED_COST = 3  # as a quantity computed where none was read


def by_price_and_amount(built: list[Built], mark: str) -> list[Built]:
    """Each line whose figures disagree (no reading, repair or printed sum made them agree), where OCR
    read the quantity unsure and the price and the amount sure: the one whole quantity that makes
    quantity × price, less the line's discount, the amount to the cent, with as many figures before
    its mark as the quantity read, the amount as the line took it and the price as its cell reads
    with no figure repaired ("8,50" under a decimal point is 8.50, where the line took it for 8,50 a
    hundred).  Where two such quantities or prices fit, nothing is chosen.

    Such a quantity is worked out from the line's other two figures, so nothing vouches for it
    (`number_evidence.WORKED_QUANTITY`: doubtful whatever the total says), nor for a price reading it chose,
    and the order waits for a clerk, who sees the quantity the price and amount make instead of the
    one the fax spoilt.  The amount is unchanged, and with it the lines' sum."""
    return [_worked(b, mark) or b for b in built]


def _worked(b: Built, mark: str) -> Built | None:
    s = b.solved
    q, a = s.quantity, s.amount
    if s.check != "disagrees" or s.options or q is None or a is None or s.unit_price is None:
        return None
    if not _unsure(b.toks.get("quantity")) or not (
        _sure(b.toks.get("unit_price")) and _sure(b.toks.get("amount"))
    ):
        return None
    if not _as_printed(a) or a.value <= 0:
        return None
    fits: dict[tuple[Decimal, Decimal], Reading] = {}
    for price in _prices(s.unit_price, b.toks["unit_price"], mark):
        quantity = _whole(price.value, a.value, b.line.discount)
        if quantity is not None and quantity != q.value and _figures(quantity) == _figures(q.value):
            fits.setdefault((quantity, price.value), price)
    if len(fits) != 1:
        return None
    (((quantity, _), price),) = fits.items()
    if price is not s.unit_price:
        # a reading of the price the line did not take: chosen by a worked-out figure, not vouched for
        price = Reading(price.value, max(price.cost, 1), price.note)
    return settled(b, Solved(Reading(quantity, DERIVED_COST, WORKED_QUANTITY), price, a, "derived"))


def _prices(taken: Reading, cell: list[Tok], mark: str) -> list[Reading]:
    """The price the line took and the cell's other readings, each as printed or with only a mark read
    the other way or put back: no figure repaired or worked out."""
    found = [taken] + (readings(cell[-1].text, mark) if len(cell) == 1 else [])
    return [r for r in found if _as_printed(r) and r.value > 0]


def _whole(price: Decimal, amount: Decimal, discount: Decimal | None) -> Decimal | None:
    """The one whole number of units that makes `price` the amount to the cent less the discount."""
    net = Decimal(1) if discount is None else (100 - discount) / 100
    if net <= 0:
        return None
    middle = (amount / (price * net)).to_integral_value()
    found = [n for n in (middle - 1, middle, middle + 1) if n > 0 and to_the_cent(n, price, amount, discount)]
    return found[0] if len(found) == 1 else None


def _figures(value: Decimal) -> int:
    """How many figures a quantity has before its decimal mark."""
    return len(str(int(value)))


def _as_printed(read: Reading) -> bool:
    """Read as printed, or with only a mark read the other way: no figure repaired or worked out."""
    return read.cost < REPAIR_COST and not read.note.startswith(COMPUTED) and "computed" not in read.note


def _sure(cell: list[Tok] | None) -> bool:
    return read_sure(cell or [])


def _unsure(cell: list[Tok] | None) -> bool:
    return bool(cell) and not read_sure(cell or [])

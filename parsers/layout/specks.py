"""Whole quantities a fax gave a stray fraction: a speck after the figures read as a point and more
figures ("1000.060" for 1000), taken whole where the line's price and amount and the column's other
quantities all say the quantity is whole, or where the amount rules the fraction out and the whole
number makes it exactly."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import agrees
from parsers.layout.items import Built, settled
from parsers.layout.line_sums import adding_up, pins
from parsers.layout.number_evidence import UNPINNED_STRAY
from parsers.layout.numbers import REPAIR_COST, Reading, readings
from parsers.layout.solved_lines import CENT, Solved

SPECK = Decimal("0.1")  # a fraction under a tenth: figures past a zero, not a half or a quarter printed
OTHERS = 2  # other quantities in the column, all whole, for it to say the column counts whole units
MEASURED = frozenset({"KG", "M"})  # units ordered by measure, where a fraction may be printed
STRAY = "its stray fraction dropped"  # a reading's note: pinned by a price and amount read sure


def whole_quantities(built: list[Built], mark: str) -> list[Built]:
    """Each line whose quantity was read with a fraction under a tenth ("1000.060", "2500.004") that
    the line's amount cannot show (the fraction times the price is under half a cent), where the whole
    quantity times the price is the amount exactly, the line names no unit of measure and the column's
    other quantities (two or more) are all whole: read as the whole quantity.  Such a line adds up
    either way, and its unit is counted, so the fraction is ink, not a figure printed.  With fewer
    quantities beside it (an order of one or two lines), only where the amount rules the fraction out
    to the cent, and the whole number then waits for a person; a line that does not add up as read,
    likewise (`_ruled_out`, its price re-read under the page's decimal `mark`).

    Mended, so never sure on its own: the whole number is vouched for (`number_evidence.record_numbers`) only
    where the price and the amount were read as printed and leave it no neighbour (999 or 1001 would
    not make the amount) and the order's total adds up; otherwise it waits for a person
    (`UNPINNED_STRAY`)."""
    out = list(built)
    for i, b in enumerate(built):
        if (ruled_out := _ruled_out(b, built, mark)) is not None:
            out[i] = settled(b, ruled_out)
            continue
        s = b.solved
        q, p, a = s.quantity, s.unit_price, s.amount
        if q is None or p is None or a is None or s.check != "agrees" or s.options:
            continue
        if b.line.discount is not None or (b.line.unit or "").upper() in MEASURED:
            continue
        whole = q.value.to_integral_value()
        fraction = abs(q.value - whole)
        if fraction == 0 or fraction >= SPECK or whole <= 0 or p.value <= 0:
            continue
        if not adding_up(whole, [p], [a], exactly=True):
            continue
        others = [o.solved.quantity.value for j, o in enumerate(built) if j != i and o.solved.quantity]
        if any(v != v.to_integral_value() for v in others):
            continue
        # fewer whole quantities beside it than say the column counts whole units: only where the
        # amount itself rules the fraction out (50.004 × 12.80 is 640.05 to the cent, printed 640.00),
        # and then the whole number waits for a person
        alone = len(others) < OTHERS
        if alone and (q.value * p.value).quantize(CENT) == a.value:
            continue
        sure = not alone and p.cost == 0 and a.cost == 0 and pins((whole, p.value, a.value), "quantity")
        reading = Reading(whole, max(q.cost, REPAIR_COST), STRAY if sure else UNPINNED_STRAY)
        out[i] = settled(b, replace(s, quantity=reading))
    return out


def _ruled_out(b: Built, built: list[Built], mark: str) -> Solved | None:
    """A line that does not add up as read, whose quantity carries a fraction under a tenth that the
    amount rules out (12.004 × 76.44 is 917.59, the amount 917.28), where the whole quantity times the
    price as printed is the amount exactly (12 × 76.44): the whole quantity and that price, the
    quantity doubtful all the same (`UNPINNED_STRAY`), a figure mended on a line that disagreed.  A
    price read as for many units because of the fraction's three figures ("per 1000") is read as
    printed again, the whole quantity leaving it no such basis.  The line's unit is counted, it has no
    discount, and the column's other quantities, if any, are whole."""
    s = b.solved
    q, a = s.quantity, s.amount
    if q is None or a is None or s.check != "disagrees" or s.options or q.cost > 0:
        return None
    if b.line.discount is not None or (b.line.unit or "").upper() in MEASURED:
        return None
    whole = q.value.to_integral_value()
    fraction = abs(q.value - whole)
    if fraction == 0 or fraction >= SPECK or whole <= 0:
        return None
    others = [o.solved.quantity.value for o in built if o is not b and o.solved.quantity]
    if any(v != v.to_integral_value() for v in others):
        return None
    text = " ".join(t.text for t in b.toks.get("unit_price", []))
    price = next((r for r in readings(text, mark) if r.cost == 0), None) if text else None
    if price is None or price.value <= 0 or not adding_up(whole, [price], [a], exactly=True):
        return None
    if agrees(q.value, price.value, a.value):
        return None  # the fraction adds up too: the line's own arithmetic, not this, decides
    reading = Reading(whole, max(q.cost, REPAIR_COST), UNPINNED_STRAY)
    return Solved(reading, price, a, "agrees")

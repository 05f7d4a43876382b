"""Whole quantities a fax gave a stray fraction: a speck after the figures read as a point and more
figures ("1000.060" for 1000), taken whole where the line's price and amount and the column's other
quantities all say the quantity is whole."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import pins
from parsers.layout.items import UNPINNED_STRAY, Built, settled
from parsers.layout.numbers import REPAIR_COST, Reading

SPECK = Decimal("0.1")  # a fraction under a tenth: figures past a zero, not a half or a quarter printed
OTHERS = 2  # other quantities in the column, all whole, for it to say the column counts whole units
MEASURED = frozenset({"KG", "M"})  # units ordered by measure, where a fraction may be printed
STRAY = "its stray fraction dropped"  # a reading's note: pinned by a price and amount read sure


def whole_quantities(built: list[Built]) -> list[Built]:
    """Each line whose quantity was read with a fraction under a tenth ("1000.060", "2500.004") that
    the line's amount cannot show (the fraction times the price is under half a cent), where the whole
    quantity times the price is the amount exactly, the line names no unit of measure and the column's
    other quantities (two or more) are all whole: read as the whole quantity.  Such a line adds up
    either way, and its unit is counted, so the fraction is ink, not a figure printed.

    Mended, so never sure on its own: the whole number is vouched for (`items.record_numbers`) only
    where the price and the amount were read as printed and leave it no neighbour (999 or 1001 would
    not make the amount) and the order's total adds up; otherwise it waits for a person
    (`UNPINNED_STRAY`)."""
    out = list(built)
    for i, b in enumerate(built):
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
        if whole * p.value != a.value:
            continue
        others = [o.solved.quantity.value for j, o in enumerate(built) if j != i and o.solved.quantity]
        if len(others) < OTHERS or any(v != v.to_integral_value() for v in others):
            continue
        sure = p.cost == 0 and a.cost == 0 and pins((whole, p.value, a.value), "quantity")
        reading = Reading(whole, max(q.cost, REPAIR_COST), STRAY if sure else UNPINNED_STRAY)
        out[i] = settled(b, replace(s, quantity=reading))
    return out

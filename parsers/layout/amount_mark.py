"""An amount a fax read without its decimal mark on a line whose quantity OCR did not read: the mark put
back where the document's other amounts print it, before the quantity is worked out of it."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from parsers.layout.geometry import Tok
from parsers.layout.numbers import LOST_MARK, REPAIR_COST, Reading, strip_money
from parsers.layout.solved_lines import COMPUTED, Solved

_BARE = re.compile(r"^\d{3,}$")
_MARKED = re.compile(r"^\d+[.,]\d+$")
WHOLE = Decimal(1)  # a quantity worked out of an amount is one of whole units (arith.solve)


def amount_mark_lost(solved: Solved, price: list[Tok], amount: list[Tok]) -> Solved:
    """A line whose quantity OCR read as no number, its price read with its decimal mark and its amount
    read as bare figures ("8,5000" and "2550" for 3 × 8,50 = 25,50), on a document whose amounts print
    their cents: quantity × price = amount holds with the amount as read (300) and with its mark put
    back two places in (3), so the line alone cannot tell; the other amounts say the mark was printed,
    and losing one mark is a fax's commonest slip, losing a mark and two figures together is not.  The
    amount is read with its mark back, at a repaired digit's cost, and the quantity worked out of it
    again, both doubtful unless the order's total vouches for them (`number_evidence.record_numbers`).
    Left as it was when the quantity then comes out as no whole number of units (it is worked out as one)."""
    q, p, a = solved.quantity, solved.unit_price, solved.amount
    if not price or not amount or q is None or p is None or a is None:
        return solved
    if solved.check != "derived" or not q.note.startswith("quantity " + COMPUTED):
        return solved
    price_text = strip_money(price[-1].text)[0]
    amount_text = strip_money(amount[-1].text)[0]
    if p.cost != 0 or not _MARKED.match(price_text) or p.value <= 0:
        return solved
    if a.cost != 0 or not _BARE.match(amount_text) or a.value != Decimal(amount_text):
        return solved
    back = a.value.scaleb(-2)
    quantity = back / p.value
    if quantity <= 0 or quantity != quantity.quantize(WHOLE) or quantity * p.value != back:
        return solved
    amount_back = Reading(back, REPAIR_COST, LOST_MARK)
    return replace(solved, quantity=replace(q, value=quantity.quantize(WHOLE)), amount=amount_back)

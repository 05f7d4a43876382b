"""The cross-check that chooses between readings: quantity × unit price = amount on a line, each
reading at its cost.  What it settles is a solved_lines.Solved; a number one digit off is worked out in
digit_slips, and the lines adding up to a printed total or carried-forward subtotal are in line_sums."""

from __future__ import annotations

import itertools
from decimal import Decimal

from parsers.layout.digit_slips import one_digit_off
from parsers.layout.numbers import LOST_MARK, OTHER_MARK, REPAIR_COST, STROKE_AS_ONE, Reading
from parsers.layout.price_scale import rescaled
from parsers.layout.solved_lines import CENT, EXACT, REPAIR_PARTNERS, Solved, solved_values

TOP = 6  # readings of each number tried against each other
FRACTION_COST = 2  # what a fractional quantity costs besides its reading
LOOSE_COST = 5  # what agreeing only within the rounding of the price costs (more than a repaired digit)
SHIFT_MARGIN = 1  # a reading with its decimal mark moved agrees within this of the cheapest: a tie
MOVED = (LOST_MARK, OTHER_MARK)  # notes of readings whose decimal mark is not where it was printed


def tolerance(quantity: Decimal, price: Decimal) -> Decimal:
    """How far quantity × price may be from a printed amount: cent rounding plus the price's own rounding."""
    exponent = price.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal("0.006") + abs(quantity) * Decimal(5).scaleb(-places - 1)


def agrees(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return abs(quantity * price - amount) <= tolerance(quantity, price)


def _derive(known: Reading, amount: Reading, what: str, *, fewest: bool = False) -> Reading | None:
    if known.value == 0:
        return None
    value = amount.value / known.value
    rounded = value.quantize(Decimal(1)) if what == "quantity" else value.quantize(Decimal("0.0001"))
    if abs(rounded * known.value - amount.value) > CENT:
        return None
    if fewest and what == "unit_price":
        rounded = _fewest_places(known.value, amount.value) or rounded
    return Reading(rounded, 3, f"{what} computed from the amount")


PRICE_PLACES = (2, 3, 4)  # the places a price is printed to, fewest first


def _fewest_places(quantity: Decimal, amount: Decimal) -> Decimal | None:
    """The price, to the fewest places a price is printed to, that makes `quantity` × price the amount
    to the cent, when exactly one price at those places does: 12,5 × 2,71 = 33,875 is the amount 33,88,
    where the amount over the quantity is 2,7104, a price no one printed.  At places where two prices
    make the amount (0,5 × 2,71 and 0,5 × 2,72 are both 1,36), more places cannot choose either: None."""
    if quantity <= 0:
        return None
    for places in PRICE_PLACES:
        step = Decimal(1).scaleb(-places)
        middle = (amount / quantity).quantize(step)
        near = (middle + k * step for k in range(-2, 3))
        found = [p for p in near if p > 0 and abs(quantity * p - amount) <= EXACT]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def solve(
    qty: list[Reading],
    price: list[Reading],
    amount: list[Reading],
    repairs: tuple[list[Reading], list[Reading], list[Reading]] | None = None,
    *,
    rescale: bool = False,
) -> Solved:
    """The cheapest readings for which quantity × price = amount; the plain ones when none agree.

    With `repairs` (the numbers were read by OCR), when no plain reading agrees to the cent, one number
    at a time is taken as misread: its repairs (a digit OCR confused) against the others' best
    readings, or its value computed from the other two when that is one digit from what was read.  One
    such repair is taken; several are left as options for the order total to choose between
    (parsers.layout.totals.settle).  With `rescale` (the quantity was read sure), the price's
    figures at another power of ten stand beside the other repairs, never alone (`price_scale.rescaled`).

    A line with an amount other than zero prints no quantity or price of zero: one read so is a figure
    OCR lost ("000" for 18,000), taken as not read, so that it is worked out from the other two."""
    if amount and amount[0].value != 0:
        qty = [r for r in qty if r.value != 0]
        price = [r for r in price if r.value != 0]
    q0, p0, a0 = (r[0] if r else None for r in (qty, price, amount))
    if qty and price and amount:
        found = _agreeing(qty[:TOP], price[:TOP], amount[:TOP])
        if found is not None and (tied := _shifted(qty[:TOP], price[:TOP], found)):
            # the cheapest as the line's figures, none vouched for (record_numbers: "disagrees")
            best = found[1]
            return Solved(best.quantity, best.unit_price, best.amount, "disagrees", tied)
        if found is not None and found[0] < LOOSE_COST:
            return found[1]
        repaired = _repaired(qty, price, amount, repairs) + (one_digit_off(qty, p0, a0) if repairs else [])
        if (
            rescale
            and repaired
            and found is None
            and p0 is not None
            and a0 is not None
            and (moved := rescaled(qty[:TOP], p0, a0))
        ):
            # no reading adds up and a figure repaired makes it: the price's figures at the one power
            # of ten that makes the amount stand beside that repair, so that neither is taken alone
            # ("1000" × "0,12" = 12,00: 100 × 0,12 or 1000 × 0,012); never taken on its own, where it
            # would stand before what the page's sums work out (12,5 × 3,15 read "125": 125 × 0,315)
            repaired.append(Solved(moved[0], moved[1], a0, "agrees"))
        if found is not None and all(found[0] <= _full_cost(s) for s in repaired):
            # the figures as read add up, at no more cost than any digit changed: a change that adds
            # up too has nothing to stand on ("3,1500" for "3,1506": 7.25 × either is 22.84)
            return found[1]
        distinct = list({solved_values(s): s for s in sorted(repaired, key=lambda s: -s.cost)}.values())
        if len(distinct) == 1:
            return distinct[0]
        if len(distinct) > 1:
            return Solved(q0, p0, a0, "disagrees", tuple(sorted(distinct, key=lambda s: s.cost)))
        return found[1] if found is not None else Solved(q0, p0, a0, "disagrees")
    if amount and (qty or price) and not (qty and price):
        if qty:
            # on a scan, at the places a price is printed to: the page's figures, not their quotient
            derived = _derive(qty[0], amount[0], "unit_price", fewest=repairs is not None)
            if derived is not None:
                return Solved(qty[0], derived, amount[0], "derived")
        # the quantity OCR lost, computed from the price: as printed, else with a decimal mark the fax
        # lost put back ("390" for 3,90 beside 15,60: 4), the cheapest reading that leaves whole units
        for known in price[:1] + [r for r in price[1:TOP] if r.note == LOST_MARK]:
            derived = _derive(known, amount[0], "quantity")
            if derived is not None and derived.value > 0:
                return Solved(derived, known, amount[0], "derived")
        # else a price with a stroke among its figures read as a 1 ("412000" for 4,2000 beside 252,00:
        # 60): only where exactly one such reading leaves whole units
        whole = [
            (derived, known)
            for known in price
            if known.note == STROKE_AS_ONE
            and (derived := _derive(known, amount[0], "quantity")) is not None
            and derived.value > 0
        ]
        if len(whole) == 1:
            return Solved(whole[0][0], whole[0][1], amount[0], "derived")
    return Solved(q0, p0, a0, "unchecked")


def _shifted(qty: list[Reading], price: list[Reading], found: tuple[int, Solved]) -> tuple[Solved, ...]:
    """The agreeing readings and those that agree as cheaply with the quantity's and the price's decimal
    marks moved the other way, cheapest first; none when no such pair does.  A fax that lost the mark of
    "12,000" and moved the price's ("0,454" for 4,54) makes 120 × 0.454 and 12 × 4.54 both the amount:
    the product cannot say where the marks stand, so the line is left open (`Solved.options`) for the
    quantity and price columns' other rows to choose (`item_columns.by_columns`), else for a person."""
    cost, best = found
    q, p = best.quantity, best.unit_price
    # a quantity read as printed stands ("1200" m at "00350": 1200 × 0,0350, never 12,00 × 3,50): whole
    # figures are what a quantity column prints; only a quantity whose mark was itself moved is open
    if q is None or p is None or best.amount is None or q.note not in MOVED:
        return ()
    product = q.value * p.value
    out = [best]
    for q2, p2 in itertools.product(qty, price):
        if q2.value == q.value or q2.value <= 0 or q2.value * p2.value != product:
            continue
        other = Solved(q2, p2, best.amount, "agrees")
        if _as_printed_cost(other) <= cost + SHIFT_MARGIN and all(
            solved_values(o) != solved_values(other) for o in out
        ):
            out.append(other)
    return tuple(out) if len(out) > 1 else ()


def _as_printed_cost(other: Solved) -> int:
    """`_full_cost` of `other`, an option weighed against one whose quantity's mark was moved, but for
    the fraction of a quantity read with its decimals as printed: "12.500" kg under a point's page is
    12.5 by its print, and only a mark moved makes it twelve thousand five hundred, so its fraction
    is no reason to prefer the move ("12.500" at "3.15" = "39.38" under "Rate (per 1000)" is 12.5 kg
    at 3.15 or, its point read as a group mark, 12500 at 0.00315: the columns choose, else a person)."""
    q = other.quantity
    printed = q is not None and q.cost == 0 and not q.note and q.value != q.value.to_integral_value()
    return _full_cost(other) - (FRACTION_COST if printed else 0)


def _repaired(
    qty: list[Reading],
    price: list[Reading],
    amount: list[Reading],
    repairs: tuple[list[Reading], list[Reading], list[Reading]] | None,
) -> list[Solved]:
    """For each of the three numbers, the cheapest of its repairs that agrees to the cent; when none
    does, for each two of them (a font whose zeros OCR misreads spoils price and amount alike)."""
    if not repairs:
        return []
    plain = [qty[:REPAIR_PARTNERS], price[:REPAIR_PARTNERS], amount[:REPAIR_PARTNERS]]
    for slots in ((0,), (1,), (2,)), ((1, 2), (0, 2), (0, 1)):
        out = []
        for repaired in slots:
            lists = [repairs[i] if i in repaired else plain[i] for i in range(3)]
            found = _agreeing(*lists)
            if found is not None and found[0] < LOOSE_COST + REPAIR_COST * len(repaired):
                out.append(found[1])
        if out:
            return out
    return []


def _agreeing(qty: list[Reading], price: list[Reading], amount: list[Reading]) -> tuple[int, Solved] | None:
    """The cheapest agreeing readings and what they cost, all told: a product off the amount by more
    than the amount's own rounding (agreeing only within the price's rounding) costs more than one
    repaired digit, and a fractional quantity a little more, so that of two readings that agree the
    whole one wins ("1,200" × "0,340" = "408,00" is 1200 × 0.34, not 1.2 × 340)."""
    best: tuple[int, Solved] | None = None
    for q, p, a in itertools.product(qty, price, amount):
        if q.value > 0 and agrees(q.value, p.value, a.value):
            found = Solved(q, p, a, "agrees")
            cost = _full_cost(found)
            if best is None or cost < best[0]:
                best = (cost, found)
    return best


def _full_cost(solved: Solved) -> int:
    """What agreeing readings cost, all told (`_agreeing`): their readings, a fractional quantity, and
    a product off the amount by more than the amount's own rounding."""
    q, p, a = (r.value if r else None for r in (solved.quantity, solved.unit_price, solved.amount))
    cost = solved.cost
    if q is not None and q != q.to_integral_value():
        cost += FRACTION_COST
    if q is not None and p is not None and a is not None and abs(q * p - a) > EXACT:
        cost += LOOSE_COST
    return cost

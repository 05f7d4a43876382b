"""Cross-checks that choose between readings: quantity × unit price = amount on a line, and the lines
adding up to a printed total or carried-forward subtotal."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from core.capture.domain.order import line_net
from parsers.layout.numbers import LOST_MARK, OTHER_MARK, REPAIR_COST, Reading, confusable
from parsers.layout.price_scale import rescaled, sign_before
from parsers.layout.text import one_edit

TOP = 6  # readings of each number tried against each other
REPAIR_PARTNERS = 3  # readings of the other two numbers a repaired one is tried against
FRACTION_COST = 2  # what a fractional quantity costs besides its reading
LOOSE_COST = 5  # what agreeing only within the rounding of the price costs (more than a repaired digit)
EXACT = Decimal("0.0051")  # quantity × price within this of the amount: agreeing to the cent
CENT = Decimal("0.01")
COMPUTED = "computed"  # what a reading's note says of a value worked out from the line's other numbers
SHIFT_MARGIN = 1  # a reading with its decimal mark moved agrees within this of the cheapest: a tie
MOVED = (LOST_MARK, OTHER_MARK)  # notes of readings whose decimal mark is not where it was printed


@dataclass(frozen=True)
class Solved:
    """The readings chosen for one line and what the cross-check said about them."""

    quantity: Reading | None
    unit_price: Reading | None
    amount: Reading | None
    check: str  # "agrees" | "disagrees" | "unchecked" | "derived"
    options: tuple[Solved, ...] = ()  # readings that agree, when one line alone cannot choose between them
    # the quantity's and the price's own reading costs, where a mend raised every cost to a repaired
    # digit's only to keep the line short of sure unless the total vouches (item_discounts.fitted_by_discount)
    own_costs: tuple[int, int] | None = None

    @property
    def cost(self) -> int:
        return sum(r.cost for r in (self.quantity, self.unit_price, self.amount) if r is not None)


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
        repaired = _repaired(qty, price, amount, repairs) + (_one_digit_off(qty, p0, a0) if repairs else [])
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
        distinct = list({_values(s): s for s in sorted(repaired, key=lambda s: -s.cost)}.values())
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
        if _as_printed_cost(other) <= cost + SHIFT_MARGIN and all(_values(o) != _values(other) for o in out):
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


def _values(s: Solved) -> tuple[Decimal | None, ...]:
    return tuple(r.value if r else None for r in (s.quantity, s.unit_price, s.amount))


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


def _digits(value: Decimal) -> str:
    return "".join(map(str, value.as_tuple().digits))


def _slip(read: str, computed: str) -> bool:
    """One digit OCR dropped or added, or one it took for a digit of like shape ("12,3" for 12,8):
    what a fax does to a figure. "80" for 50 is no slip: a clearly printed 8 is an 8, and a quantity
    or price that contradicts the amount is the customer's to explain, not ours to compute away."""
    if len(read) != len(computed):
        return one_edit(read, computed)
    diff = [(x, y) for x, y in zip(read, computed, strict=True) if x != y]
    return len(diff) == 1 and confusable(*diff[0])


def _placed(value: Decimal, scale: int) -> str:
    """The figures of `value` × `scale` at their places, without leading or trailing zeros (0.56 for
    1000 as "560", 0.05 for 1000 as "50"): a price for `scale` units as printed."""
    text = format((value * scale).normalize(), "f")
    return text.lstrip("0") if "." in text else text


def _slip_in_place(read: str, computed: str) -> bool:
    """A slip (`_slip`) of figures written at their places (`_placed`), the decimal point where it
    was: "560" read for 50 is one figure too many, but "0.56" is no slip from 50, though its figures
    are the same."""
    return read.count(".") == computed.count(".") and _slip(read, computed)


def scale(reading: Reading) -> int:
    """The units a price reading is for as printed ("per 1000": 1000), else 1."""
    per = reading.note.removeprefix("per ")
    return int(per) if reading.note.startswith("per ") and per.isdigit() else 1


def _exact_price(amount: Decimal, quantity: Decimal) -> Decimal | None:
    """The price of one unit that makes `quantity` × price the amount to the cent, if one does."""
    if quantity <= 0:
        return None
    price = (amount / quantity).quantize(Decimal("0.0001")).normalize()
    return price if abs(price * quantity - amount) <= EXACT else None


def _one_digit_off(qty: list[Reading], p: Reading | None, a: Reading | None) -> list[Solved]:
    """Each number of the three that, computed from the other two, is a single digit away from what
    was read ("15" for 150, "4,34" for 0,34); a quantity or price only when that digit is an OCR slip
    (the amount computed is vouched for by the order's total as well).

    A price read for 100 or 1,000 units is compared as printed, its figures at their places: a
    quantity read a thousand times too small ("5 000" cut to "5") gives a price with the same figures
    a thousand times too big, which is no slip ("560,00" a thousand read for 50,00: not 5 at 50 each).
    Such a price is computed from the quantity's next readings too (the number cut in two read whole
    is a costlier one), the cheapest that makes it one slip."""
    q = qty[0] if qty else None
    if q is None or p is None or a is None or q.value <= 0 or p.value <= 0:
        return []
    found = []
    exact_q = a.value / p.value
    if exact_q == exact_q.to_integral_value():
        whole = exact_q.quantize(Decimal(1))
        if _slip(_digits(q.value), _digits(whole)):
            found.append(Solved(_computed(whole, q), p, a, "agrees"))
    units = scale(p)
    tried: dict[Decimal, Reading] = {}
    for r in qty[:REPAIR_PARTNERS] if units != 1 else qty[:1]:
        tried.setdefault(r.value, r)
    for each in tried.values():
        exact_p = _exact_price(a.value, each.value)
        if exact_p is None:
            continue
        if units != 1:
            slipped = _slip_in_place(_placed(p.value, units), _placed(exact_p, units))
        else:
            slipped = _slip(_digits(p.value.normalize()), _digits(exact_p)) or sign_before(p.value, exact_p)
        if slipped:
            found.append(Solved(each, _computed(exact_p, p), a, "agrees"))
            break
    exact_a = (q.value * p.value).quantize(CENT)
    if one_edit(_digits(a.value.quantize(CENT)), _digits(exact_a)):
        found.append(Solved(q, p, _computed(exact_a, a), "agrees"))
    return found


def _computed(value: Decimal, read: Reading) -> Reading:
    return Reading(value, REPAIR_COST + 1, f"{COMPUTED} from the other two numbers, one digit from the print")


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


def to_the_cent(quantity: Decimal, price: Decimal, amount: Decimal, discount: Decimal | None = None) -> bool:
    """Whether quantity × price, less the line's discount in percent, is the amount to the cent."""
    return abs(line_net(quantity, price, discount) - amount) <= EXACT


def adding_up(
    quantity: Decimal, prices: list[Reading], amounts: list[Reading], *, exactly: bool = False
) -> dict[Decimal, tuple[Reading, Reading]]:
    """The readings of a line's price and amount with which `quantity` makes the line add up, by the
    price's value (the last amount it fits kept): quantity × price the amount to the cent, or, where
    `exactly`, the amount itself (a whole quantity the price makes the amount with nothing to round).
    Where a quantity was read again in another way, this says whether the line still adds up with it."""
    return {
        p.value: (p, a)
        for p in prices
        for a in amounts
        if (quantity * p.value == a.value if exactly else to_the_cent(quantity, p.value, a.value))
    }


def pinned(solved: Solved, name: str, discount: Decimal | None = None) -> bool:
    """Whether quantity × price = amount leaves the number `name` of agreeing readings no other value
    at the places it has: its last figure other than a zero, one up or one down, would no longer agree
    to the cent.  An amount always is (another amount is a cent off); a price to four places on a line
    of a few units is not (12.5 × 3.1500 and 12.5 × 3.1504 both make 39.38), so the arithmetic cannot
    vouch for a figure it was repaired or worked out to fit."""
    return pins(_values(solved), name, discount)


def pins(values: tuple[Decimal | None, ...], name: str, discount: Decimal | None = None) -> bool:
    """`pinned` for a line's (quantity, price, amount) values."""
    if name == "amount" or any(v is None for v in values):
        return True
    quantity, price, amount = (v for v in values if v is not None)
    value = quantity if name == "quantity" else price
    # its last figure but a zero: "3,1500" is pinned where 3.15 is, its zeros stand as read
    exponent = value.normalize().as_tuple().exponent
    step = Decimal(1).scaleb(min(exponent, 0) if isinstance(exponent, int) else 0)
    for nearby in (value - step, value + step):
        q, p = (nearby, price) if name == "quantity" else (quantity, nearby)
        if nearby > 0 and to_the_cent(q, p, amount, discount):
            return False
    return True


def line_value(solved: Solved) -> Decimal | None:
    """What a line contributes to the total: its amount, else quantity × price rounded to cents."""
    if solved.amount is not None:
        return solved.amount.value
    if solved.quantity is not None and solved.unit_price is not None:
        return (solved.quantity.value * solved.unit_price.value).quantize(CENT)
    return None


def matching(readings: list[Reading], target: Decimal) -> Reading | None:
    """The cheapest reading equal to `target` (to the cent)."""
    return next((r for r in readings if abs(r.value - target) <= CENT), None)

"""A number one digit off: the figure OCR misread worked out from the line's other two numbers, kept
where the printed and the worked-out figures differ by one slip of a digit, in place or moved."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout.numbers import REPAIR_COST, Reading, confusable
from parsers.layout.price_scale import sign_before
from parsers.layout.solved_lines import CENT, COMPUTED, EXACT, REPAIR_PARTNERS, Solved
from parsers.layout.text import one_edit


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


def one_digit_off(qty: list[Reading], p: Reading | None, a: Reading | None) -> list[Solved]:
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

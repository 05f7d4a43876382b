"""A line whose figures a fax spoilt in two places, worked out from the amount the printed totals leave
it: where every other line of a printed sum adds up as read, that sum less the other lines is this
line's amount, and the quantity and price are the one pair, each one figure from its reading, that
makes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from parsers.layout.arith import PRICE_PLACES
from parsers.layout.items import Built, settled
from parsers.layout.line_sums import line_value, to_the_cent
from parsers.layout.numbers import REPAIR_COST, Reading, readings
from parsers.layout.rows import Draft
from parsers.layout.solved_lines import COMPUTED, Solved
from parsers.layout.text import one_edit
from parsers.layout.totals import Seen

FROM_TOTAL = f"{COMPUTED} from the amount the printed total leaves the line"
FIRM = REPAIR_COST  # an amount read more cheaply than a repaired digit is read as printed
TOP = 4  # readings of a cell tried
PASSES = 3
UNSURE = 0.8  # OCR's confidence under which a figure may be one the fax spoilt (validation's floor)
_PER = re.compile(r"^per (\d+)")


def by_total(built: list[Built], drafts: list[Draft], seen: list[Seen], mark: str) -> list[Built]:
    """`_pinned` until nothing more changes (a page's subtotal pins one line, and then the order's total
    the one line left on another page), at most `PASSES` times."""
    for _ in range(PASSES):
        again = _pinned(built, drafts, seen, mark)
        if again == built:
            break
        built = again
    return built


def _pinned(built: list[Built], drafts: list[Draft], seen: list[Seen], mark: str) -> list[Built]:
    """Where exactly one line of a printed sum (the order's net or plain total, a carried-forward
    subtotal) has an amount not read as printed, and every other line's was, the sum less the others
    is that line's amount; where every amount was and the sum is off, the one line whose amount is one
    figure from what the sum leaves it, if only one is.  A line's quantity and price are then the one
    pair, each as read or one figure from it ("20,00" and "4,715" for 50 at 4,75 beside a subtotal
    that leaves the line 237,50), that makes its amount to the cent.  Every figure so worked out stays
    doubtful (`number_evidence.record_numbers`, a "derived" line): the printed sum vouches for the amount,
    nothing for the figure it was changed to."""
    values = [line_value(b.solved) for b in built]
    firm = [_firm(b.solved) for b in built]
    found: dict[int, dict[tuple[Decimal | None, ...], Solved]] = {}
    for members, target in _sums(drafts, seen, mark):
        loose = [i for i in members if not firm[i]]
        rest = sum((values[j] or Decimal(0) for j in members if firm[j]), Decimal(0))
        if len(loose) == 1:
            pins = [(loose[0], target - rest)]
        elif not loose and members and rest != target:
            # every amount read as printed, and the sum off: the one line whose amount, one figure
            # from its reading, makes the sum, where exactly one does ("80.40" for 86.40)
            pins = [(i, target - rest + (values[i] or Decimal(0))) for i in members]
            pins = _only([(i, a) for i, a in pins if a > 0 and _fit(built[i], a, mark) is not None])
        else:
            continue
        for index, amount in pins:
            fit = _fit(built[index], amount, mark) if amount > 0 else None
            if fit is not None:
                found.setdefault(index, {})[_values(fit)] = fit
    out = list(built)
    for index, fits in found.items():
        if len(fits) == 1:
            (fit,) = fits.values()
            out[index] = settled(built[index], fit)
    return out


def _only(pins: list[tuple[int, Decimal]]) -> list[tuple[int, Decimal]]:
    return pins if len(pins) == 1 else []


def _firm(solved: Solved) -> bool:
    """Whether a line's amount was read as printed (or as cheaply as a mark read the other way), not
    repaired or worked out, on a line whose arithmetic does not contradict it."""
    amount = solved.amount
    return (
        amount is not None
        and solved.check != "disagrees"
        and amount.cost < FIRM
        and not amount.note.startswith(COMPUTED)
    )


def _sums(drafts: list[Draft], seen: list[Seen], mark: str) -> Iterator[tuple[list[int], Decimal]]:
    """The lines a printed sum adds up and the sum, read as printed: the net total (else the plain
    one) over every line, and each carried-forward subtotal over the lines before its page or up to
    it (it stands at a page's foot or heads the next)."""
    kinds = {s.kind for s in seen}
    whole = "net" if "net" in kinds else "total"
    for s in seen:
        value = _as_printed(s, mark)
        if value is None:
            continue
        if s.kind == whole:
            yield list(range(len(drafts))), value
        elif s.kind == "carried":
            yield [i for i, d in enumerate(drafts) if d.page < s.page], value
            yield [i for i, d in enumerate(drafts) if d.page <= s.page], value


def _as_printed(s: Seen, mark: str) -> Decimal | None:
    if not s.toks:
        return None
    found = readings(s.toks[-1].text, mark, rules=False, lost_marks=False)
    return found[0].value if found and found[0].cost == 0 else None


def _fit(b: Built, amount: Decimal, mark: str) -> Solved | None:
    """The line with `amount`, and the one quantity and price, each as read or one figure from it, that
    make it to the cent (less the line's discount); None when no pair or several do, when the amount
    as read is more than a figure from `amount`, or when the quantity and price would stay as read."""
    solved, discount = b.solved, b.line.discount
    if not _near_amount(b, amount, mark):
        return None
    q_read = _read(solved.quantity, b, "quantity", mark)
    p_read = _read(solved.unit_price, b, "unit_price", mark)
    if q_read is None or (p_read is None and not b.toks.get("amount")):
        return None  # a row whose price and amount were both lost: a person enters them, none is made up
    pairs = set()
    for q in _quantities(q_read, b, mark) if _unsure(b, "quantity") else [q_read.value]:
        price = _price(q, amount, discount)
        if price is None or (p_read is not None and price != p_read.value and not _unsure(b, "unit_price")):
            continue
        if p_read is None and q != q_read.value:
            continue  # a price worked out cannot check a quantity changed too
        if p_read is None or _one_off_price(p_read, price):
            pairs.add((q, price))
    if len(pairs) != 1:
        return None
    ((q, price),) = pairs
    if q == q_read.value and p_read is not None and price == p_read.value:
        return None  # quantity and price stand as read: the amount alone is left as read
    fit = Solved(_kept(q_read, q), _kept(p_read, price), _kept(solved.amount, amount), "derived")
    return None if _values(fit) == _values(solved) else fit


def _kept(read: Reading | None, value: Decimal) -> Reading:
    """The reading, where it is `value` as read; else `value` worked out (doubtful)."""
    if read is not None and read.value == value and not read.note.startswith(COMPUTED):
        return read
    return Reading(value, REPAIR_COST + 1, FROM_TOTAL)


def _read(reading: Reading | None, b: Built, name: str, mark: str) -> Reading | None:
    """The cell's reading the line took, else its cheapest plain one; None for a cell not read (a value
    worked out from the others was not read)."""
    if reading is not None and not reading.note.startswith(COMPUTED) and "computed" not in reading.note:
        return reading
    cell = b.toks.get(name) or []
    found = readings(cell[-1].text, mark) if cell else []
    return found[0] if found else None


def _quantities(read: Reading, b: Built, mark: str) -> list[Decimal]:
    """The quantity as read, the cell's other readings, and a whole quantity's figures one edit off
    (one dropped, added or changed: "20" for 50, "142" for 12)."""
    cell = b.toks.get("quantity") or []
    out = [read.value] + [r.value for r in (readings(cell[-1].text, mark)[:TOP] if cell else [])]
    if read.value > 0 and read.value == read.value.to_integral_value():  # a sign is no figure to edit
        figures = str(int(read.value))
        out += [Decimal(f) for f in _one_edit_figures(figures) if f]
    return [q for q in dict.fromkeys(out) if q > 0]


def _one_edit_figures(figures: str) -> Iterator[str]:
    digits = "0123456789"
    for i in range(len(figures) + 1):
        for d in digits:
            yield figures[:i] + d + figures[i:]
    for i in range(len(figures)):
        yield figures[:i] + figures[i + 1 :]
        for d in digits:
            yield figures[:i] + d + figures[i + 1 :]


def _price(quantity: Decimal, amount: Decimal, discount: Decimal | None) -> Decimal | None:
    """The price, at the fewest places a price is printed to, that makes `quantity` the amount to the
    cent less the discount, when exactly one price at those places does."""
    net = Decimal(1) if discount is None else (100 - discount) / 100
    if net <= 0:
        return None
    for places in PRICE_PLACES:
        step = Decimal(1).scaleb(-places)
        middle = (amount / (quantity * net)).quantize(step)
        near = (middle + k * step for k in range(-2, 3))
        found = [p for p in near if p > 0 and to_the_cent(quantity, p, amount, discount)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _one_off_price(read: Reading, price: Decimal) -> bool:
    """Whether `price` is the price as read or one figure from it, written at their places for the units
    the price was read for ("940,0000" for a thousand is 950 for 0,95 each: one figure)."""
    match = _PER.match(read.note)
    units = int(match.group(1)) if match else 1
    return one_edit(_placed(read.value, units), _placed(price, units)) or read.value == price


def _placed(value: Decimal, units: int) -> str:
    text = format((value * units).normalize(), "f")
    return text.lstrip("0") if "." in text else text


def _near_amount(b: Built, amount: Decimal, mark: str) -> bool:
    """Whether the amount cell as read is `amount`, one figure from it, or it with its cents lost; or
    no amount was read."""
    cell = b.toks.get("amount") or []
    read = "".join(c for c in (cell[-1].text if cell else "") if c.isdigit()).lstrip("0")
    if not read:
        return True
    want = format(amount.quantize(Decimal("0.01")), "f").replace(".", "").lstrip("0")
    if read == want:
        return True
    return _unsure(b, "amount") and (
        one_edit(read, want) or (want.startswith(read) and 0 < len(want) - len(read) <= 2)
    )


def _unsure(b: Built, name: str) -> bool:
    """Whether OCR read the cell `name` unsure, or not at all: a figure read sure is never changed to fit."""
    return min((t.conf for t in b.toks.get(name) or []), default=0.0) < UNSURE


def _values(s: Solved) -> tuple[Decimal | None, ...]:
    return tuple(r.value if r else None for r in (s.quantity, s.unit_price, s.amount))

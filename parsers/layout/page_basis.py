"""The units a scanned page's prices are for where its amounts say so: a price basis nobody could read
(a heading "Precio (por 100)" garbled, a "Per" column lost) still shows in the arithmetic of the lines
printed for it, each amount a hundredth or a thousandth of its quantity times its price."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from parsers.layout.numbers import OTHER_MARK, Reading, readings, strip_money
from parsers.layout.rows import Draft

BASES = (100, 1000)  # the units a page's prices may be for
AGREEING = 2  # lines whose figures as printed make the basis, at least
SURE_AMOUNT = 0.8  # OCR's confidence in an amount that may say the basis (validation's floor)
PAGE_BASIS = ", as the page's other lines"  # a price reading's note: the basis the page's amounts say
PER_EDGE = "()[]{}|'\"“”‘’.,:;*"  # around a price basis ("Per" figure) as OCR reads it


def _as_printed(text: str, mark: str) -> Reading | None:
    """`text` read exactly as printed under the page's decimal mark, no figure or mark mended."""
    found = readings(text, mark, rules=False, lost_marks=False)
    return found[0] if found and found[0].cost == 0 else None


def says(draft: Draft, mark: str) -> int | None:
    """The units the line's printed figures say its price is for: 100 or 1,000 where its quantity times
    its price over that many units is its amount to the last figure, each read exactly as printed, the
    price with its decimal mark (a price that lost its mark, "475" for 4,75, makes 4,75 a hundredth of
    475 as well) and the amount read sure.  A basis the line prints ("3,78/100", a "Per" cell of 100)
    is the one it says; one it does not print is said only where the line does not add up for one unit
    as well with a printed mark read the other way ("1.000" at 21,60 = 21,60: a thousand at 21,60 a
    thousand, or one unit to three places).  None for a line that says no basis, or one unit."""
    qty, price, amount = draft.numbers("qty")[:1], draft.numbers("price")[:1], draft.numbers("amount")[-1:]
    if not qty or not price or not amount or draft.cells.get("discount"):
        return None
    if amount[0].conf < SURE_AMOUNT or mark not in strip_money(price[0].text)[0]:
        return None
    q, p, a = (_as_printed(t[0].text, mark) for t in (qty, price, amount))
    if q is None or p is None or a is None or q.value <= 0 or a.value <= 0:
        return None
    per = [t.text.strip(PER_EDGE) for t in draft.numbers("per")[:1]]
    printed = int(per[0]) if per and per[0].isdigit() and int(per[0]) in BASES else None
    if p.note.startswith("per "):  # the price read with its basis ("3,78/100"): already for one unit
        suffix = p.note.removeprefix("per ")
        printed, units = (int(suffix) if suffix.isdigit() else None), 1
    else:
        units = printed or 1
    if printed is not None:
        return printed if q.value * p.value / units == a.value else None
    said = next((n for n in BASES if q.value * p.value / n == a.value), None)
    if said is None or _for_one_otherwise(qty[0].text, price[0].text, a.value, mark):
        return None
    return said


def _for_one_otherwise(qty: str, price: str, amount: Decimal, mark: str) -> bool:
    """Whether the quantity times the price, one of them read with the other decimal mark, is the amount:
    the line adds up for one unit as well, and its figures cannot say a basis."""
    quantities = readings(qty, mark, rules=False, lost_marks=False)
    prices = readings(price, mark, rules=False, lost_marks=False)
    return any(
        q.value * p.value == amount
        for q in quantities
        for p in prices
        if {q.note, p.note} == {OTHER_MARK, ""}
    )


def page_bases(drafts: Sequence[Draft], mark: str) -> dict[int, int]:
    """The units each page's prices are for where its lines' amounts say so (`says`): one basis that
    at least `AGREEING` lines of the page say and no line says another.  A line priced for one unit
    beside them says nothing against it: a table may price a screw by the hundred and a drill by the
    piece.  Where most lines print their quantities with decimals, a line whose quantity
    prints none says nothing ("5,000,000" among "36.000" and "48.000": 5,000.000 spoilt, not five
    million).  Only for the arithmetic to choose with (`parsers.layout.items`): a line whose figures add up
    for one unit as printed stays so."""
    said: dict[int, Counter[int]] = {}
    places = _places_printed(drafts, mark)
    for d in drafts:
        qty = d.numbers("qty")[:1]
        if places and qty and not _WITH_PLACES.search(qty[0].text.replace(mark, "#")):
            continue  # "5,000,000" among quantities to three places: a figure spoilt, no thousands group
        n = says(d, mark)
        if n is not None:
            said.setdefault(d.page, Counter())[n] += 1
    out = {}
    for page, counts in said.items():
        ((n, lines),) = counts.most_common(1)
        if len(counts) == 1 and lines >= AGREEING:
            out[page] = n
    return out


_WITH_PLACES = re.compile(r"#\d{1,3}\D*$")  # the decimal mark ("#") and the figures after it, at the end


def _places_printed(drafts: Sequence[Draft], mark: str) -> bool:
    """Whether most of the lines print their quantity with decimals ("36.000"): a quantity printed
    without them there is no figure to say a basis by."""
    texts = [q[0].text.replace(mark, "#") for d in drafts if (q := d.numbers("qty")[:1])]
    return 2 * sum(1 for t in texts if _WITH_PLACES.search(t)) > len(texts)


def divided(prices: list[Reading], units: int, cost: int) -> list[Reading]:
    """`prices` read as for `units` units, as the page's amounts say, each at `cost` more."""
    return [
        Reading(r.value / Decimal(units), r.cost + cost, f"per {units}{PAGE_BASIS}")
        for r in prices
        if not r.note.startswith("per ")
    ]


def noted_basis(note: str) -> int | None:
    """The units a price reading's note says the page's amounts divided it by (`divided`); None for a
    reading no page basis divided."""
    if not note.endswith(PAGE_BASIS):
        return None
    return int(note.removeprefix("per ").split(",")[0])

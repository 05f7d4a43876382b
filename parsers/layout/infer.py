"""Columns whose heading was lost (OCR dropped or garbled it), typed by what stands in them: the three
whose numbers make quantity × price = amount on the rows are those columns; a column of small whole
numbers at the left holds positions; a column of codes before the quantity, when no heading says
"code", holds the item codes; a column of percentages that makes quantity × price less it the amount
on rows where quantity × price alone is not, holds the lines' discounts. Codes, descriptions and
positions told apart by their cells are `code_columns`'s; whether cells number the rows,
`row_numbering`'s."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import solve
from parsers.layout.bases import basis_read, column_of_ones
from parsers.layout.code_columns import by_content, codes_beside_names, texts_under_code
from parsers.layout.columns import Segment, Unheaded
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.row_numbering import POSITION_EDGE, SPECKS, numbering
from parsers.layout.solved_lines import EXACT
from parsers.layout.units_apart import split_units

NUMERIC = ("qty", "price", "amount")
MARKS = (",", ".")
# kinds a column of numbers may be taken from: no heading, or a "Unit" that was "Unit price" before OCR
RETYPABLE = ("other", "unit")
MIN_AGREEING = 2  # rows that must agree before a column is given a kind (one, if the table has one row)


def _segment_of(x: float, segs: Sequence[Segment]) -> int | None:
    return next((i for i, (x0, x1, _) in enumerate(segs) if x0 <= x <= x1), None)


def _numbers(line: Line, segs: Sequence[Segment]) -> dict[int, Tok]:
    """The first number in each segment of the line."""
    out: dict[int, Tok] = {}
    for tok in line.toks:
        i = _segment_of(tok.cx, segs)
        if i is not None and i not in out and looks_numeric(tok.text):
            out[i] = tok
    return out


def _agrees(row: dict[int, Tok], q: int, p: int, a: int, per: int | None = None) -> bool:
    """Whether the row's quantity × price is its amount; with `per`, the column of the basis each price
    is for (1, 100, 1000), the price divided by the row's basis."""
    if not {q, p, a} <= row.keys() or (per is not None and per not in row):
        return False
    basis = Decimal(_basis(row[per].text) or 1) if per is not None else Decimal(1)
    for mark in MARKS:
        prices = [replace(r, value=r.value / basis) for r in readings(row[p].text, mark)]
        found = solve(readings(row[q].text, mark), prices, readings(row[a].text, mark))
        if found.check == "agrees":
            return True
    return False


def type_columns(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """`segs` with unheaded columns given the kinds their content shows; the rest as they were."""
    typed = texts_under_code(
        codes_beside_names(_by_arithmetic(split_units(segs, lines), lines), lines), lines
    )
    typed = _discounts(by_content(typed, lines), lines)
    return _ones_beside_price(typed, lines)


def _ones_beside_price(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """An unheaded column between the price and the amount that prints 1 on every row, typed as the
    prices' basis ("Per" OCR garbled to "PCR" over a page of prices each for one unit): the line says
    its price is for one unit, never for a hundred whose amount a lost mark would make fit."""
    kinds = {h.kind: i for i, (_, _, h) in enumerate(segs)}
    if "per" in kinds or not {"price", "amount"} <= kinds.keys():
        return segs
    p, a = kinds["price"], kinds["amount"]
    priced = [line for line in lines if p in _numbers(line, segs)]
    out = list(segs)
    for i, (x0, x1, h) in enumerate(segs):
        if h.kind != "other" or not segs[p][1] <= x0 < x1 <= segs[a][0]:
            continue
        texts = [" ".join(t.text for t in line.toks if x0 <= t.cx <= x1) for line in priced]
        if column_of_ones([t for t in texts if t], len(priced)):
            out[i] = (x0, x1, Unheaded("per", x0, x1))
            break
    return out


def _by_arithmetic(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """The unheaded numeric columns given the kinds the arithmetic shows, when it shows them on enough
    rows."""
    kinds = {h.kind for _, _, h in segs}
    missing = [k for k in NUMERIC if k not in kinds]
    rows = [r for r in (_numbers(line, segs) for line in lines) if len(r) >= 2]
    free = [
        i
        for i, (_, _, h) in enumerate(segs)
        if h.kind in RETYPABLE and 2 * sum(i in r for r in rows) >= len(rows)
    ]
    if not missing or len(free) < len(missing) or not rows:
        return segs
    headed = {h.kind: i for i, (_, _, h) in enumerate(segs) if h.kind in NUMERIC}
    # a column of price bases whose "Per" heading OCR garbled ("PCR" over 1 and 100): the prices under
    # it are for that many units, so quantity × price / basis is the amount, never quantity × basis
    bases = [] if any(h.kind == "per" for _, _, h in segs) or "price" not in missing else _bases(free, rows)
    numbered = _numbering_column(free, segs, rows)
    scored: list[Scored] = []
    for chosen in itertools.permutations([i for i in free if i not in bases], len(missing)):
        assign = headed | dict(zip(missing, chosen, strict=True))
        if assign.get("qty") == numbered:
            continue  # the rows' positions: a few rows whose quantity is their position agree
        agreeing = sum(_agrees(r, assign["qty"], assign["price"], assign["amount"]) for r in rows)
        scored.append((agreeing, assign))
        for per in bases:
            by_basis = sum(_agrees(r, assign["qty"], assign["price"], assign["amount"], per) for r in rows)
            if by_basis > agreeing:
                scored.append((by_basis, assign | {"per": per}))
    best = max(scored, key=lambda s: s[0], default=None)
    if best is None or best[0] < min(MIN_AGREEING, len(rows)):
        return segs
    best = _counted_whole(best, scored, rows)
    out = list(segs)
    for kind in [*missing, "per"] if "per" in best[1] else missing:
        i = best[1][kind]
        x0, x1, _ = segs[i]
        out[i] = (x0, x1, Unheaded(kind, x0, x1))
    return out


Scored = tuple[int, dict[str, int]]  # rows agreeing, and the column of each kind
MIN_NUMBERED = 3  # rows a column must number before it is taken for the positions


def _numbering_column(
    free: Sequence[int], segs: Sequence[Segment], rows: Sequence[dict[int, Tok]]
) -> int | None:
    """The leftmost of the free columns when its cells number the rows (1, 2, 3 or 10, 20, 30: whole
    numbers counting up by one step from the first position, no decimals) and another free column of
    numbers stands right of it: a "Pos." column whose heading OCR garbled, never the quantity, however
    many rows whose quantity is their position would agree."""
    numeric = sorted((i for i in free if any(i in r for r in rows)), key=lambda i: segs[i][0])
    if len(numeric) < 2:
        return None
    first = numeric[0]
    cells = [r[first].text.strip(POSITION_EDGE + SPECKS) for r in rows if first in r]
    return first if len(cells) >= MIN_NUMBERED and numbering(cells) else None


def _basis(text: str) -> int | None:
    """The price basis a cell prints (1, 10, 100, 1000), its ones and zeros perhaps read as letters
    ("1O0", "l00"), or None."""
    read = basis_read(text)
    return read[0] if read else None


def _bases(free: Sequence[int], rows: Sequence[dict[int, Tok]]) -> list[int]:
    """The free columns that print a price basis on every row that has a figure there, more than 1 on
    some of them (a column of ones alone says nothing), on half the rows or more."""
    out = []
    for i in free:
        cells = [_basis(r[i].text) for r in rows if i in r]
        if 2 * len(cells) >= len(rows) and all(cells) and any(c != 1 for c in cells if c):
            out.append(i)
    return out


def _counted_whole(best: Scored, scored: Sequence[Scored], rows: Sequence[dict[int, Tok]]) -> Scored:
    """Of the assignments the arithmetic finds about as often as the best (a row or so fewer: one figure
    OCR misread agrees one way and not the other), the one whose quantity column prints whole units and
    whose price column does not, when one does so clearly.  Quantity × price is price × quantity: the
    product alone cannot tell the two columns apart, and a quantity is counted in whole units on almost
    every order line ("1.000", "48") where a price prints its cents ("0,0500", "4,2000")."""
    near = [s for s in scored if s[0] >= best[0] - max(1, len(rows) // 10)]

    def counted(assign: dict[str, int]) -> int:
        return sum(whole(r.get(assign["qty"])) - whole(r.get(assign["price"])) for r in rows)

    ranked = sorted(near, key=lambda s: counted(s[1]), reverse=True)
    if len(ranked) > 1 and counted(ranked[0][1]) - counted(ranked[1][1]) >= WHOLE_MARGIN * len(rows):
        return ranked[0]
    return best


_WHOLE = re.compile(r"^[1-9]\d{0,2}(?:[.,]\d{3})+(?:[.,]0+)?$|^\d+(?:[.,]0+)?$")
WHOLE_MARGIN = 0.5  # share of the rows by which one assignment's columns must read more like whole units


def whole(tok: Tok | None) -> bool:
    """Whether a cell reads as a whole number of units: figures alone, in groups of three, or with only
    zeros after the decimal mark ("48", "1.000", "2,500", "12,00")."""
    return tok is not None and bool(_WHOLE.match(tok.text.strip(SPECKS)))


HUNDRED = Decimal(100)
DISCOUNT_READINGS = 3  # readings of each of quantity, price and amount tried with a discount


def _discounts(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """An unheaded column of numbers between the quantity and the amount typed as the lines'
    discounts, when on enough rows quantity × price is not the amount but is once that column's
    percentage is taken off, and on no row the other way round (OCR garbled "Disc" to "Dise": without
    the column the discounted lines' numbers are fitted to an amount they do not make)."""
    kinds = {h.kind: i for i, (_, _, h) in enumerate(segs)}
    if "discount" in kinds or not {"qty", "price", "amount"} <= kinds.keys():
        return segs
    q, p, a = kinds["qty"], kinds["price"], kinds["amount"]
    rows = [r for r in (_numbers(line, segs) for line in lines) if {q, p, a} <= r.keys()]
    lo, hi = min(segs[q][0], segs[p][0]), segs[a][0]
    for i, (x0, _, h) in enumerate(segs):
        if h.kind != "other" or not lo < x0 < hi:
            continue
        needed = contradicted = 0
        for row in rows:
            if i not in row:
                continue
            plain, less = _with_discount(row[q].text, row[p].text, row[a].text, row[i].text)
            needed += less and not plain
            contradicted += plain and not less
        if needed >= MIN_AGREEING and not contradicted:
            out = list(segs)
            out[i] = (x0, segs[i][1], Unheaded("discount", x0, segs[i][1]))
            return out
    return segs


def _with_discount(qty: str, price: str, amount: str, percent: str) -> tuple[bool, bool]:
    """Whether quantity × price is the amount to the cent as read, and whether it is once `percent` is
    taken off (a percentage of 0 or none says nothing either way: both False)."""
    for mark in MARKS:
        shares = readings(percent.rstrip("%").strip(), mark, rules=False, lost_marks=False)
        if not shares or shares[0].cost or not 0 < shares[0].value < HUNDRED:
            continue
        kept = (HUNDRED - shares[0].value) / HUNDRED
        plain = less = False
        for read in itertools.product(*(readings(t, mark)[:DISCOUNT_READINGS] for t in (qty, price, amount))):
            n, each, total = (r.value for r in read)
            if n <= 0:
                continue
            # to the cent: the price's own rounding would let almost any discount pass on a large quantity
            plain = plain or abs(n * each - total) <= EXACT
            less = less or abs(n * each * kept - total) <= EXACT
        return plain, less
    return False, False

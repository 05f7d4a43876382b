"""Columns whose heading was lost (OCR dropped or garbled it), typed by what stands in them: the three
whose numbers make quantity × price = amount on the rows are those columns; a column of small whole
numbers at the left holds positions; a column of codes before the quantity, when no heading says
"code", holds the item codes; a column of percentages that makes quantity × price less it the amount
on rows where quantity × price alone is not, holds the lines' discounts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from parsers.layout.arith import EXACT, solve
from parsers.layout.bases import basis_read, column_of_ones
from parsers.layout.columns import Segment, Unheaded
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.text import one_edit, one_substituted
from parsers.layout.units_apart import split_units

NUMERIC = ("qty", "price", "amount")
MARKS = (",", ".")
_POSITION = re.compile(r"^\d{1,3}\.?$")
_LEAD = re.compile(r"^\d+")
# kinds a column of numbers may be taken from: no heading, or a "Unit" that was "Unit price" before OCR
RETYPABLE = ("other", "unit")
MAX_POSITION_DIGITS = 5
LOOSE_CODE_HEADINGS = frozenset({"item", "ítem", "art", "items"})
HEADING_SPECKS = ".#:()|"  # a mark beside a heading word, or a speck a fax left there ("ITEM)")
DESCRIPTION_WORDS = 2.5  # words per cell, on average, of a column of descriptions
CODE_SHARE = 0.6  # share of a column's cells that must look like codes for it to be a code column
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.")
# a speck or quotation mark OCR reads against a number on a coarse fax ("‘001"): not part of it
SPECKS = "‘’'\"`´,;:.|"
# positions as a fax reads them (numbered_as_read): at least this many read as printed and zero-padded
# ("00010"), half of them read as printed and three in four at most one figure off
MIN_AS_READ = 3
MIN_PADDED = 3
AS_READ_EXACT = 0.5
AS_READ_SHARE = 0.75
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
    typed = _texts_under_code(
        _codes_beside_names(_by_arithmetic(split_units(segs, lines), lines), lines), lines
    )
    typed = _discounts(_by_content(typed, lines), lines)
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


NAMES_SHARE = 0.2  # at most this share of a code column's item cells like codes: it holds names


def _codes_beside_names(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """A code heading over names (its cells on the item rows words, hardly one like a code: "TUERCA",
    "CINTA", the head of each description) beside a column no heading names, left of the quantity,
    whose item cells are codes ("8437000100225", "LOR M8-40"): the codes stand there, under a heading
    OCR garbled, and the code heading is the description's first word read apart from the rest of
    it ("ARTÍCULO / DESCRIPCIÓN" with its slash lost).  Only one of each."""
    coded = [i for i, (_, _, h) in enumerate(segs) if h.kind == "code"]
    qty_x = min((x0 for x0, _, h in segs if h.kind == "qty"), default=float("inf"))
    if len(coded) != 1:
        return segs
    named = _on_item_rows(segs[coded[0]], segs, lines)
    if not named or sum(looks_code(c) for c in named) > NAMES_SHARE * len(named):
        return segs
    spare = [
        i
        for i, (x0, x1, h) in enumerate(segs)
        if h.kind == "other" and x1 <= qty_x and _codes_in(_on_item_rows(segs[i], segs, lines))
    ]
    if len(spare) != 1:
        return segs
    out = list(segs)
    (c,), (o,) = coded, spare
    out[c] = (segs[c][0], segs[c][1], Unheaded("description", segs[c][0], segs[c][1]))
    out[o] = (segs[o][0], segs[o][1], Unheaded("code", segs[o][0], segs[o][1]))
    return out


def _texts_under_code(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """Code columns and no description ("Artículo" over names, "Referencia" over numbers; "Product"
    over names, the codes labelled under them): the one whose cells are several words is the
    description.  Beside a code column that holds codes, any other code column holds names; and a
    description heading over codes beside a code heading over names ("PRODUCT ... ITEM CODE") has
    the two the wrong way round."""
    coded = [i for i, (_, _, h) in enumerate(segs) if h.kind == "code"]
    described = [i for i, (_, _, h) in enumerate(segs) if h.kind == "description"]
    worded = [i for i in coded if _worded(_cells(segs[i], lines))]
    rows = [line for line in lines if sum(looks_numeric(t.text) for t in line.toks) >= 2]
    codes = [i for i in coded if i not in worded and _codes(_cells(segs[i], rows))]
    out = list(segs)
    # no description heading, or another code column holding the codes: names are descriptions (a
    # column of one word to a cell, too, when the other holds the codes: the first words of the
    # descriptions, set apart by the white space after them)
    named = worded if not codes else [i for i in coded if i not in codes]
    if not described or codes:
        for i in named:
            out[i] = (segs[i][0], segs[i][1], Unheaded("description", segs[i][0], segs[i][1]))
        return out
    # "PRODUCT ... ITEM CODE", the second code heading taken for the description: the column of names
    # is the description, and the one of codes under the description heading holds the codes
    if len(worded) == 1 and len(described) == 1:
        d, c = described[0], worded[0]
        if _codes(_cells(segs[d], rows)):
            out[c] = (segs[c][0], segs[c][1], Unheaded("description", segs[c][0], segs[c][1]))
            out[d] = (segs[d][0], segs[d][1], Unheaded("code", segs[d][0], segs[d][1]))
    return out


def _cells(seg: Segment, lines: Sequence[Line]) -> list[list[Tok]]:
    """The non-empty cells of a column, a list of words for each line that has some there."""
    x0, x1, _ = seg
    cells = [[t for t in line.toks if x0 <= t.cx <= x1] for line in lines]
    return [c for c in cells if c]


def _codes(cells: list[list[Tok]]) -> bool:
    """Cells most of which look like codes (those of the item rows: a description may wrap under
    the code)."""
    texts = [" ".join(t.text for t in cell) for cell in cells]
    return bool(texts) and sum(looks_code(text) for text in texts) >= CODE_SHARE * len(texts)


def _worded(cells: list[list[Tok]]) -> bool:
    """Cells of several words each on average, as descriptions are."""
    return bool(cells) and sum(len(c) for c in cells) >= DESCRIPTION_WORDS * len(cells)


def _by_content(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    kinds = {h.kind for _, _, h in segs}
    first_headed = min((x0 for x0, _, h in segs if h.kind != "other"), default=0.0)
    qty_x = min((x0 for x0, _, h in segs if h.kind == "qty"), default=float("inf"))
    out = list(segs)
    item_rows = False  # whether the codes are to be looked for on the item rows alone
    for i, (x0, x1, h) in enumerate(segs):
        cells = [" ".join(t.text for t in line.toks if x0 <= t.cx <= x1) for line in lines]
        cells = [c for c in cells if c]
        numbered = numbering([c.strip(SPECKS) for c in cells])
        if (
            h.kind == "code"
            and (loose(h) or _unnamed(h))
            and x1 <= qty_x
            and (numbered or numbered_as_read(cells) or numbered_but_slips(cells))
        ):
            out[i] = (x0, x1, Unheaded("pos", x0, x1))  # "Item" over 010, 020: positions, no codes
            if not any(k.kind == "code" for j, (_, _, k) in enumerate(segs) if j != i):
                # the one code heading named the positions: the codes stand in a column whose
                # heading OCR garbled ("ITEM RARTNIMAFR / PRODUGT"), on the item rows, with the
                # descriptions printed under them
                kinds.discard("code")
                item_rows = True
            continue
        if (
            h.kind == "pos"
            and _item_numbered(h)
            and "code" not in kinds
            and _codes_not_positions(_on_item_rows(segs[i], segs, lines))
        ):
            out[i] = (x0, x1, Unheaded("code", x0, x1))  # "ITEM NO." over 10234, 4711000123: codes
            kinds.add("code")
            continue
        if h.kind != "other" or not cells:
            continue
        if x1 <= first_headed and (
            numbered
            or sum(_POSITION.match(c) is not None for c in cells) >= 0.6 * len(cells)
            or numbered_as_read(cells)
        ):
            # "00010", "00020" under a heading OCR lost: the rows' numbers, however many digits, one
            # of them perhaps garbled ("Q007C" for 00070)
            out[i] = (x0, x1, Unheaded("pos", x0, x1))
        elif (
            "code" not in kinds
            and x1 < qty_x
            and _codes_in(_on_item_rows(segs[i], segs, lines) if item_rows else cells)
        ):
            out[i] = (x0, x1, Unheaded("code", x0, x1))
            kinds.add("code")
    return out


def _on_item_rows(seg: Segment, segs: list[Segment], lines: Sequence[Line]) -> list[str]:
    """The texts under `seg` on the lines that print a figure under the quantity heading: the item
    rows, without the description wrapped under a code or a "Delivery date:" line printed in the
    code's column (all lines when the table names no quantity)."""
    x0, x1, _ = seg
    qty = [(a, b) for a, b, h in segs if h.kind == "qty"]
    rows = [
        line
        for line in lines
        if not qty
        or any(a <= t.cx <= b and any(c.isdigit() for c in t.text) for t in line.toks for a, b in qty)
    ]
    cells = [" ".join(t.text for t in line.toks if x0 <= t.cx <= x1) for line in rows]
    return [c for c in cells if c]


def loose(heading: object) -> bool:
    """A code heading that may as well head a position column: "Item", "Art.", "Ítem"."""
    words = str(getattr(heading, "heading", "")).split()
    return len(words) == 1 and words[0].strip(HEADING_SPECKS).casefold() in LOOSE_CODE_HEADINGS


def _unnamed(heading: object) -> bool:
    """A code column no heading word names: typed by its cells alone (`parsers.layout.unheaded`), on
    the agreeing rows it was found from, where a fax's spoilt position ("000370" for 00030) and the
    rows left out hid that the cells count the rows up."""
    return not str(getattr(heading, "heading", "")).strip()


def numbering(cells: list[str]) -> bool:
    """Cells that number the rows: whole numbers of up to five digits counting up from the first
    position (1 or the step, as "010" or "00010" are), or zero-padded as positions are printed."""
    if not cells or not all(c.isdigit() and len(c) <= MAX_POSITION_DIGITS for c in cells):
        return False
    values = [int(c) for c in cells]
    if any(b <= a for a, b in itertools.pairwise(values)):
        return False
    step = values[1] - values[0] if len(values) > 1 else values[0]
    padded = all(c.startswith("0") and len(c) >= 3 for c in cells)
    return padded or values[0] in (1, step)


def numbered_as_read(cells: list[str]) -> bool:
    """Cells that number the rows as a coarse fax reads them: zero-padded positions ("00010",
    "00020") counting up by one step, a few of them with a digit misread ("00096" for 00090, "0020p"
    for 00200) or lost to specks ("nnn3n").  Cells without a figure (a speck or a letter on the line
    of a description printed under its row) do not count.  At least `AS_READ_EXACT` of them read as
    printed, and `AS_READ_SHARE` within one figure of their place in the numbering."""
    texts = [t for t in (c.strip(SPECKS + "“”") for c in cells) if any(ch.isdigit() for ch in t)]
    exact = [(i, int(t)) for i, t in enumerate(texts) if _padded(t)]
    if len(exact) < MIN_AS_READ:
        return False
    best = (0, 0)
    for (i, a), (j, b) in itertools.pairwise(exact):
        if b <= a or (b - a) % (j - i):
            continue
        step = (b - a) // (j - i)
        start = a - i * step
        if start < 0:
            continue
        places = [str(start + k * step).zfill(len(t)) for k, t in enumerate(texts)]
        same = sum(t == p for t, p in zip(texts, places, strict=True))
        near = sum(_one_figure_off(t, p) for t, p in zip(texts, places, strict=True))
        best = max(best, (same, near))
    same, near = best
    return same >= AS_READ_EXACT * len(texts) and near >= AS_READ_SHARE * len(texts)


def numbered_but_slips(cells: list[str]) -> bool:
    """Cells that number the rows as `numbering` wants (counting up by one step from the first
    position), a few of them a character off their place where a fax spoilt them ("+40" between 30
    and 50, a speck read before the figures; "5O" for 50): at least `MIN_AS_READ` read as printed, and
    every other cell one character inserted, dropped or changed from its place, a quarter at most."""
    texts = [c.strip(SPECKS) for c in cells]
    exact = [(i, int(t)) for i, t in enumerate(texts) if t.isdigit() and len(t) <= MAX_POSITION_DIGITS]
    if len(exact) < MIN_AS_READ or len(texts) - len(exact) > (1 - AS_READ_SHARE) * len(texts):
        return False
    for (i, a), (j, b) in itertools.pairwise(exact):
        if b <= a or (b - a) % (j - i):
            continue
        step = (b - a) // (j - i)
        start = a - i * step
        if start not in (1, step):
            continue
        places = [str(start + k * step) for k in range(len(texts))]
        if all(t == p or one_edit(t, p) for t, p in zip(texts, places, strict=True)):
            return sum(t == p for t, p in zip(texts, places, strict=True)) == len(exact)
    return False


def _padded(text: str) -> bool:
    return text.isdigit() and MIN_PADDED <= len(text) <= MAX_POSITION_DIGITS and text[0] == "0"


def _one_figure_off(read: str, place: str) -> bool:
    """Whether `read` is `place` as printed, or with one character misread."""
    return read == place or one_substituted(read, place)


def _codes_in(cells: list[str]) -> bool:
    return bool(cells) and sum(looks_code(c) for c in cells) >= CODE_SHARE * len(cells)


def _item_numbered(heading: object) -> bool:
    """A position heading that may as well head the item codes: "Item No.", "ITEM #" (not "Pos.")."""
    return "item" in str(getattr(heading, "heading", "")).casefold()


def _codes_not_positions(cells: list[str]) -> bool:
    """Cells under a heading that may number the rows or name the items ("Item No.", "Nº"): codes
    when they do not count the rows up from the first position and most of them look like codes."""
    bare = [c.strip(POSITION_EDGE) for c in cells]
    if not bare or 2 * len(set(bare)) < len(bare) or any(" " in c for c in bare):
        # "1 TOR-M8-40": a position and a code, each where it belongs (parsers.layout.rows); a value
        # on most rows is no code either.  A code may come twice (one product on two lines, each with
        # its own delivery date), a position never does
        return False
    leads = [m[0] if (m := _LEAD.match(c)) else "" for c in bare]
    if numbering(bare) or (all(leads) and numbering(leads)):
        return False  # 1, 2, 3 or "00010BRO-HSS-8": the rows' numbers, a code run into them perhaps
    return sum(looks_code(c) for c in bare) >= CODE_SHARE * len(bare)


def looks_code(text: str) -> bool:
    """One word with a digit or a hyphen in it, or two that OCR cut one such word into ("BRO -HSS-8")."""
    joined = text.replace(" ", "")
    return text.count(" ") <= 1 and len(joined) >= 3 and any(c.isdigit() or c == "-" for c in joined)


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

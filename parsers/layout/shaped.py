"""Tables whose heading was lost and whose figures do not add up (a monospaced printout whose bold
heading OCR dropped and whose prices it garbled): the order rows found by their shape alone, a code
(or the row's number) first, words after it and figures at the end, the figures ending in the same
character columns, as a fixed-pitch printer sets them.

The columns' roles come from what they hold (whole numbers: the quantity; figures to the cent at the
right: the amount; the figures between: the price), never from arithmetic the rows do not show, so
every line read from such a table is only a guess: `Region.guessed`, whose figures stay doubtful
unless the line's own arithmetic agrees, and whose codes unless master data vouches for them.
Only for scanned pages that no heading, no table carried over and no rows' arithmetic account for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parsers.layout import columns as colfit
from parsers.layout import infer, unheaded
from parsers.layout.cells import UNIT_WORDS, Table
from parsers.layout.geometry import Line, Page, Tok, join_groups
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.row_signs import code_like
from parsers.layout.solved_lines import EXACT
from parsers.layout.table import Region, collect, stop_kind
from parsers.layout.text import has_digit
from parsers.layout.unheaded import CROSSING, Run, first_row, heading_over, typed
from parsers.layout.vocab import CURRENCIES

MIN_ROWS = 2  # rows of one shape that make a table
ALIGN = 0.7  # of a text height: how far the edges of one column's words may stand apart (a character)
COLUMN_SHARE = 0.5  # share of the rows that must print a figure in a column for it to be one
ROLE_SHARE = 0.6  # share of a column's cells that must read as its kind
MIN_LETTERS = 3  # letters of a word of a description
BESIDE_FIGURES = 2  # words without a figure that may stand together between or after a row's figures
SHORT_WORD = 5  # characters of a word as short as a unit or a currency
_CENTS = re.compile(r"\d[.,]\d\d\W*$")  # an amount printed to the cent
_DECIMALS = re.compile(r"[.,]\d{2,4}\W*$")  # a price: figures after a decimal mark
SIGNS = frozenset("€$£")
MARKS = (",", ".")
NUMBERS = ("qty", "price", "amount")
BASES = (1, 10, 100, 1000)  # units a price may be printed for


@dataclass(frozen=True)
class Shaped:
    """A line shaped like an order row: a code first, words, and figures at its end (left to right)."""

    line: Line
    code: Tok
    figures: tuple[Tok, ...]


def add_regions(pages: Sequence[Page], regions: list[Region]) -> list[Region]:
    """`regions` with a guessed table for each scanned page that has none, where rows of one shape
    show one."""
    return unheaded.add_regions(pages, regions, table_by_shape)


def table_by_shape(page: Page) -> Region | None:
    """The page's table found from its rows of one shape, or None when fewer than `MIN_ROWS` lines
    share one, or their figures' columns do not show a quantity or price beside an amount."""
    rows = _aligned([row for line in page.lines if (row := shaped_row(line)) is not None])
    if len(rows) < MIN_ROWS:
        return None
    numeric = _roles(rows)
    if numeric is None or 2 * sum(_contradicted(r, numeric) for r in rows) >= len(rows):
        return None  # figures that read as printed and do not add up: no order table, or not those roles
    lines = [r.line for r in rows]
    rest = [
        Line(line.page, kept)
        for line in lines
        if (kept := [t for t in line.toks if not any(run[0] <= t.cx <= run[1] for run in numeric)])
    ]
    kinds: dict[Run, str] = dict(numeric)
    for x0, x1 in colfit.runs(rest, page.body, CROSSING) if rest else []:
        if not any(min(x1, b) > max(x0, a) for a, b in numeric):
            kinds[(x0, x1)] = "other"
    table = Table(typed(dict(sorted(kinds.items())), lines))
    numbers = [run for run, kind in numeric.items() if kind in ("qty", "price", "amount")]
    start = first_row(page, page.lines.index(lines[0]), numbers)
    region, _ = collect(page, start, table, heading_over(page, start))
    if not region.lines:
        return None
    table.segments = infer.type_columns(colfit.segments(table.columns, region.lines, page.body), region.lines)
    region.guessed = True
    return region


def shaped_row(line: Line) -> Shaped | None:
    """The line as an order row when it begins with a code (or the row's number), has a word of a
    description after it and ends in two figures or more, one of them a number; between and after the
    figures only short words (a unit, a currency, either as a fax spoilt it: "Stick", "BUR").  Never a
    total's line."""
    if line.kind != "text" or stop_kind(line) is not None:
        return None
    toks = join_groups(line.toks)
    if len(toks) < 4 or not (code_like(toks[0].text) or toks[0].text.isdigit()):
        return None
    figures: list[Tok] = []
    end, words = len(toks), 0
    for tok in reversed(toks[1:]):
        if has_digit(tok.text):
            figures.insert(0, tok)
            words = 0
        elif words < BESIDE_FIGURES and _beside_figures(tok):
            words += 1
        else:
            break
        end -= 1
    end += words  # the short words before the first figure are the description's
    described = any(sum(c.isalpha() for c in t.text) >= MIN_LETTERS for t in toks[1:end])
    if len(figures) < 2 or not described or not any(looks_numeric(t.text) for t in figures):
        return None
    return Shaped(line, toks[0], tuple(figures))


def _beside_figures(tok: Tok) -> bool:
    """A word that may stand beside a row's figures: a unit or currency, or a word as short as one."""
    return tok.key in UNIT_WORDS or tok.key in CURRENCIES or tok.text in SIGNS or len(tok.text) <= SHORT_WORD


def _aligned(rows: list[Shaped]) -> list[Shaped]:
    """The most rows whose last figures end within a character of one row's: the amounts, set
    right-aligned in one column."""
    best: list[Shaped] = []
    for anchor in rows:
        near = ALIGN * anchor.line.height
        same = [r for r in rows if abs(r.figures[-1].x1 - anchor.figures[-1].x1) <= near]
        if len(same) > len(best):
            best = same
    return best


def _columns(rows: list[Shaped]) -> list[list[Tok]]:
    """The figures grouped into columns by their right edges (figures are set right-aligned), left to
    right; only columns most rows print a figure in."""
    near = ALIGN * min(r.line.height for r in rows)
    found: list[list[Tok]] = []
    for tok in sorted((t for r in rows for t in r.figures), key=lambda t: t.x1):
        if found and tok.x1 - found[-1][-1].x1 <= near:
            found[-1].append(tok)
        else:
            found.append([tok])
    return [c for c in found if len(c) >= COLUMN_SHARE * len(rows)]


def _roles(rows: list[Shaped]) -> dict[Run, str] | None:
    """The figure columns' runs across and their kinds, by what they hold: the last an amount (most
    of its figures to the cent), a column of whole numbers left of it the quantity, one of decimals
    between the two the price (a column of figures a fax garbled there too, when the quantity is
    known). None when no amount and quantity or price are found."""
    cols = _columns(rows)
    if len(cols) < 2 or not _share(cols[-1], lambda t: bool(_CENTS.search(t.text))):
        return None
    kinds = {len(cols) - 1: "amount"}
    qty = next((i for i in range(len(cols) - 2, -1, -1) if _share(cols[i], infer.whole)), None)
    if qty is not None:
        kinds[qty] = "qty"
    between = range((qty if qty is not None else -1) + 1, len(cols) - 1)
    priced = [i for i in between if _share(cols[i], lambda t: bool(_DECIMALS.search(t.text)))]
    price = priced[-1] if priced else (between[-1] if qty is not None and len(between) else None)
    if price is not None:
        kinds[price] = "price"
    if len(kinds) < 2:
        return None
    return {(min(t.x0 for t in cols[i]), max(t.x1 for t in cols[i])): kind for i, kind in kinds.items()}


def _contradicted(row: Shaped, numeric: dict[Run, str]) -> bool:
    """Whether the row prints a quantity, a price and an amount that each read as printed and make
    no quantity × price = amount (the price for one unit or for 10, 100 or 1,000), under either mark."""
    cells = {kind: t for run, kind in numeric.items() for t in row.figures if run[0] <= t.cx <= run[1]}
    if set(cells) != {"qty", "price", "amount"}:
        return False
    values = [
        [
            r.value
            for m in MARKS
            for r in readings(cells[k].text, m, rules=False, lost_marks=False)
            if not r.cost
        ]
        for k in ("qty", "price", "amount")
    ]
    if not all(values):
        return False
    return not any(
        abs(q * p / basis - a) <= EXACT
        for q in values[0]
        for p in values[1]
        for a in values[2]
        for basis in BASES
    )


def _share(cells: list[Tok], test: Callable[[Tok], bool]) -> bool:
    return sum(1 for t in cells if test(t)) >= ROLE_SHARE * len(cells)

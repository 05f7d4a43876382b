"""An order row a fax parted in two, its figures read as one line and its words as the next, put back
together."""

from __future__ import annotations

from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_cells import Row
from parsers.layout.row_signs import (
    NUMERIC,
    adjacent,
    worded_row,
)
from parsers.layout.table import sub_label
from parsers.layout.text import has_digit


def split_rows_joined(rows: list[Row]) -> list[Row]:
    """One row a fax parted in two put back together: a line of figures alone (two or more of quantity,
    price and amount, nothing that names an item) directly above a line that names one (a code or a
    description) and holds no figure in those columns.  OCR read the row's figures a little higher
    than its words ("caja 3,90 19,50" over "00010 TACO DE NAILON"), its quantity often lost.

    So too where the line that names the item holds the row's other figures (its quantity, "120,000
    Stk" under a price and amount read a little higher): the two lines' figures in no column of the
    other, and the figures' line reaching down into the words' (no gap between them at all), as a fax's
    skew draws a row's right end over its left (`_complement`).

    Not where the table prints its rows over two lines the other way round (words, then figures): a
    words-only line directly above the figures, or a figures-only line directly below the words, says
    the figures belong to the words over them."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        if i + 1 < len(rows) and _parted(rows, i):
            (upper, figures), (lower, words) = rows[i], rows[i + 1]
            toks = sorted([*upper.toks, *lower.toks], key=lambda t: t.x0)
            kinds = {*figures, *words}
            cells = {k: sorted([*figures.get(k, []), *words.get(k, [])], key=lambda t: t.x0) for k in kinds}
            out.append((Line(lower.page, toks, lower.kind), cells))
            i += 2
            continue
        out.append(rows[i])
        i += 1
    return out


def _parted(rows: list[Row], i: int) -> bool:
    """Whether rows[i] holds the figures and rows[i + 1] the words of one row (split_rows_joined)."""
    (upper, figures), (lower, words) = rows[i], rows[i + 1]
    if not (_figures_alone(upper, figures) and adjacent(upper, lower)):
        return False
    alone = _words_alone(lower, words)
    if not (alone or _complement(upper, figures, lower, words)):
        return False
    above = rows[i - 1] if i > 0 else None
    below = rows[i + 2] if i + 2 < len(rows) else None
    if (
        above is not None
        and adjacent(above[0], upper)
        and (_words_alone(*above) or (not alone and _short_of(*above, figures)))
    ):
        return False  # the figures end the row whose words stand over them
    return not (below is not None and _figures_alone(*below) and adjacent(lower, below[0]))


def _complement(upper: Line, figures: dict[str, list[Tok]], lower: Line, words: dict[str, list[Tok]]) -> bool:
    """Whether `lower` names an item and holds figures only in the columns `figures` leaves empty (its
    quantity under a price and amount read higher), and the figures' line reaches down into it."""
    named = bool(words.get("code")) or bool(words.get("description"))
    return (
        named
        and sub_label(lower.toks) is None
        and not (_numeric(words) & _numeric(figures))
        and lower.y0 < upper.y1
    )


def _short_of(line: Line, cells: dict[str, list[Tok]], figures: dict[str, list[Tok]]) -> bool:
    """Whether a line names an item and holds figures only in columns `figures` leaves empty: the row
    whose figures those may be as well."""
    named = bool(cells.get("code")) or bool(cells.get("description"))
    return named and bool(_numeric(cells)) and not (_numeric(cells) & _numeric(figures))


def _numeric(cells: dict[str, list[Tok]]) -> set[str]:
    return {k for k in NUMERIC if any(has_digit(t.text) for t in cells.get(k, []))}


def _figures_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    numeric = [k for k in NUMERIC if any(looks_numeric(t.text) for t in cells.get(k, []))]
    return len(numeric) >= 2 and not worded_row(cells) and sub_label(line.toks) is None


def _words_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    figures = any(has_digit(t.text) for k in NUMERIC for t in cells.get(k, []))
    named = bool(cells.get("code")) or bool(cells.get("description"))
    return named and not figures and sub_label(line.toks) is None

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
    if not (_figures_alone(upper, figures) and _words_alone(lower, words) and adjacent(upper, lower)):
        return False
    above = rows[i - 1] if i > 0 else None
    below = rows[i + 2] if i + 2 < len(rows) else None
    if above is not None and _words_alone(*above) and adjacent(above[0], upper):
        return False  # the figures end the row whose words stand over them
    return not (below is not None and _figures_alone(*below) and adjacent(lower, below[0]))


def _figures_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    numeric = [k for k in NUMERIC if any(looks_numeric(t.text) for t in cells.get(k, []))]
    return len(numeric) >= 2 and not worded_row(cells) and sub_label(line.toks) is None


def _words_alone(line: Line, cells: dict[str, list[Tok]]) -> bool:
    figures = any(has_digit(t.text) for k in NUMERIC for t in cells.get(k, []))
    named = bool(cells.get("code")) or bool(cells.get("description"))
    return named and not figures and sub_label(line.toks) is None

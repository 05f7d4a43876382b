"""Order rows whose figures a fax spoilt into letters: read as no number, yet standing where the table
prints its figures, or garbled outright, and no sub-line nor total."""

from __future__ import annotations

from parsers.layout import labels
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_signs import (
    NUMERIC,
    garbled_figures,
)
from parsers.layout.table import sub_label
from parsers.layout.vocab import CARRIED, SUBLINES, TOTALS


def lost_row(line: Line, cells: dict[str, list[Tok]]) -> bool:
    """A row of the table whose figures a fax spoilt into letters (`row_signs.garbled_figures`), not a
    labelled sub-line, nor a total or carried-forward sum: an order line that could not be read."""
    if not garbled_figures(cells) or sub_label(line.toks) is not None:
        return False
    if labels.starts_garbled(line.toks, SUBLINES) is not None:
        return False
    return not (labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}))


ALIGNED = 0.7  # of a text height: how far apart the right edges of one column's figures may stand
EDGE_SHARE = 0.5  # share of the item rows whose figures must show where a column's figures end


def figure_edges(items: list[dict[str, list[Tok]]]) -> dict[str, float]:
    """Where the item rows' figures end in each of the quantity, price and amount columns (figures are
    set right-aligned): the middle right edge of the column's numbers, for the columns at least half
    the item rows print a number in (a fax may have spoilt the others)."""
    edges: dict[str, float] = {}
    for kind in NUMERIC:
        ends = sorted(t.x1 for cells in items for t in cells.get(kind, [])[-1:] if looks_numeric(t.text))
        if ends and len(ends) >= EDGE_SHARE * len(items):
            edges[kind] = ends[len(ends) // 2]
    return edges


def figures_lettered(line: Line, cells: dict[str, list[Tok]], edges: dict[str, float]) -> bool:
    """A row whose quantity, price and amount a fax spoilt wholly into letters ("BGG)  pleces  LR  deb.
    vv" for "500 pieces 0.05 25.00"), no digit left to show them figures (`lost_row`): each of the
    three cells ends where the item rows' figures end in its column, as right-aligned figures do and
    words run on from a description or a note do not, and reads as no number.  Not a labelled
    sub-line nor a total."""
    if set(edges) != set(NUMERIC) or sub_label(line.toks) is not None:
        return False
    for kind in NUMERIC:
        cell = cells.get(kind, [])
        if not cell or any(looks_numeric(t.text) for t in cell):
            return False
        if abs(cell[-1].x1 - edges[kind]) > ALIGNED * line.height:
            return False
    if labels.starts_garbled(line.toks, SUBLINES) is not None:
        return False
    return not (labels.find(line.toks, TOTALS) or labels.find(line.toks, {"carried": CARRIED}))

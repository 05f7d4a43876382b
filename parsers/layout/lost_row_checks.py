"""The checks the finders of parsers.layout.lost_rows share: whether a line's price and amount are money
set where the order rows' figures end, which order rows stand around a line, whether a line is a label,
and whether money on a line beside a row is that row's own."""

from __future__ import annotations

from parsers.layout import labels
from parsers.layout.geometry import Line, Tok
from parsers.layout.lettered_rows import ALIGNED
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_cells import Row
from parsers.layout.row_signs import MONEY, NUMERIC, adjacent, code_like
from parsers.layout.text import has_digit
from parsers.layout.vocab import CARRIED, SUBLINES, TOTALS

_Cells = dict[str, list[Tok]]  # a line's words by column
_Placed = tuple[tuple[str, list[Tok]], ...]  # (column, cell) pairs whose right edges are checked


def priced_and_coded(cells: _Cells) -> bool:
    """An order row with a code of its own, its quantity read as a figure and its price or amount."""
    coded = any(code_like(t.text) for t in cells.get("code", []))
    figures = {k for k in NUMERIC if any(looks_numeric(t.text) for t in cells.get(k, []))}
    return coded and "qty" in figures and bool(figures & {"price", "amount"})


def money_between(
    rows: list[Row], starts: list[int], i: int, edges: dict[str, float], placed: _Placed = ()
) -> tuple[list[_Cells], list[_Cells]] | None:
    """For line `i` whose price and amount are money (`money_cells`) ending where the order rows'
    figures end, as do the other (column, cell) `placed` (`ends_aligned`), and which has an order
    row above and below it (`rows_around`): the cells of the other lines between those two rows, and
    the two rows' cells.  None where any of that fails (`money_alone`, `quantity_lettered`)."""
    line, cells = rows[i]
    money = money_cells(cells)
    if money is None:
        return None
    price, amount = money
    if not ends_aligned(line, edges, (*placed, ("price", price), ("amount", amount))):
        return None
    around = rows_around(starts, i)
    if around is None:
        return None
    before, after = around
    between = [rows[j][1] for j in range(before + 1, after) if j != i]
    return between, [rows[before][1], rows[after][1]]


def money_cells(cells: dict[str, list[Tok]]) -> tuple[list[Tok], list[Tok]] | None:
    """A line's price and amount cells when each holds one figure, the amount money to the cent, and
    neither a sign nor a rate (no discount, no tax)."""
    price, amount = cells.get("price", []), cells.get("amount", [])
    if len(price) != 1 or len(amount) != 1 or not MONEY.search(amount[0].text):
        return None
    if not all(looks_numeric(t.text) and not any(c in t.text for c in "-%") for t in (*price, *amount)):
        return None
    return price, amount


def ends_aligned(line: Line, edges: dict[str, float], placed: tuple[tuple[str, list[Tok]], ...]) -> bool:
    """Whether each (column, cell) of a line ends where the order rows' figures end in that column,
    within `ALIGNED` of the line's height (figures are right-aligned)."""
    return all(abs(cell[-1].x1 - edges[kind]) <= ALIGNED * line.height for kind, cell in placed)


def rows_around(starts: list[int], i: int) -> tuple[int, int] | None:
    """The order rows just above and just below line `i`, when it has both."""
    above = [j for j in starts if j < i]
    below = [j for j in starts if j > i]
    if not above or not below:
        return None
    return above[-1], below[0]


def labelled(line: Line, cells: dict[str, list[Tok]]) -> bool:
    """Whether a line is a labelled sub-line, a total or a sum carried to the next page.  A total's
    word run on in a description after its other words is none ("drill bit for motal", "metal" read
    one letter off "total")."""
    if labels.starts_garbled(line.toks, SUBLINES) is not None:
        return True
    described = {id(t) for t in cells.get("description", [])}
    for hit in (*labels.find(line.toks, TOTALS), *labels.find(line.toks, {"carried": CARRIED})):
        if hit.start == 0 or id(line.toks[hit.start - 1]) not in described:
            return True
    return False


def money_beside(rows: list[Row], i: int, j: int, items: set[int], priced: set[str]) -> bool:
    """Whether row j, directly above or below row i and no order row itself, holds figures (read or
    spoilt) in the price or amount column: the row's own, printed on a line of their own or read a
    little higher or lower than its words ("AA ud eo3a00 el7ooo" over "TOR-M10-60 Tornillo … 500")."""
    if not 0 <= j < len(rows) or j in items:
        return False
    upper, lower = (rows[j][0], rows[i][0]) if j < i else (rows[i][0], rows[j][0])
    held = any(has_digit(t.text) for kind in priced for t in rows[j][1].get(kind, []))
    return held and adjacent(upper, lower)

"""The columns of a line-item table and how the words of a line fall into them: by the white space
running down between columns, with numbers run together across a column gap cut apart and a unit
printed after its quantity kept with it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from parsers.layout import columns as colfit
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.text import has_digit
from parsers.layout.vocab import UNITS

UNIT_GAP = 1.5  # text heights between a quantity and the unit printed after it
UNIT_WORDS = frozenset().union(*UNITS.values())
# One article code of pieces joined by hyphens ("SIL-TRA-300"), between the brackets, rules or specks
# a fax leaves at its ends ("[CIN-AIS-19]"): a hyphen binds the pieces beside it into one cell.
_HYPHENED_CODE = re.compile(r"^\W*[^\W_]+(?:-[^\W_]+)+\W*$")


@dataclass
class Column:
    kind: str
    x0: float
    x1: float
    heading: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Table:
    """The columns of a line-item table and the ink segments that belong to each."""

    columns: list[Column]
    segments: list[colfit.Segment] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [c.kind for c in self.columns]

    def column_at(self, x: float) -> str:
        return colfit.heading_at(x, self.segments, self.columns).kind

    def span(self, kind: str) -> tuple[float, float] | None:
        """How far across a column of `kind` reaches: its ink segments, widened to the middle of the white
        space to the segments beside them, as `column_at` gives ink there to the nearer column; None
        when no segment is of that kind, or its segments stand apart with another column between."""
        spans = sorted((x0, x1, h.kind) for x0, x1, h in self.segments)
        mine = [k for k, (_, _, found) in enumerate(spans) if found == kind]
        if not mine or mine != list(range(mine[0], mine[-1] + 1)):
            return None
        first, last = mine[0], mine[-1]
        x0, x1 = spans[first][0], spans[last][1]
        if first > 0:
            x0 = (spans[first - 1][1] + x0) / 2
        if last + 1 < len(spans):
            x1 = (x1 + spans[last + 1][0]) / 2
        return x0, x1

    def cells(self, line: Line) -> dict[str, list[Tok]]:
        out: dict[str, list[Tok]] = {}
        for tok in line.toks:
            for part in self._split(tok):
                out.setdefault(self.column_at(part.cx), []).append(part)
        _unit_beside_quantity(out)
        return out

    def _split(self, tok: Tok) -> list[Tok]:
        """A word with digits running over the white space between two columns ("10829235": position 10
        and material 829235 read as one word) cut where that white space is."""
        if not has_digit(tok.text) or len(tok.text) < 2:
            return [tok]
        out = []
        for (_, a1, a), (b0, _, b) in itertools.pairwise(self.segments):
            if a is b or not tok.x0 < a1 <= b0 < tok.x1:
                continue
            n = _cut_at(tok.text, round(len(tok.text) * ((a1 + b0) / 2 - tok.x0) / (tok.x1 - tok.x0)))
            if 0 < n < len(tok.text) and not _at_hyphen(tok.text, n):
                out.append(tok.cut(0, n))
                tok = tok.cut(n, len(tok.text))
        return [*out, tok]


def _unit_beside_quantity(cells: dict[str, list[Tok]]) -> None:
    """A unit printed right after the quantity ("500 EA") belongs to it, whatever column its ink
    reaches into."""
    quantities = [t for t in cells.get("qty", []) if looks_numeric(t.text)]
    if not quantities or cells.get("unit"):
        return
    for kind in [k for k in cells if k not in ("qty", "description", "partdesc")]:
        moved = [
            t
            for t in cells[kind]
            if t.key in UNIT_WORDS and any(0 <= t.x0 - q.x1 <= UNIT_GAP * q.h for q in quantities)
        ]
        if moved:
            cells[kind] = [t for t in cells[kind] if t not in moved]
            cells["qty"] += moved
            if not cells[kind]:
                del cells[kind]


def _at_hyphen(text: str, n: int) -> bool:
    """Whether cutting `text` at `n` parts a hyphenated code beside one of its hyphens: a code printed
    wider than its column ("[SIL-TRA-300]" under a narrow "Artículo" heading) reaches over the white
    space into the next column, but no column begins or ends with a hyphen."""
    return "-" in text[n - 1 : n + 1] and _HYPHENED_CODE.match(text) is not None


def _cut_at(text: str, n: int) -> int:
    """Where to cut a word near character `n`: at a change between digits and letters or after a mark
    ("2|TUE-M8", "2TUE-M8") within two characters of it, else at `n` (character widths are a guess)."""
    near = [
        i
        for i in range(max(1, n - 2), min(len(text), n + 3))
        if text[i - 1].isdigit() != text[i].isdigit() or text[i - 1] in "|)]/.:"
    ]
    return min(near, key=lambda i: abs(i - n)) if near else n

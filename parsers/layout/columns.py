"""Column extents from the white space running down a table: the ink between those "rivers" belongs
to the heading it stands under, or to the nearest heading when it stands under none."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from parsers.layout.currencies import is_currency
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.text import has_digit

NUMERIC = ("qty", "price", "amount")
RIVER_SHARE = 12.0  # points: how far past its heading a column's own run may stand
RUN_TOGETHER = 3  # one row in this many, or fewer, running a quantity into its unit does not part them
RIVER = 0.7  # a gap this many text heights wide, free of ink on (nearly) every line, separates columns
VALUE_KINDS = ("qty", "price", "per", "discount", "amount")  # columns of one figure a row
# the share of rows (at most) whose ink across the gap between two headings is specks or strays
CROSSING_SHARE = 0.1
VALUE_ROWS = 2 / 3  # share of a run's rows that must print one figure and nothing else but a currency


class Heading(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...


Segment = tuple[float, float, Heading]


def _distance(x0: float, x1: float, h: Heading) -> float:
    return max(h.x0 - x1, x0 - h.x1, 0.0)


def _cover(lines: Sequence[Line]) -> tuple[float, list[int]]:
    """How many of the lines have ink at each point across, from the leftmost ink (returned first)."""
    lo = min(t.x0 for line in lines for t in line.toks)
    hi = max(t.x1 for line in lines for t in line.toks)
    cover = [0] * (int(hi - lo) + 2)
    for line in lines:
        for tok in line.toks:
            for x in range(int(tok.x0 - lo), int(tok.x1 - lo) + 1):
                cover[x] += 1
    return lo, cover


def _ink(lines: Sequence[Line], gap: float, share: float = 0.1) -> list[tuple[float, float]]:
    """x ranges with ink on more than `share` of the lines, joined across gaps narrower than `gap`."""
    lo, cover = _cover(lines)
    allowed = int(len(lines) * share)
    runs: list[tuple[float, float]] = []
    start = None
    for x, count in enumerate([*cover, 0]):
        if count > allowed and start is None:
            start = x
        elif count <= allowed and start is not None:
            if runs and lo + start - runs[-1][1] < gap:
                runs[-1] = (runs[-1][0], lo + x)
            else:
                runs.append((lo + start, lo + x))
            start = None
    return runs


def runs(lines: Sequence[Line], body: float, share: float = 0.1) -> list[tuple[float, float]]:
    """The x ranges of the lines' columns: ink parted by white space a river wide on all lines but
    `share` of them."""
    return _ink(lines, RIVER * body, share)


@dataclass(frozen=True)
class Unheaded:
    """A column no heading stands over (its heading was lost, or it never had one)."""

    kind: str
    x0: float
    x1: float


def segments(headings: Sequence[Heading], lines: Sequence[Line], body: float) -> list[Segment]:
    """Ink segments of the table's lines, each with the heading it belongs to.

    A run of ink under no heading belongs to the nearest heading, unless that heading has ink under it
    already or a run nearer to it: then it is a column of its own whose heading is missing ("other";
    parsers.layout.infer may tell its kind from what stands in it)."""
    if not lines or not headings:
        return []
    # rows with several cells say where the columns are; wrapped text and sub-lines may cross them
    rows = [line for line in lines if len(line.phrases()) >= 3] or list(lines)
    runs = _ink(rows, RIVER * body)
    covered = {id(h) for x0, x1 in runs for h in headings if min(x1, h.x1) - max(x0, h.x0) > 0}
    # of the runs under no heading, only the nearest to a heading without ink may have it
    orphans = [r for r in runs if not any(min(r[1], h.x1) - max(r[0], h.x0) > 0 for h in headings)]
    claims: dict[int, tuple[float, float, float]] = {}
    for x0, x1 in orphans:
        near = min(headings, key=lambda h: _distance(x0, x1, h))
        gap = _distance(x0, x1, near)
        if id(near) not in covered and (id(near) not in claims or gap < claims[id(near)][0]):
            claims[id(near)] = (gap, x0, x1)
    out: list[Segment] = []
    for x0, x1 in runs:
        under = sorted((h for h in headings if min(x1, h.x1) - max(x0, h.x0) > 0), key=lambda h: h.x0)
        if not under:
            near = min(headings, key=lambda h: _distance(x0, x1, h))
            mine = claims.get(id(near), (0.0, None, None))[1:] == (x0, x1)
            out.append((x0, x1, near if mine else Unheaded("other", x0, x1)))
            continue
        if len(under) > 1 and _codes_alone(rows, (x0, x1), under):
            out.append((x0, x1, under[0]))  # codes reaching under the description's heading
            continue
        if len(under) > 1 and (owner := _value_owner(rows, (x0, x1), under, runs, headings)) is not None:
            out.append((x0, x1, owner))  # one figure a row, never cut in two
            continue
        if len(under) > 1 and not _has_white(rows, (x0, x1)):
            # one word reaching under two headings, the same on every row ("00102" under "Cantidad Codigo"):
            # not cut through, it belongs to the heading it stands most under
            out.append((x0, x1, max(under, key=lambda h: min(x1, h.x1) - max(x0, h.x0))))
            continue
        edge = x0
        for a, b in itertools.pairwise(under):  # one run under two headings: cut between them
            cut = _whitest(rows, a, b, (edge, x1))
            out.append((edge, cut, a))
            edge = cut
        out.append((edge, x1, under[-1]))
    return _share(out, headings)


def _share(segs: list[Segment], headings: Sequence[Heading]) -> list[Segment]:
    """A number column's heading left without ink takes the run nearest to it when that run's heading
    keeps another (its own second run, or a run under no heading beside it), or when most of the run
    stands outside that heading: right-aligned numbers ("60 EA" under the edge of a short "Rev" beside
    "Quantity") stand past their own heading."""
    out = list(segs)
    for h in headings:
        if h.kind not in NUMERIC or any(s[2] is h for s in out) or not out:
            continue  # a number column has a number on every row; another may well stand empty
        near = min(range(len(out)), key=lambda i: _distance(out[i][0], out[i][1], h))
        other = out[near][2]
        if isinstance(other, Unheaded):
            continue
        spare = [
            i
            for i, s in enumerate(out)
            if i != near
            and (s[2] is other or isinstance(s[2], Unheaded))
            and _distance(s[0], s[1], other) < _distance(s[0], s[1], h)
            and _distance(s[0], s[1], other) <= _distance(out[near][0], out[near][1], other) + RIVER_SHARE
        ]
        x0, x1 = out[near][0], out[near][1]
        barely = min(x1, other.x1) - max(x0, other.x0) < (x1 - x0) / 2  # most of its ink past `other`
        if spare:
            keep = min(spare, key=lambda i: _distance(out[i][0], out[i][1], other))
            out[keep] = (out[keep][0], out[keep][1], other)
        if spare or barely:
            out[near] = (x0, x1, h)
    return out


def _has_white(rows: Sequence[Line], run: tuple[float, float]) -> bool:
    """Whether some place across the run has less ink than the rest: no ink on any row, or ink on
    fewer rows (where most rows part two cells that one row runs together)."""
    lo, cover = _cover(rows)
    xs = range(max(0, math.ceil(run[0] - lo) + 1), min(len(cover), math.floor(run[1] - lo) - 1))
    inked = [cover[x] for x in xs]
    return bool(inked) and min(inked) < max(inked)


def _codes_alone(rows: Sequence[Line], run: tuple[float, float], under: Sequence[Heading]) -> bool:
    """Whether a run under a code heading and the description heading beside it holds only the codes:
    one word a row, none of them a description beside its code.  A listing that prints the
    description on the line under the code ("ALA-GAL-2" over "Alambre galvanizado 2 mm") lets its
    longer codes reach under the short "Concepto" beside "Cód. art.", their ends the only ink there:
    a cut between the headings went through every long code ("ALA-GAL-" and "2")."""
    if [h.kind for h in under] != ["code", "description"]:
        return False
    return all(sum(run[0] <= t.cx <= run[1] for t in line.toks) <= 1 for line in rows)


def _one_value(toks: Sequence[Tok]) -> bool | None:
    """Whether a row's words in a run are one figure with at most a currency beside it ("34,0000 EUR");
    None when they hold more than one figure."""
    figures = sum(1 for t in toks if looks_numeric(t.text))
    if figures > 1:
        return None
    return figures == 1 and all(looks_numeric(t.text) or is_currency(t) for t in toks)


def _value_owner(
    rows: Sequence[Line],
    run: tuple[float, float],
    under: Sequence[Heading],
    runs: Sequence[tuple[float, float]],
    headings: Sequence[Heading],
) -> Heading | None:
    """The heading a run of one figure a row belongs to whole, when it reaches under two or more.

    A listing whose heading line is wider than its rows (a heading word that overflowed its column
    pushes the headings after it right) leaves each number column partly under the heading right of
    its own: "34,0000 EUR" under "UD." and "PRECIO UNIT.", the discount "10,00" under "CANT. PRECIO"
    and "DTO.".  Cut between the headings, the price went to the unit and the discount's figures to
    two columns.  A figure is one cell: the run goes to the one heading under it that heads figures
    and stands over no run of its own; when there is no such single heading, it is cut as before."""
    cells = [[t for t in line.toks if run[0] <= t.cx <= run[1]] for line in rows]
    said = [_one_value(toks) for toks in cells if toks]
    if len(said) < 2 or None in said or sum(1 for v in said if v) < VALUE_ROWS * len(said):
        return None

    def own_run(h: Heading) -> bool:
        return any(r != run and min(r[1], h.x1) - max(r[0], h.x0) > 0 for r in runs)

    free = [h for h in under if h.kind in VALUE_KINDS and not own_run(h)]
    return free[0] if len(free) == 1 else None


def _whitest(rows: Sequence[Line], a: Heading, b: Heading, run: tuple[float, float]) -> float:
    """Where to part the columns of headings `a` and `b` that one `run` of ink spans (their gap narrower
    than a river): between the two headings where the fewest rows have ink, nearest the middle.  A
    column may be wider than its heading ("Código" over GTINs): the middle alone would cut every code."""
    lo, cover = _cover(rows)
    middle = (a.x1 + b.x0) / 2
    start, end = max(a.x1, run[0]), min(b.x0, run[1])
    xs = [x for x in range(math.ceil(start - lo), math.floor(end - lo) + 1) if 0 <= x < len(cover)]
    if xs and min(cover[x] for x in xs) > 0 and {a.kind, b.kind} == {"qty", "unit"}:
        # a quantity and its unit that OCR ran together on a few rows ("6u.", "“Su." for "5 u."):
        # those rows do not decide; the place between the two headings the fewest rows ink, through
        # no number. Looked for under the whole run, the only white place was the space in a
        # quantity's thousands ("1 000", "25 000"), and its last figures went to the unit column
        xs = [x for x in xs if not _in_number(rows, lo + x)]
        if xs and RUN_TOGETHER * min(cover[x] for x in xs) <= len(rows):
            return lo + min(xs, key=lambda x: (cover[x], abs(lo + x - middle)))
        xs = [x for x in range(math.ceil(start - lo), math.floor(end - lo) + 1) if 0 <= x < len(cover)]
    if xs and 0 < min(cover[x] for x in xs) <= CROSSING_SHARE * len(rows):
        # a speck or a wrapped word of one or two rows crossing the gap between the headings: the
        # place between them the fewest rows ink. Sought under the whole run, the only white place
        # was past the next heading (between an EAN column and the description beside it), and every
        # row's code, EAN, description and price fell into the wrong columns
        return lo + min(xs, key=lambda x: (cover[x], abs(lo + x - middle)))
    if xs and min(cover[x] for x in xs) > 0:
        # ink all the way between the two headings (a wide number under the edge of the next one):
        # the white place nearest to them under the whole run, never through a word, but only one
        # that leaves each heading the greater part of its own width (`_kept_apart`)
        whole = [x for x in range(math.ceil(run[0] - lo) + 1, math.floor(run[1] - lo)) if 0 <= x < len(cover)]
        white = [x for x in whole if cover[x] == 0 and _kept_apart(a, b, lo + x)]
        if not white:
            # else, between the headings, the place the fewest rows ink, through no number and
            # through no word with a figure where it can (`Table.cells` parts such a word at the cut)
            plain = [x for x in xs if not _in_number(rows, lo + x)] or xs
            return lo + min(plain, key=lambda x: (cover[x], _in_figures(rows, lo + x), abs(lo + x - middle)))
        xs = white
    if not xs:
        return middle
    return lo + min(xs, key=lambda x: (cover[x], abs(lo + x - middle)))


def _kept_apart(a: Heading, b: Heading, x: float) -> bool:
    """Whether a cut at `x` leaves heading `a` (left) and `b` (right) each over its own column for the
    greater part of its width: past the middle of `a` and short of the middle of `b`.

    A white place further off is a gap inside a column or beyond a heading, not between these two: on
    a page shrunk sideways onto the fax, descriptions ran on under "REVISION" beside them, and the only
    white place under the run was the gap between the codes and the descriptions, before
    "CONCEPTO"; cut there, the description column was a point wide and the revision column held every
    description; an amount's currency after a blank ("93,60 EUR") gave the price the amounts."""
    return (a.x0 + a.x1) / 2 < x < (b.x0 + b.x1) / 2


def _in_figures(rows: Sequence[Line], x: float) -> bool:
    """Whether `x` falls inside a word with a figure in it ("M8x40") on one of the rows."""
    return any(t.x0 < x < t.x1 and has_digit(t.text) for line in rows for t in line.toks)


def _in_number(rows: Sequence[Line], x: float) -> bool:
    """Whether `x` falls inside a number on one of the rows."""
    return any(t.x0 < x < t.x1 and looks_numeric(t.text) for line in rows for t in line.toks)


def heading_at(x: float, segs: Sequence[Segment], headings: Sequence[Heading]) -> Heading:
    """The heading whose column holds `x`: its segment, else the nearest segment or heading without
    a segment of its own (a column whose text stands only on the lines under the item rows, such as a
    description printed below the numbers), else the nearest heading."""
    for x0, x1, h in segs:
        if x0 <= x <= x1:
            return h
    if segs:
        inked = {id(h) for _, _, h in segs}
        spans = [*segs, *((h.x0, h.x1, h) for h in headings if id(h) not in inked)]
        return min(spans, key=lambda s: max(s[0] - x, x - s[1]))[2]
    return min(headings, key=lambda h: _distance(x, x, h))

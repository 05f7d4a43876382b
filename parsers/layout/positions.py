"""Position numbers (1, 2, 3 or 10, 20, 30) as a cross-check on the rows read: the numbering the table
follows, the position of each row whose number OCR misread or ran into the code, and the rows the
numbering says are there but OCR lost."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

STEPS = (1, 10, 100)  # what position numbers count by
MAX_LOST = 2  # rows in a row that may be missing before a jump in the numbering is not believed
TRUSTED = 0.6  # share of rows whose printed number must fit the numbering for it to be used
_NUMBER = re.compile(r"^(\d{1,4})")


def leading_number(text: str) -> int | None:
    """The number a word begins with ("12", "12LLA-AJ-250", "9)4711"), if any."""
    m = _NUMBER.match(text)
    return int(m[1]) if m else None


def _step(values: Sequence[int | None]) -> int | None:
    """How the numbering counts: the commonest difference between neighbouring rows' numbers, if it
    is one that position numbers count by."""
    steps = Counter(b - a for a, b in itertools.pairwise(values) if a is not None and b is not None)
    if not steps:
        first = next((v for v in values if v is not None), None)
        return 10 if first and first % 10 == 0 else 1
    step = steps.most_common(1)[0][0]
    return step if step in STEPS else None


def number(values: Sequence[int | None]) -> list[int] | None:
    """The position of each row, from the numbers read for them (None where none was): each follows the
    one before by the table's step, or by more where rows were lost.  Rows whose number is missing or
    does not fit take the places left before the next number that does (rows lost among them are taken
    to be lost before them).  None when too few of the numbers read fit one numbering to trust it."""
    step = _step(values)
    if len(values) < 2 or step is None:
        return None

    def fits(value: int | None, previous: int, rows: int) -> bool:
        """`value` may come `rows` rows after `previous`, with up to MAX_LOST rows lost between."""
        if value is None or value <= previous or (value - previous) % step:
            return False
        return rows <= (value - previous) // step - 1 <= rows + MAX_LOST

    out: list[int] = [values[0] if values[0] is not None else step]
    i = 1
    while i < len(values):
        previous = out[-1]
        if fits(values[i], previous, 0):
            out.append(values[i])  # type: ignore[arg-type]
            i += 1
            continue
        j = i + 1
        while j < len(values) and not fits(values[j], previous, j - i):
            j += 1
        rows = j - i
        anchor = values[j] if j < len(values) else None
        if anchor is not None:
            out += [anchor - (rows - r) * step for r in range(rows)]
        else:
            out += [previous + (r + 1) * step for r in range(rows)]
        i = j
    fitting = sum(1 for v, p in zip(values, out, strict=True) if v == p)
    return out if fitting >= TRUSTED * len(values) else None


def lost(positions: Sequence[int]) -> list[tuple[int, list[int]]]:
    """(row index, positions missing before it) wherever the numbering jumps over rows."""
    step = _step(positions)
    if len(positions) < 2 or step is None:
        return []
    out = []
    for i in range(1, len(positions)):
        gap = positions[i] - positions[i - 1]
        if gap > step and gap % step == 0:
            out.append((i, list(range(positions[i - 1] + step, positions[i], step))))
    return out


MIN_AS_PRINTED = 3  # cells read as printed before a garbled one is taken for the numbering's
CELL_EDGE = ").:|]/‘’'\"`´,;“”"  # a mark after a position ("10)") or a speck a fax left beside it


def garbled(texts: Sequence[str]) -> set[int]:
    """Which of a position column's cells (the first word on each line that has one, in order) are
    the numbering's figures garbled into letters ("Q007C" for 00070).  Only where the cells read as
    figures number the rows (`number`, at least `MIN_AS_PRINTED` of them as printed); a cell then is
    one when it is no number, is as wide as the printed positions, and stands where the numbering
    leaves a place: half its characters or more are that place's figures where they stand, and none
    of the others is a figure (a code has figures of its own)."""
    bare = [t.strip(CELL_EDGE) for t in texts]
    widths = Counter(len(b) for b in bare if b.isdigit())
    if not widths:
        return set()
    width = widths.most_common(1)[0][0]
    kept = [i for i, b in enumerate(bare) if b.isdigit() or (len(b) == width and any(c.isdigit() for c in b))]
    values = [int(bare[i]) if bare[i].isdigit() else None for i in kept]
    numbering = number(values)
    if numbering is None or sum(v == p for v, p in zip(values, numbering, strict=True)) < MIN_AS_PRINTED:
        return set()
    out = set()
    for i, value, place in zip(kept, values, numbering, strict=True):
        printed = str(place).zfill(width)
        if value is not None or len(printed) != width:
            continue
        same = sum(a == b for a, b in zip(bare[i], printed, strict=True))
        if 2 * same >= width and not any(
            a.isdigit() and a != b for a, b in zip(bare[i], printed, strict=True)
        ):
            out.add(i)
    return out

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

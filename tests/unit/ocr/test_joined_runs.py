"""The runs of ink the hole finder (parsers.ocr.holes: text lines, then words in a line) and the blur of
inked areas (parsers.ocr.preprocess.smooth) both cut a page into: one function, parsers.ocr.geometry.
joined_runs, for both.

The rule, written out: a run is a stretch of places that all hold ink (non-zero), given as (start, end)
with `end` the first place after it; two runs with at most `join` places without ink between them are
one run; the runs come in page order.  A guard (the two modules each had a copy of this rule, one on
bytes and one on flags; the test holds the one function to the rule over many random rows).
"""

from __future__ import annotations

import random

import numpy as np

from parsers.ocr.geometry import joined_runs


def runs_by_the_rule(values: list[int], join: int) -> list[tuple[int, int]]:
    """The rule in plain Python: the stretches of ink, then each joined to the one before it when the
    gap between them is `join` places or fewer."""
    stretches: list[list[int]] = []
    for place, value in enumerate(values):
        if value and stretches and stretches[-1][1] == place:
            stretches[-1][1] = place + 1
        elif value:
            stretches.append([place, place + 1])
    joined: list[list[int]] = []
    for start, end in stretches:
        if joined and start - joined[-1][1] <= join:
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined]


def test_runs_of_ink_by_the_rule_over_random_rows_of_flags_and_of_ink_bytes() -> None:
    rng = random.Random(20261207)
    for _ in range(3000):
        length = rng.randrange(0, 60)
        density = rng.choice((0.05, 0.3, 0.5, 0.8, 0.97))
        values = [rng.randrange(1, 256) if rng.random() < density else 0 for _ in range(length)]
        join = rng.randrange(0, 6)
        want = runs_by_the_rule(values, join)
        assert joined_runs(bytes(values), join) == want, (values, join)
        assert joined_runs(np.array([v > 0 for v in values], dtype=bool), join) == want, (values, join)


def test_runs_written_out() -> None:
    # ink at 1-2 and 5, then 9 to the end: one place apart is joined at join 1, three places are not
    row = bytes([0, 7, 255, 0, 0, 1, 0, 0, 0, 3, 3])
    assert joined_runs(row, 0) == [(1, 3), (5, 6), (9, 11)]
    assert joined_runs(row, 2) == [(1, 6), (9, 11)]
    assert joined_runs(row, 3) == [(1, 11)]
    assert joined_runs(b"", 4) == []
    assert joined_runs(bytes(5), 4) == []

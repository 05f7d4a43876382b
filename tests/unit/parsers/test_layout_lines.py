"""Words into lines: the running median of a line's word heights, and page-number footers."""

from __future__ import annotations

import pytest

from parsers.layout.geometry import _median_of_sorted


@pytest.mark.parametrize(
    ("values", "median"),
    [([7.5], 7.5), ([1.0, 2.0, 4.0], 2.0), ([1.0, 2.0, 4.0, 10.0], 3.0), ([3.0, 3.0], 3.0)],
)
def test_the_median_of_heights_kept_in_order(values: list[float], median: float) -> None:
    assert _median_of_sorted(values) == median

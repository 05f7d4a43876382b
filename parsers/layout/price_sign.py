"""A unit price under one unit of money read with its money sign as a figure before its leading zero
("$0.013" read "20.013"): a slip the figure-by-figure comparison of the arithmetic misses."""

from __future__ import annotations

from decimal import Decimal


def sign_before(read: Decimal, computed: Decimal) -> bool:
    """Whether a price under one unit of money was read with one figure before its leading zero: the
    money sign printed before it read as a figure ("$0.013" as "20.013"), a slip the figures alone miss
    (0.013's figures are "13", without the zero the sign stood before)."""
    text, want = format(read.normalize(), "f"), format(computed.normalize(), "f")
    return want.startswith("0.") and len(text) == len(want) + 1 and text[0].isdigit() and text[1:] == want

"""Whether a column's cells number the rows (1, 2, 3; 10, 20, 30; "00010", "00020"), as printed or as a
fax spoilt a few of them, and the specks and marks a fax leaves beside such a number."""

from __future__ import annotations

import itertools

from parsers.layout.text import one_edit, one_substituted

MAX_POSITION_DIGITS = 5
POSITION_EDGE = ").:|]/"  # what follows a position number ("10)", "2.")
# a speck or quotation mark OCR reads against a number on a coarse fax ("‘001"): not part of it
SPECKS = "‘’'\"`´,;:.|"
# positions as a fax reads them (numbered_as_read): at least this many read as printed and zero-padded
# ("00010"), half of them read as printed and three in four at most one figure off
MIN_AS_READ = 3
MIN_PADDED = 3
AS_READ_EXACT = 0.5
AS_READ_SHARE = 0.75


def numbering(cells: list[str]) -> bool:
    """Cells that number the rows: whole numbers of up to five digits counting up from the first
    position (1 or the step, as "010" or "00010" are), or zero-padded as positions are printed."""
    if not cells or not all(c.isdigit() and len(c) <= MAX_POSITION_DIGITS for c in cells):
        return False
    values = [int(c) for c in cells]
    if any(b <= a for a, b in itertools.pairwise(values)):
        return False
    step = values[1] - values[0] if len(values) > 1 else values[0]
    padded = all(c.startswith("0") and len(c) >= 3 for c in cells)
    return padded or values[0] in (1, step)


def numbered_as_read(cells: list[str]) -> bool:
    """Cells that number the rows as a coarse fax reads them: zero-padded positions ("00010",
    "00020") counting up by one step, a few of them with a digit misread ("00096" for 00090, "0020p"
    for 00200) or lost to specks ("nnn3n").  Cells without a figure (a speck or a letter on the line
    of a description printed under its row) do not count.  At least `AS_READ_EXACT` of them read as
    printed, and `AS_READ_SHARE` within one figure of their place in the numbering."""
    texts = [t for t in (c.strip(SPECKS + "“”") for c in cells) if any(ch.isdigit() for ch in t)]
    exact = [(i, int(t)) for i, t in enumerate(texts) if _padded(t)]
    if len(exact) < MIN_AS_READ:
        return False
    best = (0, 0)
    for (i, a), (j, b) in itertools.pairwise(exact):
        if b <= a or (b - a) % (j - i):
            continue
        step = (b - a) // (j - i)
        start = a - i * step
        if start < 0:
            continue
        places = [str(start + k * step).zfill(len(t)) for k, t in enumerate(texts)]
        same = sum(t == p for t, p in zip(texts, places, strict=True))
        near = sum(_one_figure_off(t, p) for t, p in zip(texts, places, strict=True))
        best = max(best, (same, near))
    same, near = best
    return same >= AS_READ_EXACT * len(texts) and near >= AS_READ_SHARE * len(texts)


def numbered_but_slips(cells: list[str]) -> bool:
    """Cells that number the rows as `numbering` wants (counting up by one step from the first
    position), a few of them a character off their place where a fax spoilt them ("+40" between 30
    and 50, a speck read before the figures; "5O" for 50): at least `MIN_AS_READ` read as printed, and
    every other cell one character inserted, dropped or changed from its place, a quarter at most."""
    texts = [c.strip(SPECKS) for c in cells]
    exact = [(i, int(t)) for i, t in enumerate(texts) if t.isdigit() and len(t) <= MAX_POSITION_DIGITS]
    if len(exact) < MIN_AS_READ or len(texts) - len(exact) > (1 - AS_READ_SHARE) * len(texts):
        return False
    for (i, a), (j, b) in itertools.pairwise(exact):
        if b <= a or (b - a) % (j - i):
            continue
        step = (b - a) // (j - i)
        start = a - i * step
        if start not in (1, step):
            continue
        places = [str(start + k * step) for k in range(len(texts))]
        if all(t == p or one_edit(t, p) for t, p in zip(texts, places, strict=True)):
            return sum(t == p for t, p in zip(texts, places, strict=True)) == len(exact)
    return False


def _padded(text: str) -> bool:
    return text.isdigit() and MIN_PADDED <= len(text) <= MAX_POSITION_DIGITS and text[0] == "0"


def _one_figure_off(read: str, place: str) -> bool:
    """Whether `read` is `place` as printed, or with one character misread."""
    return read == place or one_substituted(read, place)

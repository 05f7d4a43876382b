"""How a fax line misreads an item code's figures, known to the readers and to validation alike."""

from __future__ import annotations

# Small letters a fax line makes of figures other than those their capitals look like ("2b0" for 260):
# codes print capitals, so one read amid figures is that figure, not the capital ("b" upper-cased would be
# read back as an 8, "BRI-NY-280").  Other small letters fold to capitals whose look-alikes hold their
# figures already ("o" 0, "l" 1, "s" 5, "z" 2; a "g" is as often an 8 as a 9).
SMALL_FIGURES = {"b": "6", "q": "9"}


def figures_back(code: str) -> str:
    """`code` with each small letter of `SMALL_FIGURES` that stands beside a figure and beside no
    letter read as its figure ("BRI-NY-2b0" -> "BRI-NY-260"; "Gua-TRA" and "2ba" unchanged)."""
    out = list(code)
    for i, char in enumerate(code):
        if char not in SMALL_FIGURES:
            continue
        beside = code[max(0, i - 1) : i] + code[i + 1 : i + 2]
        if any(c.isdigit() for c in beside) and not any(c.isalpha() for c in beside):
            out[i] = SMALL_FIGURES[char]
    return "".join(out)

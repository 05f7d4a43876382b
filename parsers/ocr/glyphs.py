"""The letter O told from the figure 0 by its ink, where an order number's look-alike readings differ.

In a part of an order number that is letters but for it, an O and a 0 are one letter to the reader
(`parsers.layout.header.letter_o_places`: "0C/26/57898" is order OC/26/57898), yet two readings that
say one and the other are no agreement: the print may be a zero.  The ink settles it: a typeface's
figures share one width and its O is wider (Helvetica's O 778 units, its figures 556; Courier's O,
though it advances as far, is rounder than its 0); on the tuning faxes the O of "OC" is 15-20 px wide,
the word's figures 11-14 px.  A glyph no wider proves nothing, nor does a word whose glyphs touch or
break (its columns of ink must part it into exactly its characters).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np
from PIL import Image

# how much wider than the word's figures the glyph must be to be the letter O: Helvetica's O is 1.4 times
# its figures, a typeface whose O is barely wider (DejaVu Sans, 1.23) proves nothing
WIDER = 1.25
INK = 128  # grey below this is ink


def ink_columns(image: Image.Image, box: tuple[float, float, float, float]) -> list[int]:
    """The widths of the runs of inked columns in `box` of `image`, left to right: a word's glyphs,
    where none touches another or breaks in two."""
    x0, y0, x1, y1 = (round(v) for v in box)
    ink = np.asarray(image.crop((x0, y0, x1, y1)).convert("L")) < INK
    inked_columns = [bool(ink[:, x].any()) for x in range(ink.shape[1])]
    widths: list[int] = []
    run = 0
    for inked in [*inked_columns, False]:
        if inked:
            run += 1
        elif run:
            widths.append(run)
            run = 0
    return widths


def letter_o_inked(
    image: Image.Image, box: tuple[float, float, float, float], text: str, places: Sequence[int]
) -> bool:
    """Whether the characters of the word `text` (read from `box` of the upright page `image`) at
    `places`, each a 0 or an O, are inked as letters O: the word parts into one glyph a character (a
    space in it parts nothing, so such a word never does), and
    each at `places` is `WIDER` than the widest of the word's other zeros, or, with none, than its
    figures' usual width."""
    widths = ink_columns(image, box)
    if not places or len(widths) != len(text) or any(text[i] not in "0Oo" for i in places):
        return False
    others = [(c, w) for i, (c, w) in enumerate(zip(text, widths, strict=True)) if i not in places]
    figures = [w for c, w in others if c.isdigit()]
    zeros = [w for c, w in others if c == "0"]
    if not figures:
        return False
    base = max(zeros) if zeros else statistics.median(figures)
    return all(widths[i] >= WIDER * base for i in places)

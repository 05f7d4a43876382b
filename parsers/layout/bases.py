"""Price bases as a fax prints them in a "Per" column (1, 10, 100 or 1,000 units a price is for): the
figure of a cell, also where OCR read its ones and zeros as the letters they look like ("1O0", "l00",
"l"), and a column beside the price that prints one unit on every row."""

from __future__ import annotations

import re

from parsers.layout.vocab import BASIS_UNITS

# letters OCR reads for the ones and zeros of a basis: the only figures a basis prints
_AS_FIGURES = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1"})
_BASIS = re.compile(rf"^(?:1|{BASIS_UNITS})$")
SPECKS = "‘’'\"`´,;:.()[]"  # a speck, a bracket or a mark OCR read beside the figure
RULES = "|!"  # a rule beside the figure, or a one OCR read as such a stroke
MIN_ONES = 2  # rows that must print a one, as printed, before a column of ones is taken for bases


def basis_read(text: str) -> tuple[int, bool] | None:
    """The price basis a cell prints (1, 10, 100, 1000) and whether OCR read letters for its figures
    ("1O0", "l00" for 100; "l" for 1); None for anything else.  Only ones and zeros are put back:
    a basis prints no other figure, so "1O0" can only be a hundred, where "106" could be anything."""
    bare = text.strip(SPECKS)
    for cell in (bare, bare.strip(RULES)):
        figures = cell.translate(_AS_FIGURES)
        if cell and _BASIS.match(figures):
            return int(figures.replace(".", "").replace(",", "")), figures != cell
    return None


def column_of_ones(texts: list[str], rows: int) -> bool:
    """Whether a column's cells (`texts`, one for each of `rows` priced rows that has one) print the
    price basis 1 on every row: on half the rows or more, `MIN_ONES` of them read as printed.  Where
    a column of bases prints 100 on some row the arithmetic finds it (quantity × price / basis =
    amount); a column of ones leaves the arithmetic as it was, so it is told by its content alone."""
    read = [basis_read(t) for t in texts]
    printed = sum(1 for r in read if r == (1, False))
    return 2 * len(texts) >= rows and printed >= MIN_ONES and all(r is not None and r[0] == 1 for r in read)

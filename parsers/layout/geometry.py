"""Words to text lines: a page's words in points, skew taken out (`parsers.layout.straighten`), lines by
height (`parsers.layout.line_grouping`), and the lines that carry no order data marked (fax header line,
page footers); the boxes words and cells take up, and a number printed in groups joined into one word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from core.capture.domain.layout import PageWords, Word
from parsers.layout.line_grouping import group_lines
from parsers.layout.straighten import straightened_words
from parsers.layout.text import fold, has_digit, token_key
from parsers.layout.words import PHRASE_GAP, Line, Page, Tok

# the word, line and page types and the phrase gap live in `parsers.layout.words`; some fifty modules
# import them from here
__all__ = [
    "CHAR_CELLS",
    "FOOTER_BAND",
    "GROUP_GAP",
    "PHRASE_GAP",
    "Line",
    "Page",
    "Tok",
    "box_around",
    "box_on_row",
    "is_fax_header",
    "is_page_number",
    "join_groups",
    "read_page",
]

FOOTER_BAND = 0.06  # the bottom of the page where footers live
_FAX_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_FAX_MARK = re.compile(r"\b(from|de|fax|to|a|tx|rx|p\.?\s*\d{1,3}\s*/\s*\d{1,3}|pag\.?\s*\d{1,3})\b")
_PAGE_NO = re.compile(r"^(pagina|pag|page|hoja|p)\.?\s*\d{1,3}(\s*(de|of|/)\s*\d{1,3})?$")
_PAGE_NO_START = re.compile(r"(pagina|pag|page|hoja|p)\.?\s*\d")  # how any page number begins
_FIGURE_WITH_DECIMALS = re.compile(r"^\d[\d.,' ]*[.,]\d{2,4}$")  # "50.00", "1.140,00", "0,0500"


def box_around(words: Sequence[Word]) -> tuple[float, float, float, float]:
    """The box around `words` (at least one), in the pixels they were read in."""
    return (
        min(w.x0 for w in words),
        min(w.y0 for w in words),
        max(w.x1 for w in words),
        max(w.y1 for w in words),
    )


def box_on_row(line: Line, x0: float, x1: float) -> tuple[float, float, float, float] | None:
    """The box, in the pixels the words were read in, that a stretch `x0`..`x1` across (in points,
    straightened) takes up on the row `line`: across, where the row's figures on either side of it put
    that stretch; down, the row's middle there (the nearest figures' middles, taken in proportion across,
    as a page that slopes a little shifts them) and as tall as its tallest figure.  None when the row
    holds no figure."""
    figures = [t for t in line.toks if has_digit(t.text) and t.x1 > t.x0 and t.word.x1 > t.word.x0]
    if not figures:
        return None
    left = max((t for t in figures if t.cx <= x0), key=lambda t: t.cx, default=None)
    right = min((t for t in figures if t.cx >= x1), key=lambda t: t.cx, default=None)
    # every figure of the row inside the stretch (the cell's own ink, nothing beside it): the one
    # nearest its middle places it
    inside = min(figures, key=lambda t: abs(t.cx - (x0 + x1) / 2))
    a, b = left or right or inside, right or left or inside
    if a is b:
        scale = (a.word.x1 - a.word.x0) / (a.x1 - a.x0)
        across = (a.word.cx + (x0 - a.cx) * scale, a.word.cx + (x1 - a.cx) * scale)
        middle = a.word.cy
    else:
        scale = (b.word.cx - a.word.cx) / (b.cx - a.cx)
        across = (a.word.cx + (x0 - a.cx) * scale, a.word.cx + (x1 - a.cx) * scale)
        share = ((x0 + x1) / 2 - a.cx) / (b.cx - a.cx)
        middle = a.word.cy + share * (b.word.cy - a.word.cy)
    half = max(t.word.y1 - t.word.y0 for t in figures) / 2
    return (across[0], middle - half, across[1], middle + half)


_GROUP_HEAD = re.compile(r"^[-+(]?(?:[€$£]|EUR|USD|GBP)?\d{1,3}(?:\d{3})?$")
_GROUP_TAIL = re.compile(r"^\d{3}(?:[.,]\d+)?(?:[€$£)]|EUR|USD|GBP)?$")
# a number OCR cut after its decimal mark ("3,705." and "12" for 3,705.12): the two halves
_CUT_HEAD = re.compile(r"^[-+(]?(?:[€$£]|EUR|USD|GBP)?\d[\d.,'’]*[.,]$")
_CUT_TAIL = re.compile(r"^\d{1,3}(?:[€$£)]|EUR|USD|GBP)?[:;.,]?$")
GROUP_GAP = 0.4  # of a word's height: a space printed between the thousands of one number
# of a character's inked width: one space of a typewriter face ("5 000" in Courier), which is a whole
# character cell plus the white on either side of the figures' ink: 1.26-1.29 on a fine fax of a
# dot-matrix order; a column gap is several cells
CHAR_CELLS = 1.4


def join_groups(toks: list[Tok]) -> list[Tok]:
    """A number printed with spaces between its thousands ("1 200,000", "25 000", "2 073,05") as one
    word, as a reader of the page takes it, and one OCR cut after its decimal mark ("3,705." "12");
    digits farther apart stay apart (two columns). For a cell or a total's words only: elsewhere
    digits in groups are telephone numbers and tax ids."""
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (
                (_GROUP_HEAD.match(prev.text.replace("\u202f", "")) and _GROUP_TAIL.match(tok.text))
                or (_CUT_HEAD.match(prev.text) and _CUT_TAIL.match(tok.text))
            )
            and 0 <= tok.x0 - prev.x1 <= max(GROUP_GAP * prev.h, CHAR_CELLS * _digit_width(prev, tok))
        ):
            text = prev.text + tok.text
            word = replace(prev.word, text=text, x1=tok.word.x1)
            out[-1] = replace(prev, word=word, x1=tok.x1, key=token_key(text))
            continue
        out.append(tok)
    return out


def _digit_width(head: Tok, tail: Tok) -> float:
    """The width of one character of a number's figures, from the wider of its two groups: a lone "1"
    boxed by its ink alone is narrower than the cell it is set in ("1 345,28" read from a fax)."""
    return max((t.x1 - t.x0) / len(t.text) for t in (head, tail))


def is_fax_header(line: Line, page_height: float) -> bool:
    """A fax machine's line at the top edge: time, sender or page count (26/11/2026 10:15 FROM … P.001)."""
    if line.y1 > page_height * 0.08:
        return False
    text = fold(line.text)
    return bool(_FAX_TIME.search(text)) and len(_FAX_MARK.findall(text)) >= 1


def is_page_number(line: Line) -> bool:
    """Whether a phrase of the line is a page number alone ("Página 2 de 3", "Page 1/2", "p. 3").

    A phrase's folded text stands inside the folded line, so a line in which no page number even
    begins has none: most lines are let go on that test without being cut into phrases."""
    if not _PAGE_NO_START.search(fold(line.text)):
        return False
    if sum(1 for t in line.toks if _FIGURE_WITH_DECIMALS.match(t.text)) >= 2:
        # a table row: its price and amount ("00140 ARA-M8 p2 2500 Stk 0.02 50.00", a revision "02"
        # the fax made "p2"); a page number stands alone or in a footer of names, never beside money
        return False
    return any(_PAGE_NO.match(fold(p.text).strip(" -")) for p in line.phrases())


def read_page(words: PageWords) -> Page:
    """The page's words as lines in points, top to bottom, with fax header and footer lines marked."""
    scale = 72.0 / words.dpi if words.dpi else 1.0
    _, toks = straightened_words(words)
    page = Page(words.number, words.width * scale, words.height * scale, words.source)
    page.lines = [Line(words.number, group) for group in group_lines(toks)]
    for line in page.lines:
        if is_fax_header(line, page.height):
            line.kind = "fax"
        elif line.y0 > page.height * (1 - FOOTER_BAND) or is_page_number(line):
            line.kind = "footer"
    return page

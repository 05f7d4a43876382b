"""A text PDF's words through PDFium (pypdfium2), several times faster than pdfminer's character layer.

Words come out as pdfplumber's `extract_words` gives them (the reader was built on those): characters
grouped into lines by their tops, split into words at blanks and at gaps wider than `X_TOLERANCE`; each
character's box runs from the font's descent under the baseline up one font size, as pdfminer draws it.
A character printed again at (nearly) the same place, as printers fake bold type, counts once.

Only plain pages are read here: unrotated, the media box at the origin, upright text. Anything else, and
any document PDFium cannot open, returns None, and the caller reads it through pdfplumber, which also
says what is wrong with an encrypted or damaged file."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from core.capture.domain.layout import PageWords, Word

X_TOLERANCE = 3.0  # points between two characters of one word (pdfplumber's default)
Y_TOLERANCE = 3.0  # points between the tops of two characters of one line (pdfplumber's default)
DUPLICATE_CHAR = 1.0  # points: the same character this close to another is one printed twice
EDGE = 0.5  # points a media box may lie off the origin and still count as at it
_T = TypeVar("_T")


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make, per character
class _Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


def _opened(content: bytes, read: Callable[[pdfium.PdfDocument], _T | None]) -> _T | None:
    """What `read` finds in the document PDFium opens from `content`, closed after; None when PDFium
    cannot open it or fails while it is read."""
    try:
        pdf = pdfium.PdfDocument(content)
    except (pdfium.PdfiumError, ValueError, OSError):
        return None
    try:
        return read(pdf)
    except pdfium.PdfiumError:
        return None
    finally:
        pdf.close()


def read_words_fast(content: bytes, max_pages: int) -> list[PageWords] | None:
    """Every page's words, or None when the document needs pdfplumber (see the module's note)."""
    return _opened(content, lambda pdf: _pages(pdf, max_pages))


def _pages(pdf: pdfium.PdfDocument, max_pages: int) -> list[PageWords] | None:
    count = len(pdf)
    if count == 0 or count > max_pages:
        return None
    out: list[PageWords] = []
    for index in range(count):
        page = pdf[index]
        try:
            words = _page(page, index + 1)
        finally:
            page.close()
        if words is None:
            return None
        out.append(words)
    return out


def _page(page: pdfium.PdfPage, number: int) -> PageWords | None:
    left, bottom, right, top = page.get_mediabox()
    if page.get_rotation() or abs(left) > EDGE or abs(bottom) > EDGE:
        return None
    height = top - bottom
    text = page.get_textpage()
    try:
        chars = _chars(text, height)
    finally:
        text.close()
    if chars is None:
        return None
    return PageWords(number, float(right - left), float(height), 72.0, tuple(_words(_unique(chars))), "text")


def _chars(text: pdfium.PdfTextPage, height: float) -> list[_Char | None] | None:
    """The page's characters in content order; None for a blank (a word break)."""
    handle = text.raw
    rect = raw.FS_RECTF()
    box = ctypes.byref(rect)
    # PDFium's functions bound once: five calls per character are most of a page's reading time
    unicode, generated, angle = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated, raw.FPDFText_GetCharAngle
    loose_box, font_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    out: list[_Char | None] = []
    for i in range(raw.FPDFText_CountChars(handle)):
        code = unicode(handle, i)
        char = chr(code) if code else " "
        if char.isspace() or generated(handle, i) == 1:
            out.append(None)
            continue
        if abs(angle(handle, i)) > 0.01:
            return None  # turned text: pdfplumber's reading stays the reference
        loose_box(handle, i, box)
        size = font_size(handle, i) or (rect.top - rect.bottom)
        low = height - rect.bottom
        out.append(_Char(char, rect.left, low - size, rect.right, low))
    return out


# _unique's grid cells as one integer each (character, column, row), so that the nine cells around a
# character are its key plus fixed offsets; pages with coordinates beyond the span use tuples instead
_SPAN = 1 << 21
_HALF = _SPAN >> 1
_AROUND = tuple(dx * _SPAN + dy for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _unique(chars: list[_Char | None]) -> list[_Char | None]:
    """Without characters printed again within DUPLICATE_CHAR points of the same character: each is
    compared with the characters kept in the nine grid cells of DUPLICATE_CHAR points around it."""
    seen: dict[int, list[_Char]] = {}
    get = seen.get
    out: list[_Char | None] = []
    for c in chars:
        if c is None:
            out.append(c)
            continue
        x, y = c.x0, c.top
        gx, gy = int(x // DUPLICATE_CHAR), int(y // DUPLICATE_CHAR)
        if not (-_HALF < gx < _HALF - 1 and -_HALF < gy < _HALF - 1):
            return _unique_far(chars)
        key = (ord(c.text) * _SPAN + gx + _HALF) * _SPAN + gy + _HALF
        if _near(get, key, x, y):
            continue
        kept = get(key)
        if kept is None:
            seen[key] = [c]
        else:
            kept.append(c)
        out.append(c)
    return out


def _near(get: Callable[[int], list[_Char] | None], key: int, x: float, y: float) -> bool:
    """Whether a kept character in the cells around `key` stands within DUPLICATE_CHAR of (x, y)."""
    for step in _AROUND:
        kept = get(key + step)
        if kept is not None:
            for o in kept:
                if abs(o.x0 - x) <= DUPLICATE_CHAR and abs(o.top - y) <= DUPLICATE_CHAR:
                    return True
    return False


def _unique_far(chars: list[_Char | None]) -> list[_Char | None]:
    """`_unique` for pages with coordinates too large for its integer cells."""
    seen: dict[tuple[str, int, int], list[_Char]] = {}
    out: list[_Char | None] = []
    for c in chars:
        if c is None:
            out.append(c)
            continue
        gx, gy = int(c.x0 // DUPLICATE_CHAR), int(c.top // DUPLICATE_CHAR)
        near = (o for dx in (-1, 0, 1) for dy in (-1, 0, 1) for o in seen.get((c.text, gx + dx, gy + dy), ()))
        if any(abs(o.x0 - c.x0) <= DUPLICATE_CHAR and abs(o.top - c.top) <= DUPLICATE_CHAR for o in near):
            continue
        seen.setdefault((c.text, gx, gy), []).append(c)
        out.append(c)
    return out


def _words(chars: list[_Char | None]) -> list[Word]:
    """Characters into lines (tops within Y_TOLERANCE), lines into words, top to bottom, left to right."""
    placed = [(c, i) for i, c in enumerate(chars) if c is not None]
    blanks = [0]  # blanks[i]: how many blanks stand before character i in content order
    for c in chars:
        blanks.append(blanks[-1] + (c is None))
    placed.sort(key=lambda ci: ci[0].top)
    lines: list[list[tuple[_Char, int]]] = []
    for item in placed:
        if lines and item[0].top - lines[-1][0][0].top <= Y_TOLERANCE:
            lines[-1].append(item)
        else:
            lines.append([item])
    out: list[Word] = []
    for line in lines:
        line.sort(key=lambda ci: ci[0].x0)
        word: list[_Char] = []
        last = -1
        for char, index in line:
            broken = word and (
                char.x0 - word[-1].x1 > X_TOLERANCE
                or word[-1].x0 - char.x0 > X_TOLERANCE
                or (index > last and blanks[index] > blanks[last + 1])
            )
            if broken:
                out.append(_word(word))
                word = []
            word.append(char)
            last = index
        if word:
            out.append(_word(word))
    return out


def _word(chars: list[_Char]) -> Word:
    """The characters as one word, boxed by their outermost edges (one pass over them)."""
    first = chars[0]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for c in chars[1:]:
        if c.x0 < x0:
            x0 = c.x0
        if c.top < top:
            top = c.top
        if c.x1 > x1:
            x1 = c.x1
        if c.bottom > bottom:
            bottom = c.bottom
    return Word("".join(c.text for c in chars), x0, top, x1, bottom, 1.0)


def has_text_layer(content: bytes, max_pages: int, least: int) -> bool | None:
    """Whether a page among the first `max_pages` holds at least `least` printed characters; None when
    PDFium cannot open the document or it has no pages (pdfplumber then says why)."""
    return _opened(content, lambda pdf: _printed(pdf, max_pages, least))


def _printed(pdf: pdfium.PdfDocument, max_pages: int, least: int) -> bool | None:
    if len(pdf) == 0:
        return None
    for index in range(min(len(pdf), max_pages)):
        page = pdf[index]
        text = page.get_textpage()
        try:
            printed = sum(1 for c in text.get_text_range() if not c.isspace())
        finally:
            text.close()
            page.close()
        if printed >= least:
            return True
    return False

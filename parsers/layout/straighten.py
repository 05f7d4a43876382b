"""A page's words in points with its skew taken out: the slope measured from neighbouring words
(`_skew`), then put right by what its long lines still slope (`_left_over`); an OCR word made as tall
as its type, as a text layer gives it, and a label glued to its value parted from it.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, replace

from core.capture.domain.layout import PageWords, Word
from parsers.layout.cleanup import capital_i, clean, snap
from parsers.layout.line_grouping import group_lines
from parsers.layout.text import is_rule, token_key
from parsers.layout.words import Tok

INK_TO_TYPE = 1.35  # a printed word's type size over the height of its ink (as OCR boxes it)
FIT_SPAN = 20  # text heights a line's words must span for its own slope to be measured (`_left_over`)
FIT_WORDS = 3  # words of a line at least, for the same
FIT_LINES = 5  # lines so measured at least, for their slope to be taken
_GLUED = re.compile(r"^([^\W\d_][^:]*[^\W\d_]\.?:)(\S+)$")


def _skew(words: list[tuple[float, float, float, float]]) -> float:
    """The slope of text lines, from each word and its nearest right-hand neighbour on the same line."""
    slopes = []
    ordered = sorted(words, key=lambda w: (w[1] + w[3]) / 2)
    for i, (x0, y0, x1, y1) in enumerate(ordered):
        h, cy = y1 - y0, (y0 + y1) / 2
        best = None
        for nx0, ny0, nx1, ny1 in ordered[max(0, i - 40) : i + 40]:
            ncy = (ny0 + ny1) / 2
            if 0 <= nx0 - x1 < 2 * h and abs(ncy - cy) < 0.6 * h and (best is None or nx0 < best[0]):
                best = (nx0, ncy, nx1)
        if best is not None and best[2] - x0 > 2 * h:
            slopes.append((best[1] - cy) / (((best[0] + best[2]) / 2) - (x0 + x1) / 2))
    return statistics.median(slopes) if len(slopes) >= 8 else 0.0


def page_slope(words: PageWords) -> float:
    """The slope of an OCR page's text lines in its pixels (as `read_page` takes it out; 0 for a text
    layer)."""
    return straightened_words(words)[0]


@dataclass(frozen=True)
class Turn:
    """Turns word boxes back by the page's skew about its centre (boxes keep their size)."""

    angle: float
    cx: float
    cy: float

    def straighten(self, word: Word, page: int, x0: float, y0: float, x1: float, y1: float) -> Tok:
        if self.angle == 0.0:
            return Tok(word, page, x0, y0, x1, y1, token_key(word.text))
        cos, sin = math.cos(self.angle), math.sin(self.angle)
        dx, dy = (x0 + x1) / 2 - self.cx, (y0 + y1) / 2 - self.cy
        mx, my = self.cx + dx * cos + dy * sin, self.cy - dx * sin + dy * cos
        hw, hh = (x1 - x0) / 2, (y1 - y0) / 2
        return Tok(word, page, mx - hw, my - hh, mx + hw, my + hh, token_key(word.text))


def _as_text_layer(tok: Tok) -> Tok:
    """An OCR word as a text layer gives it: as tall as its type (OCR boxes hold only the ink, about
    three quarters of the type size, and every gap and tolerance here is measured in type sizes), and
    its key snapped to the label word a one-letter misread hides."""
    grow = (INK_TO_TYPE - 1) * tok.h / 2
    return replace(tok, y0=tok.y0 - grow, y1=tok.y1 + grow, key=snap(capital_i(tok.text, tok.key)))


def _split_label(word: Word) -> list[Word]:
    """ "Fecha:26/11/2026" as the label "Fecha:" and the value, each with its share of the box."""
    m = _GLUED.match(word.text)
    if m is None:
        return [word]
    cut = word.x0 + (word.x1 - word.x0) * len(m[1]) / len(word.text)
    return [replace(word, text=m[1], x1=cut), replace(word, text=m[2], x0=cut)]


def straightened_words(words: PageWords) -> tuple[float, list[Tok]]:
    """The slope of the page's text lines (0 for a text layer) and its words in points with it taken
    out: first from neighbouring words (`_skew`), then put right by what the lines so straightened
    still slope (`_left_over`)."""
    scale = 72.0 / words.dpi if words.dpi else 1.0
    read = words.words if words.source == "text" else clean(words.words)
    raw = [
        (w, w.x0 * scale, w.y0 * scale, w.x1 * scale, w.y1 * scale)
        for word in read
        for w in _split_label(word)
        if w.text.strip() and not is_rule(w.text)
    ]

    def turned(angle: float) -> list[Tok]:
        turn = Turn(angle, words.width * scale / 2, words.height * scale / 2)
        toks = [turn.straighten(w, words.number, x0, y0, x1, y1) for w, x0, y0, x1, y1 in raw]
        return toks if words.source == "text" else [_as_text_layer(t) for t in toks]

    if words.source == "text":
        return 0.0, turned(0.0)
    angle = math.atan(_skew([r[1:] for r in raw]))
    toks = turned(angle)
    rest = _left_over(toks)
    if rest:
        angle += math.atan(rest)
        toks = turned(angle)
    return math.tan(angle), toks


def _left_over(toks: list[Tok]) -> float:
    """The slope the page's long lines keep once straightened by `_skew` (the median over the lines
    whose words span FIT_SPAN text heights, fitted by least squares; 0 with fewer than FIT_LINES).
    Neighbouring words stand too close for the rows of a fax to show a slope under a degree: their
    middles, on whole pixels and on a normal fax's doubled rows, read level, so the median of those
    pairs is 0 (or one pixel step) where the page slopes half a degree, and over a 15 cm row that
    half degree puts a row's code a line below its numbers."""
    slopes = []
    for group in group_lines(toks):
        solid = [t for t in group if len(t.text) > 1]
        if len(solid) < FIT_WORDS:
            continue
        h = statistics.median(t.h for t in solid)
        if solid[-1].cx - solid[0].cx < FIT_SPAN * h:
            continue
        mx, my = statistics.fmean(t.cx for t in solid), statistics.fmean(t.cy for t in solid)
        spread = sum((t.cx - mx) ** 2 for t in solid)
        slopes.append(sum((t.cx - mx) * (t.cy - my) for t in solid) / spread)
    return statistics.median(slopes) if len(slopes) >= FIT_LINES else 0.0

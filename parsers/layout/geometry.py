"""Words to text lines: page coordinates in points, skew taken out, lines by height, phrases by gaps,
and the lines that carry no order data (fax header line, page footers)."""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from core.capture.domain.layout import PageWords, Word
from parsers.layout.cleanup import capital_i, clean, snap
from parsers.layout.text import fold, has_digit, is_rule, token_key

PHRASE_GAP = 0.8  # a gap wider than this many text heights separates phrases
FOOTER_BAND = 0.06  # the bottom of the page where footers live
INK_TO_TYPE = 1.35  # a printed word's type size over the height of its ink (as OCR boxes it)
SAME_ROW = 0.3  # of a word's height: words overlapping across this close in height share a row
FIT_SPAN = 20  # text heights a line's words must span for its own slope to be measured (`_left_over`)
FIT_WORDS = 3  # words of a line at least, for the same
FIT_LINES = 5  # lines so measured at least, for their slope to be taken
LOOKBACK = 12  # lines above a word that it may still belong to (specks and short lines come between)
_FAX_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_FAX_MARK = re.compile(r"\b(from|de|fax|to|a|tx|rx|p\.?\s*\d{1,3}\s*/\s*\d{1,3}|pag\.?\s*\d{1,3})\b")
_GLUED = re.compile(r"^([^\W\d_][^:]*[^\W\d_]\.?:)(\S+)$")
_PAGE_NO = re.compile(r"^(pagina|pag|page|hoja|p)\.?\s*\d{1,3}(\s*(de|of|/)\s*\d{1,3})?$")
_PAGE_NO_START = re.compile(r"(pagina|pag|page|hoja|p)\.?\s*\d")  # how any page number begins
_FIGURE_WITH_DECIMALS = re.compile(r"^\d[\d.,' ]*[.,]\d{2,4}$")  # "50.00", "1.140,00", "0,0500"


@dataclass(frozen=True)
class Tok:
    """A word in page points (skew removed), with the word as read."""

    word: Word
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    key: str

    @property
    def text(self) -> str:
        return self.word.text

    @property
    def conf(self) -> float:
        return self.word.confidence

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def cut(self, start: int, end: int) -> Tok:
        """The characters start:end of the word, with their share of its box (page and word alike)."""
        n, w = len(self.text), self.word
        a, b = start / n, end / n
        word = replace(w, text=w.text[start:end], x0=w.x0 + (w.x1 - w.x0) * a, x1=w.x0 + (w.x1 - w.x0) * b)
        width = self.x1 - self.x0
        return replace(
            self, word=word, x0=self.x0 + width * a, x1=self.x0 + width * b, key=token_key(word.text)
        )


@dataclass
class Line:
    """Words on one text line, left to right."""

    page: int
    toks: list[Tok]
    kind: str = "text"  # "text" | "fax" (fax header line) | "footer"

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.toks)

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.toks)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.toks)

    @property
    def y0(self) -> float:
        return min(t.y0 for t in self.toks)

    @property
    def y1(self) -> float:
        return max(t.y1 for t in self.toks)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return statistics.median(t.cy for t in self.toks)

    @property
    def height(self) -> float:
        return statistics.median(t.h for t in self.toks)

    @property
    def conf(self) -> float:
        return min((t.conf for t in self.toks), default=1.0)

    def phrases(self) -> list[Line]:
        """The line cut where the gap between words is wider than a phrase gap."""
        limit = PHRASE_GAP * self.height
        out: list[Line] = []
        for tok in self.toks:
            if out and tok.x0 - out[-1].toks[-1].x1 <= limit:
                out[-1].toks.append(tok)
            else:
                out.append(Line(self.page, [tok], self.kind))
        return out


@dataclass
class Page:
    """One page's lines, top to bottom, in points."""

    number: int
    width: float
    height: float
    source: str
    lines: list[Line] = field(default_factory=list)

    @property
    def body(self) -> float:
        heights = [t.h for line in self.lines for t in line.toks]
        return statistics.median(heights) if heights else 10.0


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
    return _straightened(words)[0]


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


def _median_of_sorted(values: list[float]) -> float:
    """`statistics.median` of values already in order (the same arithmetic, without sorting again)."""
    n = len(values)
    if n % 2:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def _group(toks: list[Tok]) -> list[list[Tok]]:
    """Words into text lines: each word joins the line whose nearest word (across), or whose middle,
    stands at its height.

    The nearest word keeps a label and its value together when two columns of text sit a little apart
    in height (an address beside "Delivery date: ..."); the middle, when that word is a speck.
    """
    lines: list[list[Tok]] = []
    boxes: list[list[tuple[float, float, float, float]]] = []  # each line's words as (x0, x1, cy, h)
    heights: list[list[float]] = []  # each line's word middles, kept sorted for its median
    middles: list[float] = []  # each line's median height, kept as words join it
    lowest: list[float] = []  # each line's lowest word middle (words come in order of height)
    for tok in sorted(toks, key=lambda t: (t.cy, t.x0)):
        chosen, best = None, 0.0
        x0, x1, cy, h = tok.x0, tok.x1, tok.cy, tok.h
        for i in range(len(lines) - 1, max(-1, len(lines) - LOOKBACK), -1):
            if cy - lowest[i] > 0.5 * h:
                continue  # every word of that line, and its middle, stand too far above to join
            near, gap = None, 0.0  # the line's word nearest across (the first of equals)
            for w in boxes[i]:
                a, b, c, d = w
                if a < x1 and x0 < b and abs(c - cy) > SAME_ROW * d:
                    break  # a word in the same place across: another row (one at its very height is a speck)
                g = max(a - x1, x0 - b)
                if near is None or g < gap:
                    near, gap = w, g
            else:  # no word of the line stands in the way
                if near is None:
                    continue
                off = min(abs(cy - near[2]), abs(cy - middles[i]))
                if off <= 0.5 * min(h, near[3]) and (chosen is None or off < best):
                    chosen, best = i, off
        if chosen is None:
            lines.append([tok])
            boxes.append([(x0, x1, cy, h)])
            heights.append([cy])
            middles.append(cy)
            lowest.append(cy)
        else:
            lines[chosen].append(tok)
            lowest[chosen] = max(lowest[chosen], cy)
            boxes[chosen].append((x0, x1, cy, h))
            bisect.insort(heights[chosen], cy)
            middles[chosen] = _median_of_sorted(heights[chosen])
    return _rejoin([sorted(line, key=lambda t: t.x0) for line in lines])


def _rejoin(lines: list[list[Tok]]) -> list[list[Tok]]:
    """Lines that are one row the grouping parted, as one: a speck a little above a fax row (an "i"
    over a streak read "ú") began a line that the row's right half, a hair higher for the skew left
    over, joined, while its left half, under the speck, began another; the row's quantity and code
    were then a line without its price and amount, and the order line was lost."""
    out: list[list[Tok]] = []
    for line in lines:
        for prev in reversed(out[-3:]):
            if _one_row(prev, line):
                prev.extend(line)
                prev.sort(key=lambda t: t.x0)
                break
        else:
            out.append(line)
    return out


def _one_row(a: list[Tok], b: list[Tok]) -> bool:
    """Whether two lines' words (specks of one character aside) stand side by side at one height,
    none of them over another."""
    solid_a, solid_b = [t for t in a if len(t.text) > 1], [t for t in b if len(t.text) > 1]
    if not solid_a or not solid_b:
        return False
    h = min(statistics.median(t.h for t in solid_a), statistics.median(t.h for t in solid_b))
    if (
        abs(statistics.median(t.cy for t in solid_a) - statistics.median(t.cy for t in solid_b))
        > SAME_ROW * h
    ):
        return False
    return all(t.x1 <= u.x0 or u.x1 <= t.x0 for t in solid_a for u in solid_b)


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


def _straightened(words: PageWords) -> tuple[float, list[Tok]]:
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
    for group in _group(toks):
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


def read_page(words: PageWords) -> Page:
    """The page's words as lines in points, top to bottom, with fax header and footer lines marked."""
    scale = 72.0 / words.dpi if words.dpi else 1.0
    _, toks = _straightened(words)
    page = Page(words.number, words.width * scale, words.height * scale, words.source)
    page.lines = [Line(words.number, group) for group in _group(toks)]
    for line in page.lines:
        if is_fax_header(line, page.height):
            line.kind = "fax"
        elif line.y0 > page.height * (1 - FOOTER_BAND) or is_page_number(line):
            line.kind = "footer"
    return page

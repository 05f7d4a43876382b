"""The layout reader's units: a word in page points with its skew taken out (`Tok`), the words of one
text line left to right (`Line`, cut into phrases by gaps) and a page's lines top to bottom (`Page`).
`parsers.layout.geometry` makes them of a page's words.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace

from core.capture.domain.layout import Word
from parsers.layout.text import token_key

PHRASE_GAP = 0.8  # a gap wider than this many text heights separates phrases


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
    # the slope taken out of an OCR page's words, in its pixels (0 for a text layer): what
    # `straighten.page_slope` says of the same words, kept so it need not be worked out again
    slope: float = 0.0

    @property
    def body(self) -> float:
        heights = [t.h for line in self.lines for t in line.toks]
        return statistics.median(heights) if heights else 10.0

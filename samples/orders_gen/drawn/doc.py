"""The state one drawn document is rendered with: surface, facts, look, wording, printer, margins."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from samples.orders_gen.facts import Facts, Line
from samples.orders_gen.look import Look, Printer
from samples.orders_gen.pdfdoc import FONT_SETS, Pdf
from samples.orders_gen.words import Labels


@dataclass
class Doc:
    """Everything a part of the page needs to draw itself."""

    pdf: Pdf
    facts: Facts
    look: Look
    words: Labels
    printer: Printer
    rng: random.Random
    pages: int  # known from a first pass (0 on the first pass)
    left: float = 42
    right: float = 0
    page: int = 1
    carried: list[tuple[int, Decimal]] = field(default_factory=list)  # (page, running net) at each break

    def __post_init__(self) -> None:
        if not self.right:
            self.right = self.pdf.width - self.left

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def regular(self) -> str:
        return FONT_SETS[self.look.fonts][0]

    @property
    def bold(self) -> str:
        return FONT_SETS[self.look.fonts][1]

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float | None = None,
        *,
        bold: bool = False,
        align: str = "left",
    ) -> None:
        """Text in the document's fonts; bold struck twice when the look overprints (dot-matrix style)."""
        size = size or self.look.size
        if bold and self.look.overprint:
            self.pdf.text(x, y, text, size, self.regular, align)
            self.pdf.text(x + 0.35, y, text, size, self.regular, align)
            return
        self.pdf.text(x, y, text, size, self.bold if bold else self.regular, align)

    def width_of(self, text: str, size: float | None = None, *, bold: bool = False) -> float:
        return self.pdf.width_of(text, size or self.look.size, self.bold if bold else self.regular)

    def label(self, key: str) -> str:
        return self.words.colon(key, self.look.colon)

    def date(self, line: Line | None = None) -> str:
        if line is not None and line.delivery is not None:
            return self.printer.date(line.delivery)
        return self.printer.date(self.facts.delivery_date)

"""A thin drawing surface over reportlab with top-left coordinates and DejaVu fonts (real Unicode text)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/dejavu"),
)
FONTS = {
    "sans": "DejaVuSans",
    "bold": "DejaVuSans-Bold",
    "mono": "DejaVuSansMono",
    "monobold": "DejaVuSansMono-Bold",
    "serif": "DejaVuSerif",
    "serifbold": "DejaVuSerif-Bold",
    "cond": "DejaVuSansCondensed",
    "condbold": "DejaVuSansCondensed-Bold",
    "serifcond": "DejaVuSerifCondensed",
    "serifcondbold": "DejaVuSerifCondensed-Bold",
    "oblique": "DejaVuSans-Oblique",
    # PDF's standard fonts: nothing embedded, as many ERPs print
    "helv": "Helvetica",
    "helvbold": "Helvetica-Bold",
    "times": "Times-Roman",
    "timesbold": "Times-Bold",
    "courier": "Courier",
    "courierbold": "Courier-Bold",
}
# Font pairs (regular, bold) a drawn order may print in.
FONT_SETS = {
    "dejavu": ("sans", "bold"),
    "condensed": ("cond", "condbold"),
    "serif": ("serif", "serifbold"),
    "serif-condensed": ("serifcond", "serifcondbold"),
    "mono": ("mono", "monobold"),
    "helvetica": ("helv", "helvbold"),
    "times": ("times", "timesbold"),
    "courier": ("courier", "courierbold"),
}
SIZES = {"A4": A4, "Letter": LETTER}


def _register() -> None:
    for name in FONTS.values():
        if not name.startswith("DejaVu") or name in pdfmetrics.getRegisteredFontNames():
            continue
        path = next((d / f"{name}.ttf" for d in FONT_DIRS if (d / f"{name}.ttf").exists()), None)
        if path is None:
            raise FileNotFoundError(f"font {name}.ttf not found; install Debian's fonts-dejavu-core")
        pdfmetrics.registerFont(TTFont(name, str(path)))


class Pdf:
    """Pages drawn with y measured from the top edge, in points."""

    def __init__(self, page_size: str = "A4", title: str = "", blank_pages: int = 0) -> None:
        _register()
        self.blank_pages = blank_pages  # pages with no text at the end (a scanned page's stand-in)
        self.width, self.height = SIZES[page_size]
        self._buf = io.BytesIO()
        self.canvas = Canvas(self._buf, pagesize=(self.width, self.height), invariant=True)
        self.canvas.setTitle(title)
        self.pages = 1

    def text(
        self, x: float, y: float, text: str, size: float = 10, font: str = "sans", align: str = "left"
    ) -> None:
        """Draw `text` with its baseline `y` points below the top edge."""
        c = self.canvas
        c.setFont(FONTS[font], size)
        yy = self.height - y
        if align == "right":
            c.drawRightString(x, yy, text)
        elif align == "center":
            c.drawCentredString(x, yy, text)
        else:
            c.drawString(x, yy, text)

    def width_of(self, text: str, size: float = 10, font: str = "sans") -> float:
        return float(pdfmetrics.stringWidth(text, FONTS[font], size))

    def wrap(self, text: str, width: float, size: float = 10, font: str = "sans") -> list[str]:
        """Break `text` into lines no wider than `width` (words are never split)."""
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}".strip()
            if current and self.width_of(trial, size, font) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        return [*lines, current] if current else lines

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.6) -> None:
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, self.height - y0, x1, self.height - y1)

    def rect(
        self, x: float, y: float, w: float, h: float, width: float = 0.6, fill: float | None = None
    ) -> None:
        """A rectangle whose top-left corner is (x, y); `fill` is a grey level for a shaded box."""
        c = self.canvas
        c.setLineWidth(width)
        if fill is not None:
            c.setFillGray(fill)
        c.rect(x, self.height - y - h, w, h, stroke=1, fill=1 if fill is not None else 0)
        c.setFillGray(0)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.pages += 1

    def finish(self) -> bytes:
        self.canvas.showPage()
        for _ in range(self.blank_pages):  # drawn, but no text: what a scanned page looks like to a reader
            self.rect(60, 80, self.width - 120, self.height - 200, fill=0.85)
            self.canvas.showPage()
        self.canvas.save()
        return self._buf.getvalue()

"""What is drawn rather than written: logos, rubber stamps (a pasted image, as stamps are) and
signatures scrawled over the text."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader

from samples.orders_gen.drawn.doc import Doc
from samples.orders_gen.facts import prose_language

STAMP_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
STAMP_WORDS = {
    "es": ("RECIBIDO", "APROBADO", "CONFORME", "COMPRAS"),
    "en": ("APPROVED", "RECEIVED", "PURCHASING", "AUTHORISED"),
}


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())[:3] or name[:2]


def logo(doc: Doc, x: float, y: float, size: float = 34) -> float:
    """The buyer's logo with its top-left corner at (x, y); returns its width (0 for none)."""
    kind = doc.look.logo
    if kind == "none":
        return 0
    c, h = doc.pdf.canvas, doc.pdf.height
    c.saveState()
    c.setFillGray(0.25)
    if kind == "disc":
        c.circle(x + size / 2, h - y - size / 2, size / 2, stroke=0, fill=1)
    elif kind == "bars":
        for i in range(3):
            c.rect(x + i * size / 3, h - y - size, size / 3 - 3, size * (0.5 + i * 0.25), stroke=0, fill=1)
    else:  # monogram: letters drawn as a picture, not text, as a logo is
        c.rect(x, h - y - size, size, size, stroke=1, fill=0)
        path = c.beginPath()
        path.moveTo(x + 6, h - y - size + 6)
        path.lineTo(x + size / 2, h - y - 6)
        path.lineTo(x + size - 6, h - y - size + 6)
        c.setLineWidth(3)
        c.drawPath(path, stroke=1, fill=0)
    c.restoreState()
    return size + 10


def stamp(doc: Doc, x: float, y: float) -> None:
    """A rubber stamp (a transparent image: no text layer) tilted over whatever is at (x, y)."""
    rng = doc.rng
    lang = prose_language(doc.facts.language)
    word = rng.choice(STAMP_WORDS[lang])
    when = doc.printer.date(doc.facts.order_date) if rng.random() < 0.6 else ""
    scale = 4
    img = Image.new("LA", (150 * scale, 56 * scale), (0, 0))
    draw = ImageDraw.Draw(img)
    grey = rng.choice((60, 90, 120))
    draw.rectangle((6, 6, img.width - 6, img.height - 6), outline=(grey, 200), width=3 * scale)
    font = ImageFont.truetype(str(STAMP_FONT), 17 * scale) if STAMP_FONT.exists() else None
    draw.text((16 * scale, 8 * scale), word, fill=(grey, 210), font=font)
    if when:
        small = ImageFont.truetype(str(STAMP_FONT), 10 * scale) if STAMP_FONT.exists() else None
        draw.text((16 * scale, 34 * scale), when, fill=(grey, 210), font=small)
    img = img.rotate(rng.uniform(-14, 14), expand=True, resample=Image.Resampling.BILINEAR)
    w, h = img.width / scale, img.height / scale
    doc.pdf.canvas.drawImage(ImageReader(img), x, doc.pdf.height - y - h, w, h, mask="auto")


def signature(doc: Doc, x: float, y: float, width: float = 140) -> None:
    """A pen scrawl whose baseline is at y, reaching above and below into the text around it."""
    rng = random.Random(f"{doc.facts.po_number}:signature")
    c, h = doc.pdf.canvas, doc.pdf.height
    c.saveState()
    c.setStrokeGray(0.15)
    c.setLineWidth(rng.uniform(0.8, 1.4))
    path = c.beginPath()
    px, py = x, h - y
    path.moveTo(px, py)
    step = width / 7
    for _ in range(7):
        dx = step * rng.uniform(0.7, 1.2)
        path.curveTo(
            px + dx * 0.3, py + rng.uniform(4, 18), px + dx * 0.7, py - rng.uniform(4, 16), px + dx, py
        )
        px += dx
    path.moveTo(x - 5, h - y - 6)
    path.curveTo(x + width * 0.3, h - y - 12, x + width * 0.6, h - y + 2, x + width * 0.9, h - y - 8)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()

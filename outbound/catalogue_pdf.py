"""A catalogue as a PDF: our letterhead, the season and the group, then the products by category,
each with its picture where there is one, its attributes, its price per unit and the promotions
running for it. Spanish or English; the bytes depend only on the arguments."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.catalog.domain.catalogue import Catalogue, Entry
from outbound.confirmation import (
    Letterhead,
    date_text,
    escape_markup,
    letterhead_block,
    pdf_styles,
    price_text,
)
from outbound.quote import language_of

WORDS: dict[str, dict[str, str]] = {
    "es": {
        "title": "Catálogo {name}",
        "valid": "Precios válidos del {start} al {end}, en {currency}, impuestos no incluidos.",
        "none": "Sin categoría",
    },
    "en": {
        "title": "Catalogue {name}",
        "valid": "Prices valid from {start} to {end}, in {currency}, before tax.",
        "none": "Other products",
    },
}
HEAD = {"es": ["", "Referencia", "Producto", "Precio / ud."], "en": ["", "Item", "Product", "Price / unit"]}
PICTURE = 22 * mm


def _picture(content: bytes | None) -> Flowable | str:
    if content is None:
        return ""
    width, height = ImageReader(io.BytesIO(content)).getSize()
    scale = min(PICTURE / width, PICTURE / height)
    return Image(io.BytesIO(content), width=width * scale, height=height * scale)


def render_catalogue(
    catalogue: Catalogue,
    entries: Sequence[Entry],
    pictures: Mapping[str, bytes],
    language: str | None = "es",
    head: Letterhead | None = None,
) -> bytes:
    lang = language_of(language)
    words, s = WORDS[lang], pdf_styles()
    story: list[Flowable] = [
        *letterhead_block(head or Letterhead(), s),
        Paragraph(escape_markup(words["title"].format(name=catalogue.name)), s["title"]),
        Paragraph(
            escape_markup(
                words["valid"].format(
                    start=date_text(catalogue.valid_from, lang),
                    end=date_text(catalogue.valid_to, lang),
                    currency=catalogue.currency,
                )
            ),
            s["small"],
        ),
        Spacer(1, 5 * mm),
    ]
    categories = sorted({e.category for e in entries})
    for category in categories:
        story.append(Paragraph(escape_markup(category or words["none"]), s["base"]))
        rows: list[list[object]] = [list(HEAD[lang])]
        for entry in (e for e in entries if e.category == category):
            text = [f"<b>{escape_markup(entry.name)}</b>"]
            text += [f"{escape_markup(k)}: {escape_markup(v)}" for k, v in entry.attributes]
            text += [f"<i>{escape_markup(p)}</i>" for p in entry.promotions]
            unit = f" / {entry.unit}" if entry.unit else ""
            rows.append(
                [
                    _picture(pictures.get(entry.sku)),
                    entry.sku,
                    Paragraph("<br/>".join(text), s["cell"]),
                    f"{price_text(Decimal(entry.price), lang)}{unit}",
                ]
            )
        table = Table(rows, colWidths=[26 * mm, 30 * mm, 92 * mm, 30 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                    ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black),
                    ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story += [table, Spacer(1, 5 * mm)]
    out = io.BytesIO()
    title = words["title"].format(name=catalogue.name)
    SimpleDocTemplate(out, pagesize=A4, invariant=1, title=title).build(story)
    return out.getvalue()

"""A quote as a PDF in the addressee's language (Spanish or English): our letterhead, the products
offered with their prices, the total before tax and how long the offer stands. The bytes depend only
on the arguments."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.catalog.domain.quotes import Quote
from outbound.confirmation import (
    Letterhead,
    date_text,
    escape_markup,
    letterhead_block,
    money_text,
    pdf_styles,
    price_text,
    quantity_text,
)

WORDS: dict[str, dict[str, str]] = {
    "es": {
        "title": "Presupuesto {number}",
        "date": "Fecha",
        "valid": "Válido hasta",
        "total": "Total (sin IVA)",
        "closing": "Precios en {currency}, impuestos no incluidos. Para aceptar el presupuesto, "
        "responda a este mensaje citando {number}.",
    },
    "en": {
        "title": "Quote {number}",
        "date": "Date",
        "valid": "Valid until",
        "total": "Total (before tax)",
        "closing": "Prices in {currency}, before tax. To accept this quote, reply to this message "
        "quoting {number}.",
    },
}


HEAD = {
    "es": ["Pos.", "Referencia", "Descripción", "Cantidad", "Precio", "Importe"],
    "en": ["Pos.", "Item", "Description", "Quantity", "Price", "Amount"],
}


def language_of(language: str | None) -> str:
    return "es" if (language or "es").lower().startswith("es") else "en"


def render_quote(quote: Quote, addressee: str, language: str | None, head: Letterhead | None = None) -> bytes:
    lang = language_of(language)
    w, s = WORDS[lang], pdf_styles()
    rows: list[list[object]] = [list(HEAD[lang])]
    for line in quote.lines:
        rows.append(
            [
                str(line.position),
                line.sku,
                Paragraph(escape_markup(line.description), s["cell"]),
                f"{quantity_text(line.quantity, lang)} {line.unit or ''}".strip(),
                price_text(line.unit_price, lang),
                money_text(line.amount, lang),
            ]
        )
    rows.append(["", "", w["total"], "", "", money_text(quote.total, lang)])
    table = Table(rows, colWidths=[12 * mm, 28 * mm, 70 * mm, 22 * mm, 22 * mm, 24 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 9),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        *letterhead_block(head or Letterhead(), s),
        Paragraph(f"<b>{escape_markup(addressee)}</b>", s["base"]),
        Spacer(1, 6 * mm),
        Paragraph(escape_markup(w["title"].format(number=quote.number)), s["title"]),
        Paragraph(
            escape_markup(
                f"{w['date']}: {date_text(quote.created_at.date(), lang)} · "
                f"{w['valid']}: {date_text(quote.valid_until, lang)}"
            ),
            s["base"],
        ),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 6 * mm),
        Paragraph(
            escape_markup(w["closing"].format(currency=quote.currency, number=quote.number)), s["small"]
        ),
    ]
    if quote.note:
        story += [Spacer(1, 3 * mm), Paragraph(escape_markup(quote.note), s["small"])]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, title=w["title"].format(number=quote.number))
    doc.build(story)
    return out.getvalue()

"""Our purchase order as a PDF and a covering text, in the supplier's language (Spanish or English), for
the suppliers who take orders by e-mail or fax. The bytes depend only on the arguments."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from core.purchasing.domain.outgoing import PoDocument
from outbound.confirmation import Letterhead, date_text, money_text, price_text, quantity_text
from outbound.print.invoice import BASE, BOLD, CELL, TITLE, esc, letterhead_flowables

WORDS: dict[str, dict[str, str]] = {
    "es": {
        "title": "Pedido de compra", "number": "Número", "date": "Fecha", "delivery": "Entrega prevista",
        "ship_to": "Entregar en", "supplier": "Proveedor", "line": "Lín.", "code": "Su referencia",
        "sku": "Nuestra ref.", "description": "Descripción", "quantity": "Cantidad", "price": "Precio",
        "amount": "Importe", "total": "Total",
        "note": "Indique nuestro número de pedido en el albarán y la factura.",
        "subject": "Pedido de compra {number}",
        "body": "Estimados señores:\n\nAdjuntamos nuestro pedido de compra {number} para entregar en"
        " {place} antes del {delivery}.\nLes rogamos confirmen cantidades y fecha de entrega."
        "\n\nUn saludo,\n{company}",
    },
    "en": {
        "title": "Purchase order", "number": "Number", "date": "Date", "delivery": "Delivery expected",
        "ship_to": "Deliver to", "supplier": "Supplier", "line": "Line", "code": "Your code",
        "sku": "Our code", "description": "Description", "quantity": "Quantity", "price": "Price",
        "amount": "Amount", "total": "Total",
        "note": "Please quote our order number on the delivery note and the invoice.",
        "subject": "Purchase order {number}",
        "body": "Dear Sirs,\n\nPlease find attached our purchase order {number}, to be delivered to {place}"
        " by {delivery}.\nPlease confirm quantities and the delivery date.\n\nKind regards,\n{company}",
    },
}  # fmt: skip


def language_of(document: PoDocument) -> str:
    return document.supplier.language if document.supplier.language in WORDS else "es"


def covering_text(document: PoDocument, head: Letterhead, now_text: str = "") -> tuple[str, str]:
    """The subject and body of the message the PDF goes with."""
    lang = language_of(document)
    t, po = WORDS[lang], document.po
    values = {
        "number": po.number,
        "place": document.warehouse_name,
        "delivery": date_text(po.expected_date, lang),
        "company": head.name,
    }
    return t["subject"].format(**values), t["body"].format(**values)


def po_pdf(document: PoDocument, head: Letterhead | None = None) -> bytes:
    head = head or Letterhead()
    lang = language_of(document)
    t, po, supplier = WORDS[lang], document.po, document.supplier
    story: list[Flowable] = letterhead_flowables(head)
    story += [Paragraph(esc(f"{t['title']} {po.number}"), TITLE), Spacer(1, 4 * mm)]
    place = " ".join(filter(None, (supplier.postal_code, supplier.city)))
    address = "<br/>".join(esc(p) for p in (supplier.street, place, supplier.country) if p)
    facts = [
        (t["number"], po.number),
        (t["date"], date_text(po.created_at.date(), lang)),
        (t["delivery"], date_text(po.expected_date, lang)),
        (t["ship_to"], f"{document.warehouse_name} ({po.warehouse})"),
    ]
    story.append(Paragraph(f"<b>{t['supplier']}</b>: {esc(supplier.name)}<br/>{address}", BASE))
    story.append(Spacer(1, 4 * mm))
    story.append(Table([[Paragraph(esc(k), BOLD), Paragraph(esc(v), BASE)] for k, v in facts]))
    story.append(Spacer(1, 6 * mm))
    story.append(_lines(document, lang))
    story += [Spacer(1, 6 * mm), Paragraph(esc(t["note"]), BASE)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=f"{t['title']} {po.number}", invariant=True).build(story)
    return out.getvalue()


def _lines(document: PoDocument, lang: str) -> Table:
    t, po = WORDS[lang], document.po
    head = [t[k] for k in ("line", "code", "sku", "description", "quantity", "price", "amount")]
    rows: list[list[object]] = [[Paragraph(esc(h), BOLD) for h in head]]
    for line in po.lines:
        rows.append(
            [
                str(line.line_no), Paragraph(esc(line.supplier_item_code), CELL),
                Paragraph(esc(line.sku), CELL),
                Paragraph(esc(line.description), CELL), quantity_text(line.quantity, lang),
                price_text(line.unit_price, lang), money_text(line.amount, lang),
            ]
        )  # fmt: skip
    rows.append(
        [
            "",
            "",
            "",
            Paragraph(f"<b>{esc(t['total'])}</b>", CELL),
            "",
            po.currency,
            money_text(po.total, lang),
        ]
    )
    table = Table(
        rows, colWidths=[12 * mm, 28 * mm, 28 * mm, 52 * mm, 20 * mm, 20 * mm, 22 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
                ("ALIGN", (4, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table

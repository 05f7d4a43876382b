"""A pick list as a printable PDF: lines grouped by location in walking order, a box to tick for each."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.fulfilment.domain.warehouse import PickList, by_location


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def picklist_pdf(pick_list: PickList, warehouse_name: str, printed_at: datetime) -> bytes:
    """The PDF of one pick list (A4), reproducible for the same input."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Pick list {pick_list.id}",
        invariant=1,
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    story: list[object] = [
        Paragraph(f"Lista de picking / Pick list {pick_list.id}", styles["Title"]),
        Paragraph(
            f"{warehouse_name} ({pick_list.warehouse}) · {pick_list.created_at:%Y-%m-%d %H:%M} UTC"
            f" · {pick_list.created_by} · {pick_list.state}",
            styles["Normal"],
        ),
        code128.Code128(f"PL{pick_list.id}", barHeight=10 * mm, barWidth=0.35 * mm),
        Spacer(1, 4 * mm),
    ]
    table = _lines_table(pick_list, small)
    story += [
        table,
        Spacer(1, 6 * mm),
        Paragraph(f"Impreso / printed {printed_at:%Y-%m-%d %H:%M} UTC", small),
    ]
    doc.build(story)
    return out.getvalue()


def _lines_table(pick_list: PickList, small: ParagraphStyle) -> Table:
    """The lines by location, a rule above each new location, a box to tick for what is not picked yet."""
    rows: list[list[object]] = [
        ["Ubicación / Location", "SKU", "Descripción / Description", "Pedido / PO", "Cant.", "✓"]
    ]
    spans = []
    for location, lines in by_location(pick_list.lines):
        start = len(rows)
        for line in lines:
            done = "" if line.picked is None else _num(line.picked)
            rows.append(
                [
                    location if len(rows) == start else "",
                    line.sku,
                    Paragraph(line.description or "", small),
                    line.po_number or str(line.order_id),
                    _num(line.quantity),
                    done or "[  ]",
                ]
            )
        spans.append(start)
    table = Table(rows, colWidths=[28 * mm, 28 * mm, 62 * mm, 28 * mm, 14 * mm, 14 * mm], repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (4, 1), (5, -1), "RIGHT"),
    ]
    style += [("LINEABOVE", (0, s), (-1, s), 1, colors.black) for s in spans]
    table.setStyle(TableStyle(style))
    return table

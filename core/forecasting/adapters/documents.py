"""Scheduled reports laid out as files: a PDF (reportlab) or an XLSX workbook (openpyxl)."""

from __future__ import annotations

import io

from core.forecasting.domain.report import Report

# reportlab is imported inside the function: the web app and most commands never need it loaded


def to_pdf(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), title=report.title, author="Comanda")
    story: list[object] = [
        Paragraph(report.title, styles["Title"]),
        Paragraph(f"{report.made_at:%Y-%m-%d %H:%M} UTC", styles["Normal"]),
    ]
    for section in report.sections:
        story += [Spacer(1, 12), Paragraph(section.title, styles["Heading2"])]
        if not section.rows:
            story.append(Paragraph("Nothing to show.", styles["Normal"]))
            continue
        table = Table([list(section.header), *[[str(c) for c in row] for row in section.rows]], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        story.append(table)
    doc.build(story)
    return out.getvalue()


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = True
    for n, section in enumerate(report.sections, start=1):
        sheet = book.active if first and book.active is not None else book.create_sheet()
        first = False
        sheet.title = f"{n} {section.title}"[:31].replace("/", "-")
        sheet.append([section.title])
        sheet.append(list(section.header))
        for row in section.rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

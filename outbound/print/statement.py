"""A customer's statement of account as PDF, in the customer's language: the opening balance, every
invoice, credit note, payment and refund of the period with the running balance, what is due at the
end, and how old it is."""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from core.billing.domain.receivables import BUCKETS, Statement
from core.kernel.domain.model import Customer
from outbound.billing_text import words
from outbound.confirmation import Letterhead, date_text, money_text
from outbound.print.invoice import BASE, TITLE, Footer, esc, letterhead_flowables


def render_statement(
    statement: Statement, customer: Customer | None, language: str, letterhead: Letterhead | None = None
) -> bytes:
    lang = "es" if language[:2].lower() == "es" else "en"
    t = words(lang)
    head = letterhead or Letterhead()
    name = customer.name if customer else statement.party
    story: list[Flowable] = letterhead_flowables(head)
    story += [
        Paragraph(t["statement"], TITLE),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{t['customer']}:</b> {esc(name)} ({esc(statement.party)})", BASE),
        Paragraph(
            f"<b>{t['period']}:</b> {date_text(statement.start, lang)} – {date_text(statement.end, lang)}"
            f" · {statement.currency}",
            BASE,
        ),
        Spacer(1, 5 * mm),
    ]
    story += [_movements(statement, t, lang), Spacer(1, 6 * mm), Paragraph(f"<b>{t['ageing']}</b>", BASE)]
    story.append(_ageing(statement, t, lang))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm, bottomMargin=18 * mm,
        title=f"{t['statement']} {statement.party}", author=head.name, invariant=True,
    )  # fmt: skip
    footer = Footer(f"{head.name} · {statement.party} · {t['page']}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _movements(statement: Statement, t: Mapping[str, str], lang: str) -> Table:
    """The statement's lines between the opening and the closing balance."""
    rows: list[list[object]] = [
        [t["date"], t["document"], t["concept"], t["debit"], t["credit"], t["balance"]],
        ["", "", t["opening"], "", "", money_text(statement.opening, lang)],
    ]
    for line in statement.lines:
        rows.append(
            [
                date_text(line.day, lang),
                esc(line.document),
                t.get(f"kind.{line.description}", line.description),
                money_text(line.debit, lang) if line.debit else "",
                money_text(line.credit, lang) if line.credit else "",
                money_text(line.balance, lang),
            ]
        )
    rows.append(["", "", t["closing"], "", "", money_text(statement.closing, lang)])
    table = Table(rows, colWidths=[22 * mm, 30 * mm, 52 * mm, 24 * mm, 24 * mm, 26 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 9),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _ageing(statement: Statement, t: Mapping[str, str], lang: str) -> Table:
    """What the customer owes, by how long it has been due."""
    labels = [t["current"] if b == "current" else b for b in BUCKETS]
    ageing = Table(
        [labels, [money_text(statement.ageing.buckets[b], lang) for b in BUCKETS]], colWidths=[30 * mm] * 5
    )
    ageing.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    return ageing

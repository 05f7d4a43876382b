"""Invoices and credit notes as PDF in the customer's language: what Spanish invoicing rules ask for
(number and series, date, both parties with their tax numbers, each line with its VAT rate, the base
and VAT per rate, the total, the legal wording of an exemption, the corrected invoice of a credit
note) on our letterhead.  The bytes depend only on the arguments."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from core.billing.domain.invoicing import DocumentKind, Invoice
from core.kernel.domain.model import Order
from outbound.billing_text import IBAN, words
from outbound.confirmation import Letterhead, date_text, money_text, price_text, quantity_text

BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
SMALL = ParagraphStyle("small", parent=BASE, fontSize=9, leading=11)
CELL = ParagraphStyle("cell", parent=BASE, fontSize=9, leading=11)
BOLD = ParagraphStyle("bold", parent=BASE, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=BASE, fontName="Helvetica-Bold", fontSize=15, leading=19)
COMPANY = ParagraphStyle("company", parent=BASE, fontName="Helvetica-Bold", fontSize=14, leading=18)
RIGHT = ParagraphStyle("right", parent=BASE, alignment=2)
_GRID = [
    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
    ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
    ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
    ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def esc(text: object) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def letterhead_flowables(head: Letterhead) -> list[Flowable]:
    contact = " · ".join(
        p for p in (head.phone and f"Tel. {head.phone}", head.email, head.vat and f"NIF {head.vat}") if p
    )
    return [
        Paragraph(esc(head.name), COMPANY),
        Paragraph(esc(", ".join(head.address)), SMALL),
        Paragraph(esc(contact), SMALL),
        Spacer(1, 7 * mm),
    ]


def _addressee(document: Invoice, t: dict[str, str]) -> str:
    bill = document.bill_to
    place = " ".join(filter(None, (bill.get("postal_code"), bill.get("city"))))
    parts = [f"<b>{esc(bill.get('name'))}</b>", esc(bill.get("street")), esc(place), esc(bill.get("country"))]
    if bill.get("vat_number"):
        parts.append(f"{t['vat_number']}: {esc(bill.get('vat_number'))}")
    parts.append(f"({esc(document.customer_id)})")
    return "<br/>".join(p for p in parts if p)


def _references(document: Invoice, order: Order | None, original: Invoice | None, lang: str) -> Table:
    t = words(lang)
    rows = [
        (t["number"], document.code),
        (t["date"], date_text(document.issue_date, lang)),
    ]
    if document.kind is DocumentKind.INVOICE:
        rows.append((t["due"], date_text(document.due_date, lang)))
    if order is not None:
        rows += [(t["your_order"], order.po_number or "–"), (t["our_order"], str(order.id))]
    if original is not None:
        rows.append((t["corrects"], f"{original.code} {t['of']} {date_text(original.issue_date, lang)}"))
    table = Table(rows, colWidths=[36 * mm, 52 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 9),
                ("FONT", (1, 0), (1, -1), "Helvetica", 9),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _lines(document: Invoice, lang: str) -> Table:
    t = words(lang)
    rows: list[list[object]] = [[t["item"], t["description"], t["qty"], t["price"], t["vat"], t["net"]]]
    for line in document.lines:
        rows.append(
            [
                Paragraph(esc(line.sku or ""), CELL),
                Paragraph(esc(line.description), CELL),
                f"{quantity_text(line.quantity, lang)} {line.unit or ''}".strip(),
                price_text(line.unit_price, lang),
                quantity_text(line.vat_rate, lang),
                money_text(line.gross if line.discount else line.net, lang),
            ]
        )
        if line.discount:  # the promotion's allowance under its line: net is gross less it
            words_ = Paragraph(esc(f"{t['promotion']}: {line.promotion or ''}"), CELL)
            rows.append(["", words_, "", "", "", "-" + money_text(line.discount, lang)])
    table = Table(rows, colWidths=[28 * mm, 70 * mm, 22 * mm, 20 * mm, 14 * mm, 24 * mm], repeatRows=1)
    table.setStyle(TableStyle([*_GRID, ("ALIGN", (2, 0), (-1, -1), "RIGHT")]))
    return table


def _taxes(document: Invoice, lang: str) -> Table:
    t = words(lang)
    rows: list[list[object]] = [[t["base"], t["rate"], t["tax"]]]
    for tax in document.tax_amounts:
        rows.append(
            [
                money_text(tax.base, lang),
                f"{quantity_text(tax.rate, lang)} % ({tax.category})",
                money_text(tax.tax, lang),
            ]
        )
    total = t["total"] if document.kind is DocumentKind.INVOICE else t["total_credit"]
    rows += [
        [t["net_total"], "", money_text(document.net_total, lang)],
        [t["tax_total"], "", money_text(document.tax_total, lang)],
        [f"{total} ({document.currency})", "", money_text(document.total, lang)],
    ]
    table = Table(rows, colWidths=[60 * mm, 36 * mm, 30 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [*_GRID, ("ALIGN", (0, 0), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 10),
             ("LINEABOVE", (0, -3), (-1, -3), 0.5, colors.black)]
        )
    )  # fmt: skip
    return table


def render_invoice(
    document: Invoice,
    order: Order | None = None,
    *,
    original: Invoice | None = None,
    card_last4: str | None = None,
    letterhead: Letterhead | None = None,
) -> bytes:
    """The PDF of an invoice or credit note in the language it was issued in."""
    lang = document.language if document.language in ("es", "en") else "en"
    t = words(lang)
    head = letterhead or Letterhead()
    title = t["invoice"] if document.kind is DocumentKind.INVOICE else t["credit_note"]
    story: list[Flowable] = letterhead_flowables(head)
    story += [Paragraph(f"{title} {esc(document.code)}", TITLE), Spacer(1, 4 * mm)]
    refs = Table(
        [[Paragraph(_addressee(document, t), BASE), _references(document, order, original, lang)]],
        colWidths=[90 * mm, 88 * mm],
        hAlign="LEFT",
    )
    refs.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    story += [refs, Spacer(1, 6 * mm), _lines(document, lang), Spacer(1, 4 * mm), _taxes(document, lang)]
    story.append(Spacer(1, 5 * mm))
    if document.reason:
        story.append(Paragraph(f"<b>{t['reason']}:</b> {esc(document.reason)}", BASE))
    for note in document.notes:
        story.append(Paragraph(esc(note), BASE))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(_payment_text(document, card_last4, lang)), SMALL))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{title} {document.code}",
        author=head.name,
        invariant=True,
    )
    footer = Footer(f"{head.name} · {document.code} · {t['page']}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _payment_text(document: Invoice, card_last4: str | None, lang: str) -> str:
    t = words(lang)
    if document.kind is DocumentKind.CREDIT_NOTE:
        return t["refund"]
    if card_last4:
        return t["paid_card"].format(last4=card_last4)
    return t["pay_transfer"].format(iban=IBAN, due=date_text(document.due_date, lang))


class Footer:
    """A line at the foot of every page: whose, which document, which page."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(16 * mm, 10 * mm, f"{self.text} {doc.page}")
        canvas.restoreState()

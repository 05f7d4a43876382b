"""The order confirmation as a PDF: our letterhead, the order as we understood it, in the customer's language.

It answers orders that came by fax or e-mail.  Black on white, no shading and type no smaller than
9 points, so it survives a fax line.  Rejected orders get the same page headed "not accepted", with
the reasons.  The bytes depend only on the arguments (no clock, no random ids inside the PDF).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from core.kernel.domain.model import Customer, Order, OrderLine, OrderState
from outbound.confirmation_text import TEXTS, problem_text
from outbound.pdf_parts import Paragraphs


@dataclass(frozen=True)
class Letterhead:
    """Who we are, as printed at the top of every answer."""

    name: str = "Comanda Suministros Industriales S.L."
    address: tuple[str, ...] = ("Avenida de Cataluña 221", "50014 Zaragoza (España)")
    phone: str | None = "+34 976 550 000"
    fax: str | None = "+34 976 550 100"
    email: str | None = "pedidos@comanda.example"
    vat: str | None = "B-50123456"


def _number(value: Decimal, places: int, language: str) -> str:
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{q:,.{places}f}"
    if language == "es":  # 1.234,56
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def quantity_text(value: Decimal | None, language: str) -> str:
    if value is None:
        return "–"
    places = max(0, -int(value.normalize().as_tuple().exponent))
    return _number(value, min(places, 3), language)


def price_text(value: Decimal | None, language: str) -> str:
    """Unit prices keep up to four decimals, at least two."""
    if value is None:
        return "–"
    places = max(2, min(4, -int(value.normalize().as_tuple().exponent)))
    return _number(value, places, language)


def money_text(value: Decimal | None, language: str) -> str:
    return "–" if value is None else _number(value, 2, language)


def date_text(value: date | None, language: str) -> str:
    if value is None:
        return "–"
    return f"{value:%d/%m/%Y}" if language == "es" else f"{value:%d %b %Y}"


def line_amount(line: OrderLine) -> Decimal | None:
    """What the line comes to: as the document printed it, or quantity × price; less its promotion."""
    if line.discount and line.quantity is not None and line.unit_price is not None:
        gross = (line.quantity * line.unit_price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return gross - line.discount
    if line.amount is not None:
        return line.amount
    if line.quantity is None or line.unit_price is None:
        return None
    return (line.quantity * line.unit_price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pdf_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles every answer PDF of ours shares (confirmation, quote, catalogue, fax notice)."""
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11),
        "company": ParagraphStyle("company", parent=base, fontName="Helvetica-Bold", fontSize=15, leading=18),
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=14, leading=18),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
    }


def escape_markup(text: str | None) -> str:
    """Text made safe for a reportlab Paragraph, whose markup is XML-like."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def letterhead_block(head: Letterhead, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Our company's name, address and contact lines at the top of an answer PDF."""
    return [
        Paragraph(escape_markup(head.name), s["company"]),
        Paragraph(escape_markup(", ".join(head.address)), s["small"]),
        Paragraph(escape_markup(_contact(head)), s["small"]),
        Spacer(1, 8 * mm),
    ]


def _contact(head: Letterhead) -> str:
    return " · ".join(
        part
        for part in (
            f"Tel. {head.phone}" if head.phone else "",
            f"Fax {head.fax}" if head.fax else "",
            head.email or "",
            f"CIF/VAT {head.vat}" if head.vat else "",
        )
        if part
    )


def _addressee(order: Order, customer: Customer | None, number: str | None) -> str:
    name = customer.name if customer else order.buyer_name or order.buyer_party_id or ""
    parts = [f"<b>{escape_markup(name)}</b>"] if name else []
    if customer is not None:
        parts += [
            escape_markup(p)
            for p in (customer.street, " ".join(filter(None, (customer.postal_code, customer.city))))
            if p
        ]
    if number:
        parts.append(f"Fax {escape_markup(number)}")
    return "<br/>".join(parts)


def _references(order: Order, now: datetime, language: str) -> list[tuple[str, str]]:
    t = TEXTS[language]
    return [
        (t["your_order"], order.po_number or "–"),
        (t["order_date"], date_text(order.order_date, language)),
        (t["our_ref"], f"{order.id}" if order.id is not None else "–"),
        (t["date"], date_text(now.date(), language)),
        (t["delivery"], date_text(order.requested_delivery_date, language)),
    ]


def _lines_table(order: Order, language: str, para: Paragraphs) -> Table:
    t = TEXTS[language]
    rows: list[list[object]] = [
        [t["pos"], t["item"], t["description"], t["qty"], t["unit"], t["price"], t["amount"]]
    ]
    for line in order.lines:
        rows.append(
            [
                str(line.position),
                para(escape_markup(line.sku or line.item_code or line.buyer_item_code or "–"), "cell"),
                para(escape_markup(line.description or ""), "cell"),
                quantity_text(line.quantity, language),
                line.unit or "",
                price_text(line.unit_price, language),
                money_text(line_amount(line), language),
            ]
        )
        if line.discount:
            words = para(escape_markup(f"{t['promotion']}: {line.promotion or ''}"), "cell")
            rows.append(["", "", words, "", "", "", "-" + money_text(line.discount, language)])
    table = Table(
        rows,
        colWidths=[10 * mm, 32 * mm, 62 * mm, 18 * mm, 12 * mm, 20 * mm, 24 * mm],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("ALIGN", (5, 0), (6, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _total(order: Order, language: str) -> Decimal | None:
    amounts = [line_amount(line) for line in order.lines]
    promoted = any(line.discount for line in order.lines)  # the printed total may be before promotions
    if order.total is not None and not promoted:
        return order.total
    if amounts and all(a is not None for a in amounts):
        return sum((a for a in amounts if a is not None), Decimal("0.00"))
    return None


def render_confirmation(
    order: Order,
    customer: Customer | None,
    language: str,
    *,
    now: datetime,
    number: str | None = None,
    letterhead: Letterhead | None = None,
) -> bytes:
    """The confirmation (or, for a rejected order, the notice of rejection) of one order, as PDF bytes.

    `language` is "es" or "en" (anything else reads as English); `number` is the fax number it goes to.
    """
    language = language if language in TEXTS else "en"
    t = TEXTS[language]
    para = _PARAGRAPHS
    head = letterhead or Letterhead()
    rejected = order.state == OrderState.REJECTED  # decided so on capture, or by a clerk in review
    story: list[Flowable] = [
        para(escape_markup(head.name), "company"),
        para(escape_markup(", ".join(head.address)), "small"),
        para(escape_markup(_contact(head)), "small"),
        Spacer(1, 8 * mm),
    ]  # as `letterhead_block`, its paragraphs kept
    story.append(para(t["title_rejected" if rejected else "title"], "title"))
    story.append(Spacer(1, 4 * mm))
    refs = Table(
        [[para(_addressee(order, customer, number), "base"), _ref_table(order, now, language)]],
        colWidths=[90 * mm, 88 * mm],
        hAlign="LEFT",
    )
    refs.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    story += [refs, Spacer(1, 6 * mm)]
    story.append(para(t["intro_rejected" if rejected else "intro"], "base"))
    story.append(Spacer(1, 4 * mm))
    story.append(_lines_table(order, language, para))
    total = _total(order, language)
    currency = order.currency or ""
    story.append(Spacer(1, 3 * mm))
    story.append(para(f"<b>{t['total']} {currency}: {money_text(total, language)}</b>", "base-right"))
    if rejected and order.problems:
        story += [Spacer(1, 5 * mm), para(f"<b>{t['reasons']}</b>", "base")]
        for problem in order.problems:
            story.append(para("– " + escape_markup(problem_text(problem, language)), "base"))
    story += [
        Spacer(1, 8 * mm),
        para(escape_markup(t["closing"].format(fax=head.fax or head.email or "")), "small"),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{t['title']} {order.po_number or ''}".strip(),
        author=head.name,
        invariant=True,
    )
    footer = _Footer(t["page"], head.name, order)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=2)


def _confirmation_styles() -> dict[str, ParagraphStyle]:
    styles = pdf_styles()
    return {**styles, "base-right": _right(styles["base"])}


# The confirmation's paragraphs, kept per thread across PDFs (`outbound.pdf_parts`).
_PARAGRAPHS = Paragraphs(_confirmation_styles())


def _ref_table(order: Order, now: datetime, language: str) -> Table:
    table = Table(_references(order, now, language), colWidths=[40 * mm, 48 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), "Helvetica-Bold", 10),
                ("FONT", (1, 0), (1, -1), "Helvetica", 10),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


class _Footer:
    """Page n / our name / their order number at the foot of every page."""

    def __init__(self, label: str, company: str, order: Order) -> None:
        self.label, self.company, self.order = label, company, order

    def __call__(self, canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        text = f"{self.company} · {self.order.po_number or ''} · {self.label} {doc.page}"
        canvas.drawString(16 * mm, 10 * mm, text)
        canvas.restoreState()

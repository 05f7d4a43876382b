"""The order confirmation as a PDF: our letterhead, the order as we understood it, in the customer's language.

It answers orders that came by fax or e-mail.  Black on white, no shading and type no smaller than
9 points, so it survives a fax line.  Rejected orders get the same page headed "not accepted", with
the reasons.  The bytes depend only on the arguments (no clock, no random ids inside the PDF).
It is written by our own small writer (`outbound.pdf_writer`), not reportlab: text lines and rules
need none of reportlab's per-document work, the most of an e-mail reply's CPU (docs/performance.md,
"E-mail intake, fifteenth round").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from core.kernel.domain.model import Customer, Order, OrderLine, OrderState
from outbound.confirmation_text import TEXTS, problem_text
from outbound.pdf_writer import A4, MM, Flow, wrap, write_pdf


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
    """The paragraph styles our reportlab answer PDFs share (quote, catalogue, fax notice); the confirmation
    is written by `outbound.pdf_writer` in the same faces and sizes."""
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


def _references(order: Order, now: datetime, language: str) -> list[tuple[str, str]]:
    t = TEXTS[language]
    return [
        (t["your_order"], order.po_number or "–"),
        (t["order_date"], date_text(order.order_date, language)),
        (t["our_ref"], f"{order.id}" if order.id is not None else "–"),
        (t["date"], date_text(now.date(), language)),
        (t["delivery"], date_text(order.requested_delivery_date, language)),
    ]


def _total(order: Order, language: str) -> Decimal | None:
    amounts = [line_amount(line) for line in order.lines]
    promoted = any(line.discount for line in order.lines)  # the printed total may be before promotions
    if order.total is not None and not promoted:
        return order.total
    if amounts and all(a is not None for a in amounts):
        return sum((a for a in amounts if a is not None), Decimal("0.00"))
    return None


# The page, as the reportlab layout before it had it: A4, margins of 16 mm (18 at the foot) with a frame
# 6 points inside them, the lines table's columns in millimetres and its cells padded 6 by 3 points.
_PAGE_W, _PAGE_H = A4
_X = 16 * MM + 6
_ROOM = _PAGE_W - 32 * MM - 12
_COLUMNS = tuple(w * MM for w in (10, 32, 62, 18, 12, 20, 24))
_RIGHT_ALIGNED = (3, 5, 6)  # quantity, price, amount
_WRAPPED = (1, 2)  # item code, description
_PAD_X, _PAD_Y, _CELL = 6.0, 3.0, 11.0  # cell padding, and the leading of a cell's 9-point lines


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
    head = letterhead or Letterhead()
    rejected = order.state == OrderState.REJECTED  # decided so on capture, or by a clerk in review
    foot = f"{head.name} · {order.po_number or ''} · {t['page']}"
    flow = Flow(
        _PAGE_H - 16 * MM - 6,
        18 * MM + 6,
        lambda page, n: page.text(16 * MM, 10 * MM, f"{foot} {n}", "regular", 9),
    )
    flow.lines(wrap(head.name, "bold", 15, _ROOM), _X, "bold", 15, 18)
    flow.lines(wrap(", ".join(head.address), "regular", 9, _ROOM), _X, "regular", 9, 11)
    flow.lines(wrap(_contact(head), "regular", 9, _ROOM), _X, "regular", 9, 11)
    flow.space(8 * MM)
    flow.lines(wrap(t["title_rejected" if rejected else "title"], "bold", 14, _ROOM), _X, "bold", 14, 18)
    flow.space(4 * MM)
    _addressee_and_references(flow, order, customer, number, _references(order, now, language))
    flow.space(6 * MM)
    flow.lines(
        wrap(t["intro_rejected" if rejected else "intro"], "regular", 10, _ROOM), _X, "regular", 10, 13
    )
    flow.space(4 * MM)
    _lines_table(flow, order, language)
    flow.space(3 * MM)
    total = f"{t['total']} {order.currency or ''}: {money_text(_total(order, language), language)}"
    flow.lines(wrap(total, "bold", 10, _ROOM), _X, "bold", 10, 13, right=_X + _ROOM)
    if rejected and order.problems:
        flow.space(5 * MM)
        flow.lines([t["reasons"]], _X, "bold", 10, 13)
        for problem in order.problems:
            flow.lines(
                wrap("– " + problem_text(problem, language), "regular", 10, _ROOM), _X, "regular", 10, 13
            )
    flow.space(8 * MM)
    closing = t["closing"].format(fax=head.fax or head.email or "")
    flow.lines(wrap(closing, "regular", 9, _ROOM), _X, "regular", 9, 11)
    return write_pdf(flow.pages, title=f"{t['title']} {order.po_number or ''}".strip(), author=head.name)


def _addressee_and_references(
    flow: Flow, order: Order, customer: Customer | None, number: str | None, refs: list[tuple[str, str]]
) -> None:
    """Whom the answer is for (left, 90 mm) beside our references to the order (right, labels in bold)."""
    name = customer.name if customer else order.buyer_name or order.buyer_party_id or ""
    left: list[tuple[str, str]] = (
        [("bold", line) for line in wrap(name, "bold", 10, 90 * MM - 6)] if name else []
    )
    parts = (
        [customer.street, " ".join(filter(None, (customer.postal_code, customer.city)))] if customer else []
    )
    parts.append(f"Fax {number}" if number else "")
    left += [("regular", line) for part in parts if part for line in wrap(part, "regular", 10, 90 * MM - 6)]
    height = max(len(left) * 13, len(refs) * 14 + 2 * _PAD_Y) + 2 * _PAD_Y
    flow.need(height)
    top, page = flow.y - _PAD_Y, flow.page
    for i, (face, line) in enumerate(left):
        page.text(_X, top - 10 - i * 13, line, face, 10)
    x = _X + 90 * MM + _PAD_X + _PAD_X
    for i, (label, value) in enumerate(refs):
        baseline = top - _PAD_Y - 1 - 10 - i * 14
        page.text(x, baseline, label, "bold", 10)
        page.text(x + 40 * MM, baseline, value, "regular", 10)
    flow.y -= height


def _rows(order: Order, language: str) -> list[list[str]]:
    t = TEXTS[language]
    rows = []
    for line in order.lines:
        rows.append(
            [
                str(line.position),
                line.sku or line.item_code or line.buyer_item_code or "–",
                line.description or "",
                quantity_text(line.quantity, language),
                line.unit or "",
                price_text(line.unit_price, language),
                money_text(line_amount(line), language),
            ]
        )
        if line.discount:
            promotion = f"{t['promotion']}: {line.promotion or ''}"
            rows.append(["", "", promotion, "", "", "", "-" + money_text(line.discount, language)])
    return rows


def _lines_table(flow: Flow, order: Order, language: str) -> None:
    """The order's lines under a bold heading that starts every page the table reaches, with a rule
    under the heading and under the last line."""
    t = TEXTS[language]
    heading = [t["pos"], t["item"], t["description"], t["qty"], t["unit"], t["price"], t["amount"]]
    lefts = [_X + sum(_COLUMNS[:i]) for i in range(len(_COLUMNS))]
    end = lefts[-1] + _COLUMNS[-1]
    heading_height = _CELL + 2 * _PAD_Y

    def draw(cells: list[list[str]], face: str, height: float) -> None:
        top, page = flow.y, flow.page
        for i, lines in enumerate(cells):
            for k, text in enumerate(lines):
                baseline = top - _PAD_Y - 9 - k * _CELL
                if i in _RIGHT_ALIGNED:
                    page.text_right(lefts[i] + _COLUMNS[i] - _PAD_X, baseline, text, face, 9)
                else:
                    page.text(lefts[i] + _PAD_X, baseline, text, face, 9)
        flow.y -= height

    def start() -> None:
        draw([[cell] for cell in heading], "bold", heading_height)
        flow.page.rule(_X, end, flow.y, 1)

    laid = [
        [
            wrap(cell, "regular", 9, _COLUMNS[i] - 2 * _PAD_X) if i in _WRAPPED else [cell]
            for i, cell in enumerate(row)
        ]
        for row in _rows(order, language)
    ]
    full = flow.top - flow.bottom - heading_height  # the room of a row on a page of its own
    first = max(map(len, laid[0])) * _CELL + 2 * _PAD_Y if laid else 0
    flow.need(heading_height + (first if first <= full else _CELL + 2 * _PAD_Y))
    start()
    for cells in laid:
        height = max(map(len, cells)) * _CELL + 2 * _PAD_Y
        if height <= full and flow.need(height):
            start()
        while not flow.fits(height):  # taller than a page: the lines that fit here, the rest overleaf
            room = int((flow.y - flow.bottom - 2 * _PAD_Y) // _CELL)
            if room > 0:
                draw([lines[:room] for lines in cells], "regular", room * _CELL + 2 * _PAD_Y)
                cells = [lines[room:] for lines in cells]
                height = max(map(len, cells)) * _CELL + 2 * _PAD_Y
            flow.new_page()
            start()
        draw(cells, "regular", height)
    flow.page.rule(_X, end, flow.y, 0.5)

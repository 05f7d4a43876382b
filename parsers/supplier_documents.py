"""A supplier's invoice or delivery note, e-mailed as a PDF or typed in the body, read through the
order readers: the layout reader (on a PDF's text layer, or on the body laid out as a page of fixed
width) says what the document is by its title, and reads our PO number and the lines (code,
quantity, unit price, amount). Around it, from the same text, the document's own number and date
and the footer's labelled amounts (goods, carriage, duties, insurance, VAT, total), with the layout
reader's number and date readers. Whatever is missing, twice or does not add up is a doubt: the
document then waits for a buyer, who sees why."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, DocumentKind, ProblemCode, Severity
from core.purchasing.domain.answers import AnswerKind, AnswerLine, SupplierAnswer
from core.purchasing.domain.landed import Charge
from core.purchasing.domain.mailed import PO_NUMBER, ReadDocument
from parsers.layout import extract_orders
from parsers.layout.dates import find_date
from parsers.layout.decimal_mark import decide_mark
from parsers.layout.numbers import readings
from parsers.supplier_sources import Scans, sources

KINDS = {
    DocumentKind.INVOICE: AnswerKind.INVOIC,
    DocumentKind.DELIVERY_NOTE: AnswerKind.DESADV,
    DocumentKind.ORDER_CONFIRMATION: AnswerKind.ORDRSP,
    DocumentKind.CREDIT_NOTE: AnswerKind.CREDIT,  # never read as the invoice it names
}
READ = (AnswerKind.INVOIC, AnswerKind.DESADV, AnswerKind.CREDIT)  # what is read into a message here
CENT = Decimal("0.01")
# what the order reader misses on a scan and flags ("may be there unread") that a supplier's document
# reads here itself (its date and amounts, from the text) or takes from our order (the currency)
OWN_FACTS = frozenset({"order_date", "requested_delivery_date", "currency", "total"})

# the document's own number after its title word or label: "FACTURA FV-118", "Invoice no. INV-77",
# "Nº factura: 2026/118", "Albarán nº ALB-501", "Delivery note DN 88" (it holds a digit)
OWN_NUMBER = re.compile(
    r"\b(?:factura|invoice|albar[aá]n|delivery\s+note|nota\s+de\s+entrega|despatch\s+note)\s*"
    r"(?:n[º°o]\.?|no\.?|nr\.?|number|n[uú]mero|#)?\s*:?\s*(?P<number>[A-Z0-9](?:[A-Z0-9\-/.]*\d)[A-Z0-9\-/]*)",
    re.IGNORECASE,
)
_NUMBER = (
    r"\s*(?:n[º°o]\.?|no\.?|nr\.?|number|n[uú]mero|#)?\s*:?\s*"
    r"(?P<number>[A-Z0-9](?:[A-Z0-9\-/.]*\d)[A-Z0-9\-/]*)"
)
# a credit note's own number after its title ("ABONO AB-12", "Nota de crédito nº NC-3", "Credit note CN-9")
CREDIT_NUMBER = re.compile(
    r"\b(?:abono|nota\s+de\s+cr[eé]dito|nota\s+de\s+abono|factura\s+rectificativa|credit\s+note|credit\s+memo)"
    + _NUMBER,
    re.IGNORECASE,
)
# the invoice a credit note corrects: "Rectifica la factura FV-118", "Factura original: FV-118",
# "Corrects invoice INV-77", "Original invoice no. INV-77", "Ref. factura FV-118"
CORRECTS = re.compile(
    r"\b(?:rectifica(?:\s+a)?(?:\s+la)?\s+factura|factura\s+(?:original|rectificada|corregida)|"
    r"ref(?:erencia)?\.?\s+(?:de\s+)?factura|corrects\s+invoice|original\s+invoice|"
    r"invoice\s+(?:corrected|ref(?:erence)?\.?))" + _NUMBER,
    re.IGNORECASE,
)
DATE_LIKE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}")  # "Fecha factura: 11/12/2026" names no number
ISSUED = re.compile(
    r"\b(?:invoice\s+date|date\s+of\s+invoice|fecha(?:\s+de)?(?:\s+la)?\s+factura|fecha\s+de\s+emisi[oó]n|"
    r"issue\s+date|date|fecha)\b\s*:?",
    re.IGNORECASE,
)
NOT_ISSUED = re.compile(r"entrega|delivery|due|vencimiento|pedido|order", re.IGNORECASE)
# a footer line: a label, perhaps a rate ("VAT 21%", "IVA (21 %)"), and one amount
FOOTER = re.compile(
    r"^\s*(?P<label>[^\d:=]+?)\s*(?:\(?\d{1,2}(?:[.,]\d+)?\s*%\)?)?\s*[:=]?\s*(?:EUR|€)?\s*"
    r"(?P<amount>-?\d[\d.,]*)\s*(?:EUR|€)?\s*$",
    re.IGNORECASE,
)


def _words(phrases: str) -> frozenset[str]:
    return frozenset(phrases.split("|"))


LABELS: dict[str, frozenset[str]] = {
    "goods": _words(
        "subtotal|sub-total|goods|net|net total|total net|net goods|goods total|total goods|neto|"
        "total neto|base imponible|importe neto|suma|mercancía|total mercancía"
    ),
    "carriage": _words(
        "carriage|freight|shipping|transport|delivery charge|portes|porte|transporte|envío|gastos de envío"
    ),
    "duties": _words("duties|duty|customs|customs duties|aranceles|arancel|derechos de aduana"),
    "insurance": _words("insurance|seguro"),
    "tax": _words("vat|iva|i.v.a.|tax|impuestos"),
    "total": _words(
        "total|invoice total|total invoice|total factura|total a pagar|amount due|grand total|"
        "total eur|total (eur)|total con iva|total incl. vat"
    ),
}
CHARGES = ("carriage", "duties", "insurance")
# a line typed in a message body rather than laid out as a table: quantity, "x", the code, perhaps a
# few words, then "a", "@", "at" or "por" and the unit price, perhaps "= amount":
# "10 x ABC-1 a 2,50", "10 x ABC-1 @ 2.50", "- 6 x AW-250 llave ajustable a 6,40 € = 38,40 €"
TYPED_LINE = re.compile(
    r"^\s*[-*•]?\s*(?P<qty>\d+(?:[.,]\d+)?)\s*(?:x|×|uds?\.?|units?|pcs?\.?)\s+"
    r"(?P<code>[A-Za-z0-9][A-Za-z0-9\-./]*)(?:\s+[^@=\d][^@=]*?)??"
    r"(?:\s+(?:a|at|por)\s+|\s*@\s*)(?:EUR|€)?\s*(?P<price>\d[\d.,]*\d|\d)\s*(?:EUR|€)?"
    r"(?:\s*(?:/\s*)?(?:ud|u|unit|unidad|each|c/u|cada\s+un[oa]))?\.?"
    r"(?:\s*=\s*(?:EUR|€)?\s*(?P<amount>\d[\d.,]*)\s*(?:EUR|€)?)?\s*$",
    re.IGNORECASE,
)


def read_arrival(content: bytes, is_mail: bool, scans: Scans | None = None) -> ReadDocument | None:
    """The invoice, credit note or delivery note in an e-mail (its PDFs and images first, else its
    subject and body) or in a faxed or uploaded PDF or image; None when no part's title says it is one
    (the arrival is read as before). Pages without text are read by `scans` (OCR) when it is given."""
    for source in sources(content, is_mail, scans):
        if not source.pages:
            continue
        found = extract_orders(source.pages).orders
        kind = KINDS.get(found[0].kind) if found else None
        if kind is None:
            continue
        if kind not in READ:
            return ReadDocument(kind)
        if len(found) > 1:
            return ReadDocument(kind, None, (f"{len(found)} documents in one, not one",))
        typed = typed_lines(source.text) if source.typed and not found[0].lines else None
        return read_document(found[0], kind, source.text, typed)
    return None


def read_document(
    order: CapturedOrder,
    kind: AnswerKind,
    text: str,
    typed: tuple[list[AnswerLine], list[str]] | None = None,
) -> ReadDocument:
    """The invoice or delivery note as a supplier's message, with what is unsure about it; `typed`:
    the lines typed as sentences in a message body, when the layout reader found no table."""
    # an invoice's or credit note's total is checked below against its goods, charges and VAT all
    # together: the order reader's own check of a tax against the total, which knows no charges, is not
    # the one to use
    summed = kind in (AnswerKind.INVOIC, AnswerKind.CREDIT)
    doubts = [
        p.message
        for p in order.problems
        if p.severity >= Severity.REVIEW
        and not (p.code is ProblemCode.UNREADABLE and p.field in OWN_FACTS)
        and not (summed and p.code is ProblemCode.TOTAL_MISMATCH and p.field == "total")
    ]
    corrects = _numbers(CORRECTS, text) if kind is AnswerKind.CREDIT else set()
    numbers = _numbers(CREDIT_NUMBER if kind is AnswerKind.CREDIT else OWN_NUMBER, text) - corrects
    if len(corrects) > 1:
        doubts.append(f"it corrects {len(corrects)} invoices, not one: {', '.join(sorted(corrects))}")
    if len(numbers) != 1:
        doubts.append(f"{len(numbers)} numbers of the document itself, not one: {', '.join(sorted(numbers))}")
    ours = {f"PO-{m.group(1)}" for m in PO_NUMBER.finditer(f"{order.po_number or ''}\n{text}")}
    if len(ours) != 1:
        doubts.append(f"it names {len(ours)} of our purchase orders, not one: {', '.join(sorted(ours))}")
    if typed and typed[0]:
        lines = typed[0]
        doubts.extend(typed[1])
    else:
        lines = _lines(order, kind, doubts)
    answer = SupplierAnswer(
        kind=kind, sender_id="", reference=next(iter(numbers), "")[:64], po_number=next(iter(ours), ""),
        issued=_issued(text), lines=tuple(lines), currency=order.currency,
        corrects=next(iter(corrects), None) if len(corrects) == 1 else None,
    )  # fmt: skip
    if kind in (AnswerKind.INVOIC, AnswerKind.CREDIT):
        answer = _amounts(answer, text, doubts)
    return ReadDocument(kind, answer, tuple(dict.fromkeys(doubts)))


def _numbers(pattern: re.Pattern[str], text: str) -> set[str]:
    """The document numbers the pattern finds, none of them one of our POs or a date."""
    found = {m.group("number").strip(".") for m in pattern.finditer(text)}
    return {n for n in found if not (PO_NUMBER.fullmatch(n) or DATE_LIKE.fullmatch(n))}


def _lines(order: CapturedOrder, kind: AnswerKind, doubts: list[str]) -> list[AnswerLine]:
    if not order.lines:
        doubts.append("no lines were read")
    out = []
    for i, line in enumerate(order.lines, start=1):
        code = line.supplier_item_code or line.item_code or line.buyer_item_code
        price = line.unit_price
        if code is None or line.quantity is None:
            doubts.append(f"line {i}: no code or no quantity read")
            continue
        if kind in (AnswerKind.INVOIC, AnswerKind.CREDIT):
            if price is None:
                doubts.append(f"line {i} {code}: no unit price read")
            elif line.amount is not None and abs(line.quantity * price - line.amount) >= CENT:
                doubts.append(f"line {i} {code}: {line.quantity} x {price} is not {line.amount}")
        out.append(AnswerLine(None, line.quantity, gtin=line.gtin, supplier_item_code=code, unit_price=price))
    return out


def typed_lines(text: str) -> tuple[list[AnswerLine], list[str]]:
    """The lines typed as "10 x ABC-1 a 2,50" in a body, and the doubts about them (a stated amount
    that is not the quantity times the price)."""
    out: list[AnswerLine] = []
    doubts: list[str] = []
    for row in text.splitlines():
        m = TYPED_LINE.match(row)
        if m is None:
            continue
        qty, price = _typed_number(m.group("qty")), _typed_number(m.group("price"))
        code = m.group("code").rstrip(".")
        amount = _typed_number(m.group("amount")) if m.group("amount") else None
        if amount is not None and abs(qty * price - amount) >= CENT:
            doubts.append(f"line {len(out) + 1} {code}: {qty} x {price} is not {amount}")
        out.append(AnswerLine(None, qty, supplier_item_code=code, unit_price=price))
    return out, doubts


def _typed_number(text: str) -> Decimal:
    """ "2,50", "2.50", "1.250,00", "1,250.00": the last mark is the decimal one."""
    text = text.rstrip(".,")
    last = max(text.rfind(","), text.rfind("."))
    if last < 0:
        return Decimal(text)
    whole = re.sub(r"[.,]", "", text[:last])
    return Decimal(f"{whole}.{text[last + 1 :]}")


def _issued(text: str) -> date | None:
    for row in text.splitlines():
        label = ISSUED.search(row)
        if label is None or NOT_ISSUED.search(row[: label.end()]):
            continue
        found = find_date(row[label.end() :])
        if found is not None:
            return found.value
    return None


def _amounts(answer: SupplierAnswer, text: str, doubts: list[str]) -> SupplierAnswer:
    """The footer's goods, charges, VAT and total; the invoice is sure only when the lines add up to
    the goods and goods, charges and VAT to the total, to the cent."""
    found = _footer(text, doubts, answer.kind is AnswerKind.CREDIT)
    lines = sum((i.quantity * (i.unit_price or 0) for i in answer.lines), Decimal(0))
    goods = found.get("goods", lines)
    if goods != lines:
        doubts.append(f"the lines add up to {lines}, the invoice's goods are {goods}")
    charges = tuple(Charge(k, found[k]) for k in CHARGES if found.get(k))
    tax = found.get("tax", Decimal(0))
    charged = sum((c.amount for c in charges), Decimal(0))
    total = found.get("total")
    if total is None:
        doubts.append("no total read")
    elif goods + charged + tax != total:
        doubts.append(
            f"goods {goods} + charges {charged} + VAT {tax} = {goods + charged + tax}, not the total {total}"
        )
    return SupplierAnswer(
        kind=answer.kind, sender_id="", reference=answer.reference, po_number=answer.po_number,
        issued=answer.issued, lines=answer.lines, currency=answer.currency, net=goods, tax=tax,
        charges=charges, corrects=answer.corrects,
    )  # fmt: skip


def _footer(text: str, doubts: list[str], taken_back: bool = False) -> dict[str, Decimal]:
    """The footer's labelled amounts; on a credit note (`taken_back`) a minus only says so."""
    rows = [
        (
            m.group("label").strip(" .:").lower(),
            m.group("amount").lstrip("-") if taken_back else m.group("amount"),
        )
        for m in map(FOOTER.match, text.splitlines())
        if m
    ]
    mark, _ = decide_mark([amount for _, amount in rows], None)
    seen: dict[str, set[Decimal]] = {}
    for label, amount in rows:
        kind = next((k for k, words in LABELS.items() if label in words), None)
        if kind is None:
            continue
        options = [r for r in readings(amount, mark, rules=False) if r.cost == 0]
        if not options:
            doubts.append(f"{label}: {amount} is no amount")
            continue
        seen.setdefault(kind, set()).add(options[0].value)
    out = {}
    for kind, values in seen.items():
        if len(values) > 1:
            doubts.append(f"{len(values)} different {kind} amounts: {', '.join(map(str, sorted(values)))}")
        out[kind] = min(values)
    return out

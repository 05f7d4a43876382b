"""What the written channels' billing notifiers share: a billing notice's subject and text in the
customer's language, and the invoice or credit note as PDF (`outbound.email.billing`,
`outbound.fax.billing`; EDIFACT's INVOIC is `outbound.edifact.billing`).
"""

from __future__ import annotations

from decimal import Decimal

from core.billing.domain.notices import DOCUMENT_KINDS, BillingMessage, BillingNoticeKind
from outbound.billing_text import words
from outbound.confirmation import Letterhead, money_text
from outbound.print.invoice import render_invoice


def notice_text(message: BillingMessage) -> tuple[str, str]:
    """The subject and body of a billing notice in the customer's language."""
    lang = message.language
    t = words(lang)
    detail = message.notice.detail
    document, rma = message.document, message.rma
    values: dict[str, object] = {
        "po": message.order.po_number or f"#{message.order.id}",
        "doc": document.code if document else detail.get("invoice") or detail.get("credit_note") or "",
        "total": money_text(document.total, lang) if document else "",
        "currency": document.currency if document else detail.get("currency", ""),
        "rma": rma.number if rma else detail.get("rma", ""),
        "card": detail.get("card") or "",
        "code": detail.get("code") or "",
        "amount": money_text(Decimal(str(detail.get("amount", "0"))), lang),
    }
    values["how"] = t["how.transfer"] if detail.get("transfer") else t["how.card"].format(**values)
    kind = str(message.kind)
    name = message.customer.name if message.customer else (message.order.buyer_name or "")
    body = [t["greeting"].format(name=name), "", t[f"body.{kind}"].format(**values)]
    if message.kind is BillingNoticeKind.RETURN_AUTHORISED and rma is not None:
        body += [t["line"].format(pos=ln.position, qty=f"{_num(ln.quantity)} {ln.sku}") for ln in rma.lines]
    if message.kind is BillingNoticeKind.RETURN_RECEIVED and rma is not None:
        body += [
            t["received_line"].format(
                pos=ln.position,
                received=_num(ln.received),
                restocked=_num(ln.restocked),
                scrapped=_num(ln.scrapped),
            )
            for ln in rma.lines
            if ln.received > 0
        ]
    return t[f"subject.{kind}"].format(**values), "\n".join([*body, "", t["bye"], ""])


def _num(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def document_pdf(message: BillingMessage, letterhead: Letterhead | None = None) -> bytes | None:
    document = message.document
    if document is None or message.kind not in DOCUMENT_KINDS:
        return None
    card = message.account.card_last4 if message.account and message.account.method == "card" else None
    return render_invoice(
        document, message.order, original=message.original, card_last4=card, letterhead=letterhead
    )

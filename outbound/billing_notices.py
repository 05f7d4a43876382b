"""The billing notifiers of the three channels: an INVOIC interchange for EDIFACT customers, an e-mail
with the invoice or credit note attached as PDF, a fax of the document (or of the notice as a page).

Each renders a `BillingMessage` into an outbox message; it sends nothing itself.  Subjects and texts
are in the customer's language.
"""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal
from email.message import EmailMessage
from email.policy import SMTP

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from core.billing.domain.notices import DOCUMENT_KINDS, BillingMessage, BillingNoticeKind
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.billing_text import words
from outbound.confirmation import Letterhead, money_text
from outbound.edifact.answers import envelope_for
from outbound.edifact.invoic import Seller, invoic_message
from outbound.edifact.naming import outbound_filename
from outbound.edifact.syntax import write_interchange
from outbound.print.invoice import BASE, esc, letterhead_flowables, render_invoice


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


class EdifactBilling:
    """INVOIC for invoices (BGM 380) and credit notes (BGM 381), to the partner the order came from."""

    def __init__(self, seller: Seller | None = None) -> None:
        self.seller = seller

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        partner, ref, document = message.partner, message.control_ref, message.document
        if message.kind not in DOCUMENT_KINDS:
            return None
        if partner is None or ref is None or document is None:
            raise ValueError(f"{message.notice.key}: an INVOIC needs the partner and the document")
        seller = self.seller or Seller(party_id=partner.our_id or "UNKNOWN")
        body = invoic_message(document, message.order, seller, message_ref="1", original=message.original)
        return OutboundMessage(
            channel="edi",
            kind=OutboundKind.INVOIC,
            recipient=partner.partner_id,
            filename=outbound_filename(OutboundKind.INVOIC.value, partner.partner_id, ref),
            content=write_interchange(envelope_for(partner, ref, now), [body]),
            created_at=now,
            control_ref=ref,
        )


class MailBilling:
    """An e-mail in the customer's language, with the invoice or credit note attached as PDF."""

    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        recipient = message.notice.recipient
        if not recipient:
            raise ValueError(f"no e-mail address for {message.notice.key}")
        subject, body = notice_text(message)
        mail = EmailMessage(policy=SMTP)
        mail["To"] = recipient
        mail["Subject"] = subject
        mail["Message-ID"] = f"<{message.notice.key.replace(':', '.')}@comanda>"
        mail.set_content(body)
        pdf = document_pdf(message, self.letterhead)
        if pdf is not None and message.document is not None:
            mail.add_attachment(
                pdf, maintype="application", subtype="pdf", filename=f"{message.document.code}.pdf"
            )
        return OutboundMessage(
            channel="email",
            kind=OutboundKind.BILLING,
            recipient=recipient,
            filename=f"BILLING_{message.reference}.eml",
            content=mail.as_bytes(),
            created_at=now,
        )


class FaxBilling:
    """A fax of the invoice or credit note itself; other notices as a page of text on our letterhead."""

    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, message: BillingMessage, now: datetime) -> OutboundMessage | None:
        recipient = message.notice.recipient
        if not recipient:
            raise ValueError(f"no fax number for {message.notice.key}")
        pdf = document_pdf(message, self.letterhead) or self._page(message)
        return OutboundMessage(
            channel="fax",
            kind=OutboundKind.BILLING,
            recipient=recipient,
            filename=f"billing-{message.reference}.pdf",
            content=pdf,
            created_at=now,
        )

    def _page(self, message: BillingMessage) -> bytes:
        subject, body = notice_text(message)
        story: list[Flowable] = letterhead_flowables(self.letterhead or Letterhead())
        story += [Paragraph(f"<b>{esc(subject)}</b>", BASE), Spacer(1, 5 * mm)]
        story += [Paragraph(esc(line) or "&nbsp;", BASE) for line in body.splitlines()]
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A4, title=subject, invariant=True).build(story)
        return out.getvalue()

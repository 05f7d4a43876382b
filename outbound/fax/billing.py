"""The fax channel's billing notifier: the invoice or credit note itself, other notices as a page of
text on our letterhead."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from core.billing.domain.notices import BillingMessage
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.billing_notices import document_pdf, notice_text
from outbound.confirmation import Letterhead
from outbound.fax.gateway import CHANNEL
from outbound.print.invoice import BASE, esc, letterhead_flowables


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
            channel=CHANNEL,
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

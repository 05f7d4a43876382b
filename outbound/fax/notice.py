"""Lifecycle notices by fax: the notice text on one page under our letterhead, as the fax line wants a PDF."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from core.fulfilment.domain.notifications import CustomerNotice
from core.kernel.domain.model import OutboundKind, OutboundMessage
from outbound.confirmation import Letterhead, escape_markup, letterhead_block, pdf_styles
from outbound.notices import notice_text


def render_notice(subject: str, body: str, letterhead: Letterhead | None = None) -> bytes:
    """A one-page PDF: letterhead, the subject as title, the body; deterministic bytes."""
    s = pdf_styles()
    head = letterhead or Letterhead()
    story = [*letterhead_block(head, s), Paragraph(escape_markup(subject), s["title"]), Spacer(1, 5 * mm)]
    for paragraph in body.split("\n\n"):
        story.append(
            Paragraph("<br/>".join(escape_markup(line) for line in paragraph.split("\n")), s["base"])
        )
        story.append(Spacer(1, 3 * mm))
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        title=subject,
        author=head.name,
        invariant=True,
    ).build(story)
    return buf.getvalue()


class FaxNotifier:
    """Renders a customer notice (shipped, backordered, …) as a fax page for the fax sender."""

    def __init__(self, letterhead: Letterhead | None = None) -> None:
        self.letterhead = letterhead

    def compose(self, notice: CustomerNotice, now: datetime) -> OutboundMessage | None:
        recipient = notice.notification.recipient
        if not recipient:
            raise ValueError(f"no fax number for {notice.notification.key}")
        subject, body = notice_text(notice)
        return OutboundMessage(
            channel="fax",
            kind=OutboundKind.NOTICE,
            recipient=recipient,
            filename=f"NOTICE_{notice.reference}.pdf",
            content=render_notice(subject, body, self.letterhead),
            created_at=now,
        )

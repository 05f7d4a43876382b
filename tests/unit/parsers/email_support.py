"""Building test e-mails and reading them through the e-mail parser."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from parsers.email import EmailParser

TODAY = datetime(2026, 11, 26, 9, tzinfo=UTC)
FROM = "Ana Núñez <pedidos@ferreterianunez.es>"


def message(
    body: str | None = "10 x TOR-M8-40\n",
    *,
    subject: str = "Pedido PO-2026-0042",
    from_: str = FROM,
    html: str | None = None,
    charset: str = "utf-8",
    message_id: str = "<m1@ferreterianunez.es>",
) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = from_
    msg["To"] = "pedidos@comanda.example"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 26 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = message_id
    if body is not None:
        msg.set_content(body, charset=charset)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    return msg


def read(
    raw: bytes | EmailMessage,
    *,
    sender: str | None = "pedidos@ferreterianunez.es",
    attachments: Callable[[InboundDocument, ParseContext], ParseResult] | None = None,
) -> ParseResult:
    content = raw.as_bytes() if isinstance(raw, EmailMessage) else raw
    doc = InboundDocument(Channel.EMAIL, content, TODAY, sender=sender, media_type="message/rfc822")
    return EmailParser(attachments).parse(doc, ParseContext(today=TODAY))


def lines(result: ParseResult) -> list[tuple[str | None, str]]:
    return [(ln.item_code, str(ln.quantity)) for o in result.orders for ln in o.lines]

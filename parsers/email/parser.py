"""The e-mail reader: an RFC 5322 message in, the orders of its attachments or of its body out.

Attachments are routed by what their bytes are (PDF, scans, EDIFACT, order sheets) to the other
readers through `read_attachment`, which the composition root passes in (readers never import each
other).  When an attachment yields orders, those are the e-mail's orders and the result's format is
that reader's (e.g. "pdf-text"); the body is then taken as a covering note.  Otherwise the orders
typed in the body are read ("email-text").  Either way every order learns who wrote (the From
address, for customer identification) and is flagged when From disagrees with the envelope sender.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.promo_codes import PROMO_REFERENCE, codes_in
from parsers.email import sniff
from parsers.email.body import read_body
from parsers.email.clean import split_forward
from parsers.email.html import sanitise, to_text
from parsers.email.mime import Attachment, Mail, parse_message

AttachmentReader = Callable[[InboundDocument, ParseContext], ParseResult]
MAX_ROUTED = 20  # attachments handed to other readers from one e-mail
SMALL_IMAGE = 8 * 1024  # images smaller than this are logos and icons, not scans
MAX_EXTRA_TEXT = 200_000  # characters of text and sanitised HTML kept for the review screen


class EmailParser:
    """Reads e-mails (format "email-text" for body orders; an attachment's format otherwise)."""

    name = "email"

    def __init__(self, read_attachment: AttachmentReader | None = None) -> None:
        self.read_attachment = read_attachment

    def score(self, doc: InboundDocument) -> int | None:
        if not sniff.looks_like_mail(doc.content[:4096]):
            return None
        return 120 if doc.channel is Channel.EMAIL or doc.media_type == sniff.MESSAGE else 110

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        mail = parse_message(doc.content)
        problems: list[Problem] = list(mail.problems)
        sender = sender_problem(doc.sender, mail)
        html = "\n".join(m.html for m in _family(mail) if m.html)
        extra: dict[str, Any] = {
            "subject": mail.subject,
            "from": mail.from_addr,
            "from_name": mail.from_name,
            "message_id": mail.message_id,
            "original": mail.original,  # what the reply needs of these headers (its draft reads them here)
            "html": sanitise(html)[:MAX_EXTRA_TEXT] if html else None,
            "attachments": [],
        }
        orders, fmt, attachment_problems = self._attachments(doc, mail, ctx, extra)
        problems.extend(attachment_problems)
        if not orders:
            orders, body_problems = _body_orders(mail, ctx, extra)
            problems.extend(body_problems)
            fmt = "email-text"
        elif any(_body_orders(mail, ctx, {})):  # lines (or line-like text) in the covering note
            problems.append(
                Problem(
                    ProblemCode.UNREADABLE,
                    "the e-mail text lists order lines too; check them against the attached order",
                    field="lines",
                )
            )
        if not orders:
            reasons = "; ".join(p.message for p in problems if p.severity >= Severity.REVIEW)
            return ParseResult(
                format=fmt,
                problems=tuple(problems),
                error=f"no order found in the e-mail{': ' + reasons if reasons else ''}"[:2000],
                extra=extra,
            )
        # what could not be read (capped parts, an unreadable second attachment) may hold more orders
        unread = tuple(p for p in problems if p.severity >= Severity.REVIEW)
        marked = tuple(_as_from(order, mail, unread + ((sender,) if sender else ())) for order in orders)
        return ParseResult(format=fmt, orders=marked, problems=tuple(problems), extra=extra)

    def _attachments(
        self, doc: InboundDocument, mail: Mail, ctx: ParseContext, extra: dict[str, Any]
    ) -> tuple[list[CapturedOrder], str, list[Problem]]:
        routed = [(a, kind) for a in _all_attachments(mail) if (kind := _route(a, mail)) is not None]
        problems: list[Problem] = []
        if len(routed) > MAX_ROUTED:
            problems.append(
                Problem(
                    ProblemCode.UNREADABLE,
                    f"{len(routed)} attachments; only the first {MAX_ROUTED} were read",
                    field="attachments",
                )
            )
        orders: list[CapturedOrder] = []
        fmt = "email-text"
        for attachment, kind in routed[:MAX_ROUTED]:
            result = self._read(doc, attachment, kind, ctx)
            extra["attachments"].append(
                {
                    "name": attachment.name,
                    "media_type": kind,
                    "size": len(attachment.content),
                    "format": result.format,
                    "error": result.error,
                    "orders": len(result.orders),
                }
            )
            if result.error and not result.orders:
                problems.append(
                    Problem(
                        ProblemCode.UNREADABLE,
                        f"attachment {attachment.name or kind!r} could not be read: {result.error}"[:500],
                        field="attachments",
                    )
                )
                continue
            problems.extend(result.problems)
            if result.orders and not orders:
                fmt = result.format
                extra.update({k: v for k, v in result.extra.items() if k not in extra})
            orders.extend(replace(o, interchange_index=None) for o in result.orders)
        return orders, fmt, problems

    def _read(
        self, doc: InboundDocument, attachment: Attachment, kind: str, ctx: ParseContext
    ) -> ParseResult:
        if self.read_attachment is None:
            return ParseResult(format="unknown", error="no reader for attachments is configured")
        part = InboundDocument(
            channel=doc.channel,
            content=attachment.content,
            received_at=doc.received_at,
            original_name=attachment.name,
            sender=doc.sender,
            media_type=kind,
        )
        return self.read_attachment(part, ctx)


def _family(mail: Mail) -> list[Mail]:
    """The message and every message forwarded inside it, outermost first."""
    out, stack = [], [mail]
    while stack:
        current = stack.pop(0)
        out.append(current)
        stack.extend(current.forwarded)
    return out


def _all_attachments(mail: Mail) -> list[Attachment]:
    return [a for m in _family(mail) for a in m.attachments]


def _route(attachment: Attachment, mail: Mail) -> str | None:
    kind = sniff.sniff(attachment.content, attachment.declared_type, attachment.name)
    if kind is None or kind == sniff.MESSAGE:
        return None  # forwarded messages are read here, as nested messages, never handed on
    if kind in sniff.SCANS:
        referenced = attachment.content_id is not None and f"cid:{attachment.content_id}" in "".join(
            m.html for m in _family(mail)
        )
        if referenced or len(attachment.content) < SMALL_IMAGE:
            return None  # a logo or a picture in the text, not a scanned order
    return kind


def _body_orders(
    mail: Mail, ctx: ParseContext, extra: dict[str, Any]
) -> tuple[list[CapturedOrder], list[Problem]]:
    """The order typed in the body; failing that, in an inline-forwarded or attached earlier message."""
    problems: list[Problem] = []
    for source in _family(mail):
        text = source.text or to_text(source.html)
        typed, forwarded = split_forward(text)
        for candidate in (typed, forwarded):
            if not candidate.strip():
                continue
            order, not_understood = read_body(source, candidate, ctx.today.date())
            if source is mail and candidate is typed:
                extra["text"] = candidate[:MAX_EXTRA_TEXT]
            if order is not None:
                if source is not mail and not order.buyer.email:
                    order = replace(order, buyer=replace(order.buyer, email=mail.from_addr or None))
                return [order], problems
            problems.extend(not_understood)
    return [], problems


def _as_from(order: CapturedOrder, mail: Mail, problems: tuple[Problem, ...]) -> CapturedOrder:
    """The order as sent by the e-mail's writer (the From address identifies the customer), with the
    e-mail's own problems."""
    buyer = order.buyer
    if mail.from_addr:
        buyer = replace(buyer, email=mail.from_addr, name=buyer.name or mail.from_name or None)
    references = order.references
    if not any(q == PROMO_REFERENCE for q, _ in references):  # a code in the e-mail, beside its attachment
        references += tuple((PROMO_REFERENCE, c) for c in codes_in(f"{mail.subject}\n{mail.text}"))
    return replace(
        order, buyer=buyer, references=references, problems=order.problems + problems, interchange_index=None
    )


def sender_problem(envelope: str | None, mail: Mail) -> Problem | None:
    """A problem when the From address is not the envelope sender's organisation (a spoof, often)."""
    if envelope is None:
        return None  # no envelope known (a file submitted by hand)
    declared = mail.from_addr
    actual = envelope.strip().strip("<>").lower()
    if declared and actual and _same_organisation(actual, declared):
        return None
    shown = actual or "<> (a bounce)"
    return Problem(
        ProblemCode.SENDER_MISMATCH,
        f"the From address {declared or '(none)'!r} does not match the envelope sender {shown!r}",
        field="buyer.email",
        severity=Severity.REVIEW,
    )


def _same_organisation(a: str, b: str) -> bool:
    if a == b:
        return True
    da, db = a.rpartition("@")[2], b.rpartition("@")[2]
    return bool(da) and (da == db or da.endswith("." + db) or db.endswith("." + da))

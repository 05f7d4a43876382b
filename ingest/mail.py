"""The envelope of an arrived e-mail, shared by the SMTP receiver, the Maildir watcher and the IMAP poller.

The raw RFC 5322 bytes are stored whole; the Message-ID becomes the external id (the same e-mail
arriving twice makes one order), the envelope sender the sender (a Maildir or IMAP message carries it
as Return-Path; failing that, From stands in).
"""

from __future__ import annotations

import email.utils
from datetime import datetime
from email import policy
from email.parser import BytesHeaderParser

from core.capture.domain.documents import Channel, InboundDocument

MEDIA_TYPE = "message/rfc822"


def _header(raw: bytes, *names: str) -> list[str]:
    head = raw[: 256 * 1024]  # headers only: never parse a huge body here
    cut = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=len(head))
    try:
        msg = BytesHeaderParser(policy=policy.compat32).parsebytes(head[:cut] + b"\r\n\r\n")
    except Exception:  # unreadable headers: the reader will say so; here they are simply absent
        return ["" for _ in names]
    values = []
    for name in names:
        value = msg.get(name)
        text = str(value) if value is not None else ""
        values.append(" ".join(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace").split()))
    return values


def message_id(raw: bytes) -> str | None:
    (value,) = _header(raw, "Message-ID")
    value = value.strip()
    return value[:500] or None


def mail_envelope(
    raw: bytes, received_at: datetime, *, envelope_sender: str | None = None, name: str | None = None
) -> InboundDocument:
    """The arrival for these bytes; `envelope_sender` is SMTP's MAIL FROM when the channel knows it."""
    mid, return_path, from_ = _header(raw, "Message-ID", "Return-Path", "From")
    sender = envelope_sender
    if sender is None:
        sender = email.utils.parseaddr(return_path)[1] if return_path else email.utils.parseaddr(from_)[1]
    # a plain ASCII label: the name travels in HTTP headers (Content-Disposition of /raw)
    label = name if name and name.isascii() else "message.eml"
    return InboundDocument(
        channel=Channel.EMAIL,
        content=raw,
        received_at=received_at,
        original_name=label,
        sender=sender.strip().strip("<>")[:320] if sender is not None else None,
        external_id=mid.strip()[:500] or None,
        media_type=MEDIA_TYPE,
    )

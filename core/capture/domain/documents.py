"""The envelope every channel hands over (`InboundDocument`) and what reading one yields.

Every channel (EDIFACT folder, AS2, SMTP, Maildir, IMAP, fax spool, API upload) produces the same
`InboundDocument`; its bytes are stored before anything else happens.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.order import CapturedOrder, Problem


class Channel(enum.StrEnum):
    """Where a document arrived."""

    EDI = "edi"
    FAX = "fax"
    EMAIL = "email"
    UPLOAD = "upload"
    AS2 = "as2"  # EDIFACT posted by a trading partner's AS2 station


class DocumentState(enum.StrEnum):
    """Processing state of a stored document; the row is the source of truth."""

    RECEIVED = "received"  # stored, waiting for a worker
    PROCESSING = "processing"  # a worker took it (a crash leaves it here; start-up requeues it)
    PROCESSED = "processed"  # orders (if any) created, answers queued
    DUPLICATE = "duplicate"  # same bytes or same interchange already processed
    QUARANTINED = "quarantined"  # could not be read; kept with its reason

    @property
    def finished(self) -> bool:
        return self in (DocumentState.PROCESSED, DocumentState.DUPLICATE, DocumentState.QUARANTINED)


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class InboundDocument:
    """One arrival on any channel, with its raw bytes."""

    channel: Channel
    content: bytes
    received_at: datetime  # timezone-aware UTC
    original_name: str | None = None
    sender: str | None = None  # e-mail address, fax number, EDI partner id as the channel knows it
    external_id: str | None = None  # Message-ID, UNB reference, fax job id
    media_type: str | None = None
    sha256: str = ""

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None:
            raise ValueError("received_at must be timezone-aware")
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.content))


@dataclass(frozen=True)
class ParseContext:
    """Everything a parser may know besides the bytes; frozen, no settings, no database."""

    today: datetime
    languages: tuple[str, ...] = ("eng", "spa")


@dataclass(frozen=True)
class ParseResult:
    """What a parser read from one document."""

    format: str  # edifact | pdf-text | pdf-ocr | tiff-ocr | email-text | ...
    orders: tuple[CapturedOrder, ...] = ()
    problems: tuple[Problem, ...] = ()  # document-level problems (not tied to one order)
    interchanges: tuple[InterchangeReceipt, ...] = ()  # EDIFACT envelopes, for CONTRL and dedupe
    error: str | None = None  # set when nothing usable could be read
    extra: dict[str, object] = field(default_factory=dict)  # format-specific detail (pages, words)
    sender: str | None = None  # the sender as the document itself names it (a fax header line)


@dataclass(eq=False)
class DocumentRecord:
    """A stored arrival and its processing state (the bytes live in the blob store by sha256)."""

    channel: Channel
    sha256: str
    size: int
    received_at: datetime
    state: DocumentState = DocumentState.RECEIVED
    original_name: str | None = None
    sender: str | None = None
    external_id: str | None = None
    media_type: str | None = None
    format: str | None = None
    error: str | None = None
    problems: list[dict[str, str | None]] = field(default_factory=list)
    duplicate_of: int | None = None
    attempts: int = 0
    updated_at: datetime | None = None
    id: int | None = None

    def envelope(self, content: bytes) -> InboundDocument:
        """The channel-neutral envelope for this record, with its bytes."""
        return InboundDocument(
            channel=self.channel,
            content=content,
            received_at=self.received_at,
            original_name=self.original_name,
            sender=self.sender,
            external_id=self.external_id,
            media_type=self.media_type,
            sha256=self.sha256,
        )

    def quarantine(self, reason: str, now: datetime) -> None:
        self.state = DocumentState.QUARANTINED
        self.error = reason
        self.updated_at = now

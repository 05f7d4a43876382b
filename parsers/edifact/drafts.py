"""The mutable state of an interchange, group and message while the envelope walker reads them, and
the handler that receives each one when it is complete."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from core.capture.domain.interchange import GroupReceipt
from parsers.edifact.faults import Finding
from parsers.edifact.headers import Unb, Unh
from parsers.edifact.lexer import Segment
from parsers.edifact.scan import ServiceChars


@dataclass
class MessageDraft:
    """A message while it is read; `segments` runs from UNH to UNT (when present)."""

    header: Unh
    group_ref: str | None
    segments: list[Segment]
    findings: list[Finding] = field(default_factory=list)


@dataclass
class GroupDraft:
    reference: str
    message_type: str
    sender_id: str
    recipient_id: str
    messages: int = 0
    findings: list[Finding] = field(default_factory=list)

    def receipt(self) -> GroupReceipt:
        faults = tuple(f.fault for f in self.findings if f.fault is not None)
        return GroupReceipt(self.reference, self.message_type, self.sender_id, self.recipient_id, faults)


@dataclass
class InterchangeDraft:
    """An interchange while it is read; the handler keeps what it needs of its messages."""

    header: Unb
    chars: ServiceChars
    findings: list[Finding] = field(default_factory=list)
    groups: list[GroupDraft] = field(default_factory=list)
    direct_messages: int = 0  # messages outside any group
    mixed: bool = False
    closed: bool = False  # UNZ seen


class Handler(Protocol):
    def message(self, message: MessageDraft, group: GroupDraft | None, interchange: InterchangeDraft) -> None:
        """A message is complete (UNT read, or found missing)."""

    def interchange(self, interchange: InterchangeDraft) -> None:
        """An interchange is complete, with every fault found in it and its groups."""

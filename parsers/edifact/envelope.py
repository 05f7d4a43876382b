"""Walks the segments of a file through its envelopes (UNB..UNZ, UNG..UNE, UNH..UNT), checks every
count and reference, and hands each finished message and interchange to a handler.

Segments are held only while their message is open, so a large interchange streams through.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.capture.domain.order import ProblemCode
from parsers.edifact.drafts import GroupDraft, Handler, InterchangeDraft, MessageDraft
from parsers.edifact.faults import (
    GROUPS_AND_MESSAGES_MIXED,
    INSIDE,
    INVALID_CHARACTERS,
    INVALID_VALUE,
    MISSING,
    OUTSIDE,
    OUTSIDE_MESSAGE,
    Finding,
    fault,
    inside,
    outside,
)
from parsers.edifact.headers import check_trailer, read_unb, read_ung, read_unh
from parsers.edifact.lexer import Segment
from parsers.edifact.scan import ServiceChars


@dataclass
class _Stray:
    """A run of segments where no segment may stand (between messages, after UNZ)."""

    first: str
    count: int = 0
    messages: int = 0


class EnvelopeWalker:
    """Feeds segments through the envelope structure; call `finish` after the last one."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._ic: InterchangeDraft | None = None
        self._group: GroupDraft | None = None
        self._msg: MessageDraft | None = None
        self._stray: _Stray | None = None
        self._chars = ServiceChars()
        self._pending: list[Finding] = []
        self._lossy = False
        self.interchanges = 0
        self.outside: list[Finding] = []  # findings that belong to no interchange

    def begin_chunk(self, chars: ServiceChars, findings: list[Finding], lossy: bool) -> None:
        """The next segments come from a new stretch of the file read with these characters."""
        self._chars, self._pending, self._lossy = chars, list(findings), lossy

    def feed(self, seg: Segment) -> None:
        tag = seg.tag
        if tag == "UNB" and seg.terminated:
            self._open_interchange(seg)
        elif self._ic is None or self._ic.closed:
            self._stray_segment(seg)
        elif not seg.terminated:
            self._cut_short(seg)
        elif tag == "UNZ":
            self._close_interchange(seg)
        elif tag == "UNG":
            self._open_group(seg)
        elif tag == "UNE":
            self._close_group(seg)
        elif tag == "UNH":
            self._open_message(seg)
        elif self._msg is not None:
            self._add(self._msg, seg)
            if tag == "UNT":
                self._close_message(seg)
        else:
            self._stray_segment(seg)

    def finish(self) -> None:
        self._end_interchange()
        self.outside += self._pending
        self._pending = []

    # interchanges

    def _open_interchange(self, seg: Segment) -> None:
        self._end_interchange()
        header, findings = read_unb(seg)
        self._ic = InterchangeDraft(header, self._chars, self._pending + findings)
        self._pending = []
        self.interchanges += 1
        self._check_characters(seg, None)

    def _end_interchange(self) -> None:
        self._flush_stray()
        ic = self._ic
        if ic is None:
            return
        if not ic.closed:
            self._close_open_parts()
            text = f"interchange {ic.header.control_ref} has no UNZ trailer (file truncated?)"
            ic.findings.append(outside(MISSING, ProblemCode.MISSING_UNZ, text, "UNZ"))
        self._ic = None
        self._handler.interchange(ic)

    def _close_interchange(self, unz: Segment) -> None:
        ic = self._ic
        assert ic is not None
        self._flush_stray()
        self._close_open_parts()
        found, what = (len(ic.groups), "groups") if ic.groups else (ic.direct_messages, "messages")
        ic.findings += check_trailer(
            unz,
            found,
            what,
            ic.header.control_ref,
            ProblemCode.INTERCHANGE_COUNT_MISMATCH,
            ProblemCode.INTERCHANGE_REF_MISMATCH,
        )
        ic.closed = True

    def _close_open_parts(self) -> None:
        if self._msg is not None:
            self._close_message(None)
        if self._group is not None:
            self._end_group(None)

    # groups

    def _open_group(self, seg: Segment) -> None:
        ic = self._ic
        assert ic is not None
        self._flush_stray()
        self._close_open_parts()
        ung, findings = read_ung(seg)
        self._group = GroupDraft(ung.reference, ung.message_type, ung.sender_id, ung.recipient_id)
        self._group.findings += findings
        if ic.direct_messages:
            self._mixed(ic)

    def _close_group(self, une: Segment) -> None:
        self._flush_stray()
        if self._msg is not None:
            self._close_message(None)
        if self._group is None:
            self._stray_segment(une)
            return
        self._end_group(une)

    def _end_group(self, une: Segment | None) -> None:
        group, ic = self._group, self._ic
        assert group is not None and ic is not None
        if une is None:
            text = f"functional group {group.reference} has no UNE trailer"
            group.findings.append(outside(MISSING, ProblemCode.SYNTAX_ERROR, text, "UNE"))
        else:
            group.findings += check_trailer(
                une,
                group.messages,
                "messages",
                group.reference,
                ProblemCode.GROUP_COUNT_MISMATCH,
                ProblemCode.GROUP_REF_MISMATCH,
            )
        ic.groups.append(group)
        self._group = None

    # messages

    def _open_message(self, seg: Segment) -> None:
        ic = self._ic
        assert ic is not None
        self._flush_stray()
        if self._msg is not None:
            self._close_message(None)
        header, findings = read_unh(seg)
        if self._group is not None:
            self._group.messages += 1
        else:
            ic.direct_messages += 1
            if ic.groups:
                self._mixed(ic)
        group_ref = self._group.reference if self._group is not None else None
        self._msg = MessageDraft(header, group_ref, [], findings)
        self._add(self._msg, seg)

    def _add(self, msg: MessageDraft, seg: Segment) -> None:
        msg.segments.append(seg)
        position = len(msg.segments)
        if seg.error is not None:
            text = f"segment {position} of message {msg.header.reference}: {seg.error}"
            msg.findings.append(inside(INVALID_VALUE, ProblemCode.SYNTAX_ERROR, text, seg.tag, position))
        self._check_characters(seg, msg)

    def _close_message(self, unt: Segment | None) -> None:
        msg, ic = self._msg, self._ic
        assert msg is not None and ic is not None
        ref = msg.header.reference
        if unt is None:
            text = f"message {ref} has no UNT trailer after {len(msg.segments)} segments; it may be cut short"
            msg.findings.append(inside(MISSING, ProblemCode.MISSING_UNT, text, "UNT", None))
        else:
            msg.findings += check_trailer(
                unt,
                len(msg.segments),
                "segments",
                ref,
                ProblemCode.MESSAGE_COUNT_MISMATCH,
                ProblemCode.MESSAGE_REF_MISMATCH,
                position=len(msg.segments),
            )
        self._msg = None
        self._handler.message(msg, self._group, ic)
        msg.segments = []  # the handler has read them; do not keep a large interchange in memory

    # faults outside messages

    @staticmethod
    def _mixed(ic: InterchangeDraft) -> None:
        if ic.mixed:
            return
        ic.mixed = True
        text = f"interchange {ic.header.control_ref} has messages both inside and outside groups"
        ic.findings.append(outside(GROUPS_AND_MESSAGES_MIXED, ProblemCode.SYNTAX_ERROR, text, "UNB"))

    def _check_characters(self, seg: Segment, msg: MessageDraft | None) -> None:
        if not self._lossy or "\ufffd" not in seg.raw:
            return
        text = f"{seg.tag} holds bytes that are not characters of the declared repertoire (read as U+FFFD)"
        if msg is None:
            target = self._ic.findings if self._ic is not None else self.outside
            target.append(outside(INVALID_CHARACTERS, ProblemCode.SYNTAX_ERROR, text, seg.tag))
        else:
            position = len(msg.segments)
            text = f"segment {position} of message {msg.header.reference}: {text}"
            msg.findings.append(inside(INVALID_CHARACTERS, ProblemCode.SYNTAX_ERROR, text, seg.tag, position))

    def _cut_short(self, seg: Segment) -> None:
        """The file ends inside a segment; the segment itself is not taken."""
        ic = self._ic
        assert ic is not None
        text = seg.error or "the file ends inside a segment"
        if self._msg is not None:
            self._msg.findings.append(inside(MISSING, ProblemCode.SYNTAX_ERROR, text, seg.tag, None))
        else:
            ic.findings.append(outside(MISSING, ProblemCode.SYNTAX_ERROR, text, seg.tag))

    def _stray_segment(self, seg: Segment) -> None:
        if self._stray is None:
            self._stray = _Stray(seg.tag)
        self._stray.count += 1
        self._stray.messages += seg.tag == "UNH"

    def _flush_stray(self) -> None:
        stray, self._stray = self._stray, None
        if stray is None:
            return
        where = (
            "outside any message"
            if self._ic is not None and not self._ic.closed
            else "outside any interchange"
        )
        text = f"{stray.count} segment(s) {where} were ignored, starting with {stray.first}"
        if stray.messages:
            text += f"; {stray.messages} message(s) among them were not read"
        severity = INSIDE if stray.messages else OUTSIDE  # a skipped message may be a lost order
        finding = fault(OUTSIDE_MESSAGE, ProblemCode.SYNTAX_ERROR, text, severity=severity, tag=stray.first)
        (self._ic.findings if self._ic is not None else self.outside).append(finding)

"""The CONTRL message that acknowledges or rejects an interchange we received, with its faults."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from core.capture.domain.interchange import GroupReceipt, InterchangeReceipt, MessageReceipt, SyntaxFault
from outbound.edifact.syntax import Element, Envelope, Message, Segment, segment, write_interchange

# S009 of CONTRL depends on the syntax version it is written in:
# - versions 1 to 3: CONTRL:D:3:UN.  The syntax 3 service message specification (ISO/TC 154 -
#   UN/CEFACT JSWG, "Service message type specifications, CONTRL, EDIFACT Syntax Version 3",
#   gefeg.com/jswg/v3/mt/m11.htm) requires 0065 CONTRL, 0052 D, 0054 3, 0051 UN; EANCOM 2002 S3
#   shows UNH+ME000001+CONTRL:D:3:UN:EAN004.  Versions 1 and 2 have no CONTRL of their own.
# - version 4: CONTRL:4:1:UN, the CONTRL of ISO 9735-4 (syntax version 4, release 1), as sent for
#   example by HM Revenue & Customs' CHIEF ("UNH+...+CONTRL:4:1:UN").
# The segments used here (UCI, UCM, UCF, UCS, UCD) keep the same leading data elements in both.
_IDENTIFIER_V3 = ("CONTRL", "D", "3", "UN")
_IDENTIFIER_V4 = ("CONTRL", "4", "1", "UN")

# 0083 action: 7 "this level acknowledged, lower levels acknowledged if not explicitly rejected",
# 4 "this level and all lower levels rejected" (service code list 0083).
ACKNOWLEDGED = "7"
REJECTED = "4"

_UCI_TAGS = frozenset({"UNA", "UNB", "UNZ"})
_UCF_TAGS = frozenset({"UNG", "UNE"})
_UCM_TAGS = frozenset({"UNH", "UNT"})
_MAX_SEGMENT_ERRORS = 999  # SG2 repeats per message
_MAX_ELEMENT_ERRORS = 99  # UCD repeats per UCS


def build_contrl(
    receipt: InterchangeReceipt, envelope: Envelope, *, message_ref: str, association: str = ""
) -> bytes:
    """One interchange holding the CONTRL that answers `receipt`.

    `envelope` is the UNB of the answer, already swapped by the caller: its sender is the receipt's
    recipient (us) and its recipient the receipt's sender (the partner).  An envelope that merely
    copies the receipt's sender and recipient is refused.  Write it in the syntax version of the
    received interchange: the fault codes in `receipt` were chosen for that version.
    `association` fills S009/0057 for partners that want it, e.g. "EAN004" under EANCOM 2002.
    """
    unswapped = (envelope.sender_id, envelope.recipient_id) == (receipt.sender_id, receipt.recipient_id)
    if unswapped and receipt.sender_id != receipt.recipient_id:
        raise ValueError("the CONTRL envelope must go from the receipt's recipient to its sender")
    message = contrl_message(
        receipt, syntax_version=envelope.syntax_version, message_ref=message_ref, association=association
    )
    return write_interchange(envelope, [message])


def contrl_message(
    receipt: InterchangeReceipt, *, syntax_version: str, message_ref: str, association: str = ""
) -> Message:
    """The CONTRL message for `receipt`, written for the given syntax version.

    The interchange is rejected (UCI 4) only when the envelope itself is faulty; otherwise UCI says 7
    and each faulty group or message is rejected on its own UCF or UCM, as code list 0083 defines
    it, so the partner does not resend messages we took.  Every message gets a UCM; its UNH/UNT
    fault goes on the UCM, the others on UCS (segment) and UCD (data element) where positioned.
    The UCI, UCF and UCM segments each carry one error code: further faults without a segment
    position at those levels are not repeated.
    """
    identifier: tuple[str, ...] = _IDENTIFIER_V4 if syntax_version == "4" else _IDENTIFIER_V3
    if association:
        identifier = (*identifier, association)
    rejected = bool(receipt.faults)
    body: list[Segment] = [
        segment(
            "UCI",
            receipt.control_ref,
            (receipt.sender_id, receipt.sender_qualifier),
            (receipt.recipient_id, receipt.recipient_qualifier),
            REJECTED if rejected else ACKNOWLEDGED,
            *_error(receipt.faults, _UCI_TAGS),
        )
    ]
    if receipt.groups:
        # Messages outside every group cannot be reported beside groups (CONTRL: SG1 and SG3 are
        # exclusive); the reader reports such an interchange at the interchange level.
        for group in receipt.groups:
            group_rejected = rejected or bool(group.faults)
            body.append(_group_response(group, group_rejected))
            members = (m for m in receipt.messages if m.group_ref == group.reference)
            for received in members:
                body.extend(_message_response(received, group_rejected))
    else:
        for received in receipt.messages:
            body.extend(_message_response(received, rejected))
    return Message(message_ref, identifier, tuple(body))


def _position(fault: SyntaxFault) -> Element:
    """S011: data element position and, when known, component position."""
    if fault.element_position is None:
        return ""
    component = "" if fault.component_position is None else str(fault.component_position)
    return (str(fault.element_position), component)


def _error(faults: Sequence[SyntaxFault], tags: frozenset[str]) -> tuple[Element, ...]:
    """0085, 0013 and S011 for the first fault, or nothing."""
    if not faults:
        return ()
    fault = faults[0]
    tag = fault.segment_tag if fault.segment_tag in tags else ""
    return (fault.code, tag or "", _position(fault))


def _group_response(group: GroupReceipt, rejected: bool) -> Segment:
    return segment(
        "UCF",
        group.reference,
        (group.sender_id,),
        (group.recipient_id,),
        REJECTED if rejected else ACKNOWLEDGED,
        *_error(group.faults, _UCF_TAGS),
    )


def _message_response(received: MessageReceipt, parent_rejected: bool) -> Iterator[Segment]:
    faults = received.faults
    first = next(
        (i for i, f in enumerate(faults) if f.segment_tag in _UCM_TAGS or f.segment_position is None), None
    )
    on_ucm = () if first is None else (faults[first],)
    located = [f for i, f in enumerate(faults) if i != first and f.segment_position is not None]
    identifier = (
        received.type,
        received.version,
        received.release,
        received.agency,
        received.association,
    )
    yield segment(
        "UCM",
        received.reference,
        identifier,
        REJECTED if parent_rejected or received.faults else ACKNOWLEDGED,
        *_error(on_ucm, _UCM_TAGS),
    )
    written = 0
    for position in sorted({f.segment_position for f in located if f.segment_position is not None}):
        for seg in _segment_errors(position, [f for f in located if f.segment_position == position]):
            if seg.tag == "UCS":
                written += 1
                if written > _MAX_SEGMENT_ERRORS:
                    return
            yield seg


def _segment_errors(position: int, faults: Sequence[SyntaxFault]) -> Iterator[Segment]:
    """One UCS for the segment, its code when the whole segment is wrong, and a UCD per element."""
    whole = [f for f in faults if f.element_position is None]
    parts = [f for f in faults if f.element_position is not None]
    yield segment("UCS", str(position), whole[0].code if whole else None)
    for fault in parts[:_MAX_ELEMENT_ERRORS]:
        yield segment("UCD", fault.code, _position(fault))
    for fault in whole[1:]:
        yield segment("UCS", str(position), fault.code)

"""Reads the service segments' data (UNB, UNG, UNH and the counts of UNT, UNE, UNZ) and checks the
data elements every reader needs; element positions in findings count the tag as 1 (0098).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from core.capture.domain.order import ProblemCode
from parsers.edifact.faults import (
    COUNT_DOES_NOT_MATCH,
    INSIDE,
    INVALID_VALUE,
    MISSING,
    OUTSIDE,
    REFERENCES_DO_NOT_MATCH,
    Finding,
    fault,
)
from parsers.edifact.lexer import Segment


@dataclass(frozen=True)
class Unb:
    """What an interchange header says."""

    sender_id: str
    sender_qualifier: str
    recipient_id: str
    recipient_qualifier: str
    control_ref: str
    syntax_id: str
    syntax_version: str
    prepared_at: datetime | None
    application_ref: str
    ack_requested: bool
    test: bool


@dataclass(frozen=True)
class Ung:
    """What a functional group header says."""

    reference: str
    message_type: str
    sender_id: str
    recipient_id: str


@dataclass(frozen=True)
class Unh:
    """What a message header says (S009 message identifier)."""

    reference: str
    type: str
    version: str
    release: str
    agency: str
    association: str


def _required(
    seg: Segment, spots: tuple[tuple[int, int, str], ...], *, segment: int | None = None
) -> list[Finding]:
    """Missing-value faults for the (element, component, name) spots that are empty."""
    severity = OUTSIDE if segment is None else INSIDE
    return [
        fault(
            MISSING,
            ProblemCode.SYNTAX_ERROR,
            f"{seg.tag} has no {name}",
            severity=severity,
            tag=seg.tag,
            segment=segment,
            element=element + 2,
            component=component + 1,
        )
        for element, component, name in spots
        if not seg.get(element, component).strip()
    ]


def read_unb(seg: Segment) -> tuple[Unb, list[Finding]]:
    findings = _required(
        seg,
        (
            (0, 0, "syntax identifier (0001)"),
            (0, 1, "syntax version (0002)"),
            (1, 0, "sender identification (0004)"),
            (2, 0, "recipient identification (0010)"),
            (4, 0, "interchange control reference (0020)"),
        ),
    )
    prepared_at = None
    day, time = seg.get(3, 0).strip(), seg.get(3, 1).strip()
    if day:
        prepared_at = _prepared_at(day, time)
        if prepared_at is None:
            findings.append(
                fault(
                    INVALID_VALUE,
                    ProblemCode.SYNTAX_ERROR,
                    f"UNB date/time of preparation {day}:{time} is not a valid date and time",
                    severity=OUTSIDE,
                    tag="UNB",
                    element=5,
                    component=1,
                )
            )
    unb = Unb(
        sender_id=seg.get(1, 0),
        sender_qualifier=seg.get(1, 1),
        recipient_id=seg.get(2, 0),
        recipient_qualifier=seg.get(2, 1),
        control_ref=seg.get(4),
        syntax_id=seg.get(0, 0),
        syntax_version=seg.get(0, 1),
        prepared_at=prepared_at,
        application_ref=seg.get(6),
        ack_requested=seg.get(8) == "1",
        test=seg.get(10) == "1",
    )
    return unb, findings


def _prepared_at(day: str, time: str) -> datetime | None:
    """UNB S004: YYMMDD (versions 1-3) or CCYYMMDD (version 4, and often seen earlier) and HHMM, as UTC.

    The length decides, not the syntax version: files in the wild mix them up.
    """
    if not (day.isascii() and day.isdigit() and len(day) in (6, 8)):
        return None
    if time and not (time.isascii() and time.isdigit() and len(time) in (4, 6)):
        return None
    year = int(day[:4]) if len(day) == 8 else 2000 + int(day[:2])
    if len(day) == 6 and int(day[:2]) >= 70:
        year -= 100
    rest = day[-4:]
    try:
        return datetime(
            year,
            int(rest[:2]),
            int(rest[2:]),
            int(time[:2] or 0),
            int(time[2:4] or 0),
            int(time[4:6] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None


def read_ung(seg: Segment) -> tuple[Ung, list[Finding]]:
    findings = _required(seg, ((4, 0, "group reference number (0048)"),))
    return Ung(seg.get(4), seg.get(0), seg.get(1, 0), seg.get(2, 0)), findings


def read_unh(seg: Segment) -> tuple[Unh, list[Finding]]:
    findings = _required(
        seg,
        (
            (0, 0, "message reference number (0062)"),
            (1, 0, "message type (0065)"),
            (1, 1, "message version number (0052)"),
            (1, 2, "message release number (0054)"),
            (1, 3, "controlling agency (0051)"),
        ),
        segment=1,
    )
    unh = Unh(seg.get(0), seg.get(1, 0), seg.get(1, 1), seg.get(1, 2), seg.get(1, 3), seg.get(1, 4))
    return unh, findings


def read_count(seg: Segment) -> int | None:
    """The control count in the first data element of UNT, UNE or UNZ; None when not a number."""
    value = seg.get(0).strip()
    return int(value) if value.isascii() and value.isdigit() else None


def check_trailer(
    seg: Segment,
    found: int,
    what: str,
    reference: str,
    count_code: ProblemCode,
    ref_code: ProblemCode,
    *,
    position: int | None = None,
) -> list[Finding]:
    """Count and reference checks of a trailer (UNT, UNE, UNZ) against what was actually read."""
    severity = OUTSIDE if position is None else INSIDE
    findings = []
    count = read_count(seg)
    if count is None:
        code = MISSING if not seg.get(0).strip() else INVALID_VALUE
        text = f"{seg.tag} of {reference} has no valid control count: {seg.get(0)!r}"
        findings.append(
            fault(
                code,
                ProblemCode.SYNTAX_ERROR,
                text,
                severity=severity,
                tag=seg.tag,
                segment=position,
                element=2,
            )
        )
    elif count != found:
        text = f"{seg.tag} of {reference} counts {count} {what} but {found} were found"
        findings.append(
            fault(
                COUNT_DOES_NOT_MATCH,
                count_code,
                text,
                severity=severity,
                tag=seg.tag,
                segment=position,
                element=2,
            )
        )
    trailer_ref = seg.get(1)
    if trailer_ref != reference:
        text = f"{seg.tag} reference {trailer_ref!r} does not match the header's {reference!r}"
        findings.append(
            fault(
                REFERENCES_DO_NOT_MATCH,
                ref_code,
                text,
                severity=severity,
                tag=seg.tag,
                segment=position,
                element=3,
            )
        )
    return findings

"""Envelope and syntax findings: a CONTRL-ready `SyntaxFault` (data element 0085, positioned as UCS/UCD
want it) paired with the `Problem` people see, and the severity policy for both."""

from __future__ import annotations

from dataclasses import dataclass

from core.capture.domain.interchange import SyntaxFault
from core.capture.domain.order import Problem, ProblemCode, Severity

INVALID_VALUE = "12"
MISSING = "13"
INVALID_SERVICE_CHARACTER = "20"
INVALID_CHARACTERS = "21"
REFERENCES_DO_NOT_MATCH = "28"
COUNT_DOES_NOT_MATCH = "29"
GROUPS_AND_MESSAGES_MIXED = "30"
OUTSIDE_MESSAGE = "33"
INVALID_CHARACTER_TYPE = "37"

OUTSIDE = Severity.INFO  # severity of faults outside the message itself
INSIDE = Severity.REVIEW  # severity of faults inside a message


@dataclass(frozen=True)
class Finding:
    """One thing the reader noticed: always a problem, and a syntax fault when CONTRL can report it."""

    problem: Problem
    fault: SyntaxFault | None = None


def fault(
    code: str,
    problem_code: ProblemCode,
    message: str,
    *,
    severity: Severity,
    tag: str | None = None,
    segment: int | None = None,
    element: int | None = None,
    component: int | None = None,
    field: str | None = None,
) -> Finding:
    """A syntax fault and its problem, worded once for both.

    Codes are values of data element 0085 from the ISO 9735 service code list as revised with syntax
    version 4 (ISO 9735-1:1998 annex, the list CONTRL D:3 for syntax version 3 and CONTRL 4:1 for version
    4 report with; the same list the JWG service directory and the D01A+ directories carry).  The older
    list in directories up to D00B (1 "UNA not supported" ... 11 "password invalid", with count and
    reference errors lumped together as 5 "trailer check in error") was withdrawn; syntax versions 1 and
    2 have no CONTRL of their own and are answered with CONTRL D:3 (see outbound.edifact.contrl), so the
    revised list is the one valid for every syntax version we read.  The codes used:

    * 12 invalid value: a value breaking its rules (non-numeric UNT/UNE/UNZ count, impossible UNB or
      DTM date, a segment tag that is not three upper-case letters or digits);
    * 13 missing: a required service segment (UNT, UNE, UNZ) or required data element or component
      (UNB syntax version, UNH reference...) is absent, or the file ends inside a segment;
    * 20 character invalid as service character: a UNA whose characters cannot be used;
    * 21 invalid character(s): bytes that are not characters of the declared repertoire;
    * 28 references do not match: UNT 0062 vs UNH, UNE 0048 vs UNG, UNZ 0020 vs UNB;
    * 29 control count does not match number of instances received: UNT 0074, UNE 0060, UNZ 0036;
    * 30 groups and messages/packages mixed: messages both inside and outside UNG..UNE groups;
    * 33 invalid occurrence outside message, package or group: segments between messages;
    * 37 invalid type of character(s): letters in a numeric data element (QTY, PRI, MOA).

    Positions follow CONTRL: `segment_position` is 0096 (UNH = 1), `element_position` is 0098, where
    the segment tag itself is position 1 and the first data element after it is 2, and
    `component_position` is 0104 (first component = 1).

    Severity: faults outside the message itself (UNB/UNZ, UNG/UNE, characters between messages, the
    character set) are INFO: the message stands on its own and its order is usable.  Faults inside a
    message (UNT count or reference, missing UNT, bad values) are REVIEW: the message may be cut short
    or misread, so a person looks before the order flows on.  Segments after UNZ that hold a UNH are
    REVIEW too, because a whole message was skipped.
    """
    return Finding(
        Problem(problem_code, message, field, severity),
        SyntaxFault(code, message, tag, segment, element, component),
    )


def note(problem_code: ProblemCode, message: str, severity: Severity = Severity.INFO) -> Finding:
    """A problem without a syntax fault (leniency applied, unsupported message type)."""
    return Finding(Problem(problem_code, message, None, severity))


def outside(code: str, problem_code: ProblemCode, message: str, tag: str | None) -> Finding:
    """A fault of the interchange or group envelope, outside every message."""
    return fault(code, problem_code, message, severity=OUTSIDE, tag=tag)


def inside(
    code: str, problem_code: ProblemCode, message: str, tag: str | None, position: int | None
) -> Finding:
    """A fault inside a message, at segment `position` (UNH = 1) when known."""
    return fault(code, problem_code, message, severity=INSIDE, tag=tag, segment=position)

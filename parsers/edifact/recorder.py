"""Collects the evidence and findings of one message while it is mapped to an order, and reads
numbers and dates out of segments with a finding for every value that cannot be read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.capture.domain.order import Evidence, Problem, ProblemCode, Provenance
from parsers.edifact.faults import INSIDE, INVALID_CHARACTER_TYPE, INVALID_VALUE, Finding, fault
from parsers.edifact.lexer import Segment
from parsers.edifact.values import UnsupportedFormat, parse_date, parse_decimal


class Recorder:
    """Evidence (one Provenance per segment, shared by its fields) and findings of one message."""

    def __init__(self, decimal_mark: str) -> None:
        self.decimal_mark = decimal_mark
        self.evidence: list[Evidence] = []
        self.findings: list[Finding] = []
        self._provenance: dict[int, Provenance] = {}

    def saw(self, path: str, position: int, seg: Segment) -> None:
        """The field at `path` was read from the segment at `position` (UNH = 1)."""
        provenance = self._provenance.get(position)
        if provenance is None:
            provenance = self._provenance[position] = Provenance(segment=position, raw=seg.raw)
        self.evidence.append(Evidence(path, 1.0, provenance))

    def number(
        self,
        seg: Segment,
        position: int,
        element: int,
        component: int,
        path: str,
        problem: ProblemCode = ProblemCode.SYNTAX_ERROR,
    ) -> Decimal | None:
        """The number at element/component (0-based, tag excluded), or None with a finding."""
        text = seg.get(element, component)
        try:
            return parse_decimal(text, self.decimal_mark)
        except ValueError:
            self.findings.append(
                fault(
                    INVALID_CHARACTER_TYPE,
                    problem,
                    f"{seg.tag} in segment {position}: {text!r} is not a number ({path})",
                    severity=INSIDE,
                    tag=seg.tag,
                    segment=position,
                    element=element + 2,
                    component=component + 1,
                    field=path,
                )
            )
            return None

    def date(self, seg: Segment, position: int, path: str) -> date | None:
        """The date of a DTM segment (C507 2380 in the format 2379 names), or None with a finding."""
        value, format_code = seg.get(0, 1), seg.get(0, 2)
        try:
            return parse_date(value, format_code)
        except UnsupportedFormat as exc:
            self.findings.append(Finding(Problem(ProblemCode.INVALID_DATE, f"{exc} ({path})", path, INSIDE)))
        except ValueError:
            self.findings.append(
                fault(
                    INVALID_VALUE,
                    ProblemCode.INVALID_DATE,
                    f"DTM in segment {position}: {value!r} is not a valid date"
                    f" in format {format_code or '(none)'} ({path})",
                    severity=INSIDE,
                    tag=seg.tag,
                    segment=position,
                    element=2,
                    component=2,
                    field=path,
                )
            )
        return None


def text_of(parts: tuple[str, ...]) -> str | None:
    """Non-empty components joined by a space, or None."""
    joined = " ".join(p.strip() for p in parts if p.strip())
    return joined or None

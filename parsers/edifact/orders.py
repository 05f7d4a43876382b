"""Maps one ORDERS message (any directory, D93A to D23A, EANCOM or not) to a `CapturedOrder` with
evidence for every field it sets, following the `oms extract --json` contract's EDIFACT rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

from core.capture.domain.order import CapturedOrder, Party
from parsers.edifact.faults import Finding
from parsers.edifact.lexer import Segment
from parsers.edifact.lines import LineReader
from parsers.edifact.recorder import Recorder, text_of

# BGM 1225 message function code -> CapturedOrder.function
FUNCTIONS = {
    "9": "original",
    "5": "replace",
    "1": "cancel",
    "3": "cancel",  # deletion
    "4": "change",
    "7": "duplicate",
    "31": "duplicate",  # copy
    "43": "duplicate",  # additional transmission
}
ORDER_DATE, ORDER_DATE_FALLBACK, DELIVERY_DATE = "137", "4", "2"  # DTM 2005 (header only)
REFERENCE_CURRENCY = "2"  # CUX 6347
TOTALS = ("79", "86", "77", "39")  # summary MOA 5025, most wanted first: line items total first
SUMMARY = "S"  # UNS 0081: the summary section follows


@lru_cache(maxsize=4096)
def _path(name: str, index: int | str) -> str:
    """Evidence paths such as "buyer.name" or "notes[0]", shared across orders to save memory."""
    return f"{name}.{index}" if isinstance(index, str) else f"{name}[{index}]"


class _Header:
    """Header and summary segments; for NAD, DTM, CUX and MOA the first match wins."""

    def __init__(self, rec: Recorder) -> None:
        self._rec = rec
        self.po_number: str | None = None
        self.function = "original"
        self.dates: dict[str, tuple[int, Segment]] = {}
        self.parties: dict[str, tuple[int, Segment]] = {}
        self.currency: str | None = None
        self.notes: list[str] = []
        self.references: list[tuple[str, str]] = []
        self.totals: dict[str, tuple[int, Segment]] = {}

    def take(self, position: int, seg: Segment) -> None:
        tag = seg.tag
        if tag == "BGM":
            self._bgm(position, seg)
        elif tag == "DTM":
            self.dates.setdefault(seg.get(0, 0), (position, seg))
        elif tag == "NAD":
            self.parties.setdefault(seg.get(0), (position, seg))
        elif tag == "CUX" and self.currency is None:
            self._cux(position, seg)
        elif tag == "FTX":
            text = text_of(seg.element(3))
            if text:
                self._rec.saw(_path("notes", len(self.notes)), position, seg)
                self.notes.append(text)
        elif tag == "RFF" and seg.get(0, 1).strip():
            self._rec.saw(_path("references", len(self.references)), position, seg)
            self.references.append((seg.get(0, 0), seg.get(0, 1).strip()))

    def summary(self, position: int, seg: Segment) -> None:
        if seg.tag == "MOA":
            self.totals.setdefault(seg.get(0, 0), (position, seg))

    def _bgm(self, position: int, seg: Segment) -> None:
        if self.po_number is not None:
            return
        # D94B and later: C002, C106 (1004 first), 1225; earlier directories: C002, 1004, C507, 1225.
        self.po_number = seg.get(1, 0).strip() or None
        if self.po_number is not None:
            self._rec.saw("po_number", position, seg)
        for element in (2, 3):
            code = seg.get(element).strip()
            if code in FUNCTIONS:
                self.function = FUNCTIONS[code]
                self._rec.saw("function", position, seg)
                break

    def _cux(self, position: int, seg: Segment) -> None:
        details = [e for e in seg.elements[:2] if len(e) > 1 and e[1].strip()]
        chosen = next((e for e in details if e[0] == REFERENCE_CURRENCY), details[0] if details else None)
        if chosen is not None:
            self.currency = chosen[1].strip()
            self._rec.saw("currency", position, seg)

    def day(self, path: str, *qualifiers: str) -> date | None:
        """The date of the first DTM qualifier present (later ones are fallbacks only)."""
        for qualifier in qualifiers:
            if qualifier in self.dates:
                position, seg = self.dates[qualifier]
                day = self._rec.date(seg, position, path)
                if day is not None:
                    self._rec.saw(path, position, seg)
                return day
        return None

    def party(self, role: str, *qualifiers: str) -> Party:
        for qualifier in qualifiers:
            if qualifier in self.parties:
                position, seg = self.parties[qualifier]
                return self._party(role, position, seg)
        return Party()

    def _party(self, role: str, position: int, seg: Segment) -> Party:
        unstructured = seg.element(2)
        fields = {
            "party_id": seg.get(1, 0).strip() or None,
            "qualifier": seg.get(1, 2).strip() or None,
            "name": text_of(seg.element(3)[:5]) or (text_of(unstructured[:1]) if unstructured else None),
            "street": ", ".join(p.strip() for p in seg.element(4) if p.strip()) or None,
            "city": seg.get(5).strip() or None,
            "postal_code": seg.get(7).strip() or None,
            "country": seg.get(8).strip() or None,
        }
        for name, value in fields.items():
            if value is not None:
                self._rec.saw(_path(role, name), position, seg)
        return Party(**fields)

    def total(self) -> Decimal | None:
        for qualifier in TOTALS:
            if qualifier in self.totals:
                position, seg = self.totals[qualifier]
                amount = self._rec.number(seg, position, 0, 1, "total")
                if amount is not None:
                    self._rec.saw("total", position, seg)
                return amount
        return None


def map_order(
    segments: Sequence[Segment], decimal_mark: str, message_ref: str
) -> tuple[CapturedOrder, list[Finding]]:
    """The order an ORDERS message states (problems left empty) and what was found wrong in it."""
    rec = Recorder(decimal_mark)
    if message_ref and segments:
        rec.saw("message_ref", 1, segments[0])
    header = _Header(rec)
    lines: list[LineReader] = []
    in_summary = False
    for position, seg in enumerate(segments, 1):
        tag = seg.tag
        if tag == "LIN":
            lines.append(LineReader(rec, len(lines), position, seg))
            in_summary = False
        elif tag == "UNS":
            in_summary = seg.get(0) == SUMMARY
        elif in_summary:
            header.summary(position, seg)
        elif lines:
            lines[-1].take(position, seg)
        else:
            header.take(position, seg)
    order = CapturedOrder(
        po_number=header.po_number,
        order_date=header.day("order_date", ORDER_DATE, ORDER_DATE_FALLBACK),
        requested_delivery_date=header.day("requested_delivery_date", DELIVERY_DATE),
        currency=header.currency,
        buyer=header.party("buyer", "BY"),
        supplier=header.party("supplier", "SU"),
        ship_to=header.party("ship_to", "DP", "ST"),
        invoicee=header.party("invoicee", "IV"),
        lines=tuple(line.build() for line in lines),
        total=header.total(),
        notes=tuple(header.notes),
        references=tuple(header.references),
        function=header.function,
        message_ref=message_ref or None,
        evidence=tuple(rec.evidence),
    )
    return order, rec.findings

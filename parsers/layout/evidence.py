"""Recording per-field evidence: confidence = OCR confidence × layout certainty, and where it was read."""

from __future__ import annotations

from collections.abc import Sequence

from core.capture.domain.order import Evidence, Provenance
from parsers.layout.geometry import Tok, box_around

# A cross-check that holds vouches for a reading, whatever the OCR engine thought of its letters.
VERIFIED_FLOOR = 0.97

# Layout certainties.
SURE = 1.0
LIKELY = 0.9  # found by a short or generic label, or repaired and confirmed by a cross-check
DOUBTFUL = 0.6  # computed rather than read, or two readings of the document disagree
WRONG = 0.4  # a cross-check failed


class Recorder:
    """Collects the evidence of one order's fields."""

    def __init__(self) -> None:
        self.items: list[Evidence] = []

    def add(
        self,
        path: str,
        toks: Sequence[Tok],
        certainty: float,
        *,
        verified: bool = False,
        weighed: Sequence[Tok] = (),
    ) -> None:
        """Evidence for `path` read from `toks`; `verified` when a cross-check confirmed the value;
        `weighed`, when given, the words of `toks` whose OCR confidence counts (a word no misreading
        makes another value says it whatever OCR thought of its letters)."""
        if not toks:
            self.items.append(Evidence(path, round(certainty, 3), Provenance()))
            return
        page = toks[0].page
        words = [t.word for t in toks if t.page == page]
        ocr = min(t.conf for t in weighed or toks)
        confidence = certainty * (max(ocr, VERIFIED_FLOOR) if verified else ocr)
        box = box_around(words)
        raw = " ".join(t.text for t in toks)
        self.items.append(Evidence(path, round(confidence, 3), Provenance(page=page, box=box, raw=raw)))

    def confidence(self, path: str) -> float | None:
        """The confidence recorded for `path`, None when nothing was."""
        return next((item.confidence for item in self.items if item.field == path), None)

    def lower(self, path: str, certainty: float) -> None:
        """Cap the confidence of an already recorded field (a later cross-check failed)."""
        for i, item in enumerate(self.items):
            if item.field == path and item.confidence > certainty:
                self.items[i] = Evidence(path, certainty, item.provenance)

    def recertify(self, path: str, was: float, certainty: float) -> None:
        """Record the field `path`, read at layout certainty `was`, as sure as `certainty` instead, its
        OCR confidence and where it was read kept (other printings of the value vouched for it)."""
        for i, item in enumerate(self.items):
            if item.field == path and was > 0:
                confidence = round(item.confidence / was * certainty, 3)
                self.items[i] = Evidence(path, confidence, item.provenance)

"""Calibration: is the confidence Comanda gives an order borne out by what clerks found?

An order a clerk checked (approved from the review queue) was read right when the clerk changed no
fact the document states: order number, dates, currency, a line's code, quantity, unit or price, or
the set of lines.  Choosing the customer or mapping a code to a SKU is master data, not a misread, so
it does not count against the reading.  Orders still waiting, and rejected ones (rejected for business
reasons as often as for misreads), say nothing either way.  Touchless orders are counted apart: nobody
checked them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Lower edges of the confidence bands shown, highest last.
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
READ_FACTS = frozenset(
    {"po_number", "order_date", "requested_delivery_date", "currency"}
    | {"item_code", "buyer_item_code", "quantity", "unit", "unit_price"}
)


def misread(edited: Iterable[str]) -> bool:
    """Whether a clerk's edits (audit paths such as "lines[2].quantity") corrected a read fact."""
    for path in edited:
        name = path.rpartition(".")[2] if "." in path else path
        if name in READ_FACTS or (path.startswith("lines[") and "." not in path):  # a line added/removed
            return True
    return False


@dataclass(frozen=True)
class Outcome:
    """One decided order: its channel, the confidence given, and what became of it."""

    channel: str
    confidence: float
    checked: bool  # a clerk approved it from the review queue
    right: bool  # checked and no read fact corrected; for touchless orders: not known, taken as True


@dataclass
class Band:
    """Orders whose confidence lies in [low, high)."""

    low: float
    high: float
    checked: int = 0
    right: int = 0
    touchless: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.checked if self.checked else None


@dataclass
class ChannelCalibration:
    """A channel's bands, and the lowest threshold with which history holds no false accept."""

    channel: str
    bands: list[Band] = field(default_factory=list)
    safe_threshold: float | None = None  # None: even the top band held a misread
    checked_above_threshold: int = 0

    @property
    def checked(self) -> int:
        return sum(b.checked for b in self.bands)


def _band_index(confidence: float) -> int:
    return max(i for i, low in enumerate(BANDS) if confidence >= low)


def _safe_threshold(outcomes: Sequence[Outcome]) -> tuple[float | None, int]:
    """The lowest confidence at which every checked order at or above it was read right.

    Taken at an order's own confidence (not a band edge), just above the highest-confidence misread.
    """
    checked = sorted((o for o in outcomes if o.checked), key=lambda o: o.confidence)
    wrong = [o.confidence for o in checked if not o.right]
    if not wrong:
        return (checked[0].confidence if checked else None), len(checked)
    above = [o for o in checked if o.confidence > max(wrong)]
    if not above:
        return None, 0
    return above[0].confidence, len(above)


def calibrate(outcomes: Iterable[Outcome]) -> list[ChannelCalibration]:
    """Per channel (alphabetical), accuracy per confidence band and the safe threshold."""
    by_channel: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_channel.setdefault(outcome.channel, []).append(outcome)
    result = []
    for channel in sorted(by_channel):
        items = by_channel[channel]
        edges = (*BANDS, 1.0000001)
        bands = [Band(edges[i], min(edges[i + 1], 1.0)) for i in range(len(BANDS))]
        for o in items:
            band = bands[_band_index(o.confidence)]
            if o.checked:
                band.checked += 1
                band.right += o.right
            else:
                band.touchless += 1
        threshold, above = _safe_threshold(items)
        result.append(ChannelCalibration(channel, bands, threshold, above))
    return result

"""Whether a row band's reading is kept (`parsers.ocr.bands`): the lines that add up and the order's
total, before and after, and the lines read from a kept band held doubtful unless both vouch for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.line_sums import to_the_cent
from parsers.ocr.band_cuts import Band


def reads_better(before: Sequence[CapturedOrder], after: Sequence[CapturedOrder]) -> bool:
    """Whether `after` reads more lines that add up, or lines that add up to the total, than `before`,
    losing none that added up, its orders' headers and totals as they were."""
    if len(before) != len(after) or any(_header(a) != _header(b) for a, b in zip(before, after, strict=True)):
        return False
    gained = False
    for old, new in zip(before, after, strict=True):
        had, has = _agreeing(old), _agreeing(new)
        if any(has.count(v) < had.count(v) for v in had):
            return False
        summed_before, summed_after = adds_up_to_total(old), adds_up_to_total(new)
        if summed_before and not summed_after:
            return False
        gained = gained or len(has) > len(had) or (summed_after and not summed_before)
    return gained


def _header(order: CapturedOrder) -> tuple[object, ...]:
    return (
        order.po_number,
        order.order_date,
        order.requested_delivery_date,
        order.currency,
        order.total,
        order.net_total,
        order.tax_total,
    )


def _agreeing(order: CapturedOrder) -> list[tuple[Decimal | None, ...]]:
    return [(line.quantity, line.unit_price, line.amount) for line in order.lines if adds_up(line)]


def adds_up(line: CapturedLine) -> bool:
    quantity, price, amount = line.quantity, line.unit_price, line.amount
    if quantity is None or price is None or amount is None or quantity <= 0:
        return False
    return to_the_cent(quantity, price, amount, line.discount)


def adds_up_to_total(order: CapturedOrder) -> bool:
    """Whether the order's lines add up, each to the cent, to its printed total before tax."""
    target = order.net_total
    if target is None and order.total is not None:
        target = order.total - (order.tax_total or 0)
    if target is None or not order.lines or not all(adds_up(line) for line in order.lines):
        return False
    added = sum((line.amount or Decimal(0) for line in order.lines), Decimal(0))
    return abs(added - target) <= Decimal("0.01")


def held_doubtful(order: CapturedOrder, bands: Sequence[Band]) -> CapturedOrder:
    """`order` with every field of each line read from a kept band held doubtful, unless the line adds
    up and the order's lines add up to its total."""
    vouched = adds_up_to_total(order)
    from_band = {
        item.field.partition(".")[0]
        for item in order.evidence
        if item.field.startswith("lines[")
        and item.provenance.page is not None
        and item.provenance.box is not None
        and any(b.page == item.provenance.page and _in_band(item.provenance.box, b) for b in bands)
    }
    if vouched or not from_band:
        return order
    evidence = tuple(
        Evidence(e.field, min(e.confidence, DOUBTFUL), e.provenance)
        if e.field.partition(".")[0] in from_band
        else e
        for e in order.evidence
    )
    return replace(order, evidence=evidence)


def _in_band(box: tuple[float, float, float, float], band: Band) -> bool:
    x0, y0, x1, y1 = box
    return abs((y0 + y1) / 2 - band.middle((x0 + x1) / 2)) < band.half

"""Line amounts read one figure past their cents ("333.205" for "333.20 $", the sign after it read as
a figure) cut to the cent where the order's own arithmetic pins that (`cut_past_cents`), once the
number cells have been read again (`parsers.ocr.cells`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from core.capture.domain.order import CapturedOrder, line_net
from parsers.layout.evidence import LIKELY, VERIFIED_FLOOR
from parsers.ocr.cell_checks import CENT, UNSURE, document_mark, reread_value


def cut_past_cents(order: CapturedOrder) -> CapturedOrder:
    """`order` with each line amount read one figure past its cents ("333.205" for "333.20 $": the sign
    after it read as a figure, `parsers.layout.number_evidence.past_cents`) taken to the cent where the
    order's own arithmetic pins that: the line's quantity × price, less its discount, is the amount cut to the
    cent exactly, both read sure; every other line's amount was read sure or is such an amount, pinned
    alike; and the lines, with them cut, add up exactly to the net total (else the total less its tax,
    else the total) read exactly as printed.  The lines and the total are read apart: each cut figure
    is its own line's product, and together they make the lines one sum with the total, so each is as
    sure as a repaired figure the total vouches for (likely).  Two amounts so spoilt on one order (a
    dot-matrix "10,001" and "172,801") are each pinned by their own line: neither can make up for the
    other.  Anything short of that leaves every amount as it was, in doubt: two slips that agree with
    each other ("0.19445" × 100 = "19.445", the price's sign read as a figure too) never make the cut
    amount exactly."""
    mark = document_mark(order)
    target, path = _target(order)
    found = order.evidence_for(path) if path else None
    printed = getattr(order, path) if path else None
    if target is None or found is None or reread_value(found.provenance.raw or "", mark) != printed:
        return order
    cut: dict[int, Decimal] = {}
    for i, line in enumerate(order.lines):
        read = order.evidence_for(f"lines[{i}].amount")
        if line.amount is None or read is None:
            return order
        if read.confidence >= UNSURE:
            continue
        if (
            line.amount.as_tuple().exponent != -3
            or reread_value(read.provenance.raw or "", mark) != line.amount
        ):
            return order
        amount = _pinned_cut(order, i, line.amount)
        if amount is None:
            return order
        cut[i] = amount
    lines = tuple(replace(x, amount=cut[k]) if k in cut else x for k, x in enumerate(order.lines))
    if not cut or sum((x.amount or Decimal(0) for x in lines), Decimal(0)) != target:
        return order
    pinned = replace(order, lines=lines)
    for i in cut:
        pinned = pinned.with_confidence(f"lines[{i}].amount", round(LIKELY * VERIFIED_FLOOR, 3))
    return pinned


def _pinned_cut(order: CapturedOrder, i: int, amount: Decimal) -> Decimal | None:
    """Line `i`'s amount, read past its cents, cut to the cent when its quantity × price, less its
    discount, both read sure, is exactly that; None otherwise."""
    line = order.lines[i]
    sure = all(
        (e := order.evidence_for(f"lines[{i}].{name}")) is not None and e.confidence >= UNSURE
        for name in ("quantity", "unit_price")
    )
    if line.quantity is None or line.unit_price is None or not sure:
        return None
    cents = amount.quantize(CENT, rounding=ROUND_DOWN)
    return cents if line_net(line.quantity, line.unit_price, line.discount) == cents else None


def _target(order: CapturedOrder) -> tuple[Decimal | None, str | None]:
    """What the lines add up to, and the path of the printed figure it was read as: the net total, else
    the total less the tax (the total's path), else the total."""
    if order.net_total is not None:
        return order.net_total, "net_total"
    if order.total is not None:
        return order.total - (order.tax_total or 0), "total"
    return None, None

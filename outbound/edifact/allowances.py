"""A line's promotion as an EDIFACT allowance: ALC (A, the promotion id, code DI discount, its words),
PCD 1 with the percent for a percentage promotion, MOA 204 with the amount. The same segment group in
ORDRSP (SG38/40/41) and INVOIC (SG38/40/41) D.96A."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from core.catalog.domain.promotions import described_parts
from outbound.edifact.syntax import Segment, decimal_text, segment

ALLOWANCE = "A"  # 5463: allowance
DISCOUNT = "DI"  # 7161: discount
FIRST_STEP = "1"  # 1227: first step of calculation
PCD_ALLOWANCE = "1"  # 5245: allowance (percentage)
MOA_ALLOWANCE = "204"  # 5025: allowance amount


def allowance_segments(discount: Decimal | None, promotion: str | None) -> Iterator[Segment]:
    """ALC, PCD (a percentage promotion only) and MOA for a line's discount; nothing without one."""
    if not discount:
        return
    promotion_id, percent = described_parts(promotion or "")
    words = (promotion or "")[:35]
    yield segment("ALC", ALLOWANCE, ((promotion_id or "")[:35],), None, FIRST_STEP, (DISCOUNT, "", "", words))
    if percent is not None:
        yield segment("PCD", (PCD_ALLOWANCE, decimal_text(percent)))
    yield segment("MOA", (MOA_ALLOWANCE, decimal_text(discount)))

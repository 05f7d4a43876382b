"""Order numbers read on a scan with small letters whose capitals share their shape: doubtful.

A "c", "o", "s" (`parsers.layout.header_mends.LIKE_CAPITALS`) is its capital made smaller; on a fax, skewed
and with scan lines lost, OCR tells the two by height alone, and a normal fax keeps half the height.
Order numbers print their letters as capitals ("OC-2026-41865", "PO48073"): one read "oc-2026-41865"
names another reference than the customer's, and a reading of the same ink again, or a second copy,
tells the case no better.  The layout reader puts one such letter upright among capitals, doubtful
(`header_mends.small_capital`); a number whose small letters are all of this kind but were not so mended
is kept as read and made doubtful here, whatever the re-reads said, for a person to settle.  A number
with a small letter of a shape of its own ("Ref-ab12") was printed in small letters: left as read.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.capture.domain.order import CapturedOrder
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.header_mends import LIKE_CAPITALS


def doubt_small_capitals(orders: Sequence[CapturedOrder]) -> list[CapturedOrder]:
    """`orders` with each order number read with small letters, all of a shape their capitals share,
    made doubtful (module docstring)."""
    out = []
    for order in orders:
        found = order.evidence_for("po_number")
        if found is not None and found.confidence > DOUBTFUL and case_by_size(order.po_number or ""):
            order = order.with_confidence("po_number", DOUBTFUL)
        out.append(order)
    return out


def case_by_size(value: str) -> bool:
    """Whether `value` has small letters and each is one whose capital has its shape, so that only
    their height said they are small."""
    small = {c for c in value if c.isalpha() and c.islower()}
    return bool(small) and small <= LIKE_CAPITALS

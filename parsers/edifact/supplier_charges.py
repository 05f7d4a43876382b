"""The charges on a supplier's INVOIC that are no goods (carriage, duties, insurance): header-level
ALC segments with indicator C, each with its MOA 23 or 8, read per invoice so that purchasing can
spread them over the received goods as landed cost."""

from __future__ import annotations

import warnings
from decimal import Decimal, InvalidOperation

from pydifact.exceptions import EDISyntaxError, MissingImplementationWarning, ValidationError
from pydifact.segmentcollection import Interchange
from pydifact.segments import Segment

from core.purchasing.domain.landed import Charge
from parsers.edifact.supplier import decoded, element_at

# UN/EDIFACT 7161, special service: the ones a supplier's invoice carries for goods bought
KINDS = {"FC": "carriage", "FI": "carriage", "ABW": "duties", "CD": "duties", "IN": "insurance"}
AMOUNTS = ("23", "8")  # MOA 5025: charge amount, allowance or charge amount


def read_invoice_charges(content: bytes) -> dict[str, tuple[Charge, ...]]:
    """Per INVOIC (by its BGM number), its header charges; {} when the interchange cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MissingImplementationWarning)
            messages = list(Interchange.from_str(decoded(content).lstrip("\ufeff")).get_messages())
    except (EDISyntaxError, ValidationError, ValueError):
        return {}
    out: dict[str, tuple[Charge, ...]] = {}
    for message in messages:
        if message.type == "INVOIC":
            reference, charges = _charges(list(message.segments))
            if charges:
                out[reference] = charges
    return out


def _charges(segments: list[Segment]) -> tuple[str, tuple[Charge, ...]]:
    reference, found, current = "", [], None
    for seg in segments:
        if seg.tag == "BGM":
            reference = element_at(seg, 1)
        elif seg.tag in ("LIN", "UNS"):
            break  # line charges are in the lines' prices; only the invoice's own are landed cost
        elif seg.tag == "ALC":
            code = element_at(seg, 4)
            current = KINDS.get(code, code.lower() or "charge") if element_at(seg, 0) == "C" else None
        elif seg.tag == "MOA" and current is not None and element_at(seg, 0) in AMOUNTS:
            try:
                amount = Decimal(element_at(seg, 0, 1).replace(",", "."))
            except InvalidOperation:
                continue
            if amount > 0:
                found.append(Charge(current, amount))
            current = None
    return reference, tuple(found)

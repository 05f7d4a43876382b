"""Names for the files we write for partners, safe on any filesystem."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")
_MAX_PART = 60  # keeps the whole name far below the usual 255-byte limit


def _safe(value: str) -> str:
    """ASCII letters, digits and '-' only: accents dropped, every other run becomes one '_'.

    When that changes the value, a short hash of the original follows, so "A/B" and "A:B" stay apart.
    """
    decomposed = unicodedata.normalize("NFKD", value)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    safe = _UNSAFE.sub("_", ascii_only).strip("_-")[:_MAX_PART].strip("_-")
    if safe == value:
        return safe
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe}-{digest}" if safe else digest


def outbound_filename(kind: str, partner_id: str, control_ref: str) -> str:
    """E.g. ``ORDRSP_5412345000013_42.edi`` for kind "ordrsp", partner 5412345000013, reference 42.

    Path separators, dots, drive letters, spaces, accents and control characters cannot survive, and
    the kind prefix keeps the name clear of reserved device names (CON, NUL, ...) and of dot-files.
    """
    prefix = _UNSAFE.sub("", str(kind)).upper()
    if not prefix:
        raise ValueError(f"unusable message kind {kind!r}")
    if not partner_id or not control_ref:
        raise ValueError("partner_id and control_ref are required")
    return f"{prefix}_{_safe(partner_id)}_{_safe(control_ref)}.edi"

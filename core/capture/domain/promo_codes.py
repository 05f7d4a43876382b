"""Promotion codes an order quotes: where a captured order carries them and how a text quotes them."""

from __future__ import annotations

import re

# The reference qualifier a captured order carries a promotion code under: UN/EDIFACT 1153 "PD",
# promotion deal number (an EDIFACT order's RFF+PD:CODE; e-mail and PDF text give it the same way).
PROMO_REFERENCE = "PD"
# the look-ahead: a label begins with one of these letters, so the scan passes every other character
# at once instead of trying each label there (what it finds is unchanged)
_CODE_LABEL = re.compile(
    r"(?=[cdp])(?:c[óo]digo\s+(?:promocional|de\s+promoci[óo]n|de\s+descuento)|promo(?:tion(?:al)?)?\s+code"
    r"|cup[óo]n(?:\s+de\s+descuento)?|coupon(?:\s+code)?|discount\s+code)"
    r"\s*(?:[:#=]|\bes\b|\bis\b)?\s*[\"'«“]?([A-Za-z0-9][A-Za-z0-9_-]{2,31})\b",
    re.IGNORECASE,
)


def codes_in(text: str) -> tuple[str, ...]:
    """The promotion codes a text quotes ("código promocional: XMAS26", "promo code XMAS26"), upper
    case, each once, in order; a code must hold a digit or be written in capitals, so that "promo code
    below" quotes none."""
    found: list[str] = []
    for match in _CODE_LABEL.finditer(text):
        code = match.group(1)
        if (any(ch.isdigit() for ch in code) or code.isupper()) and code.upper() not in found:
            found.append(code.upper())
    return tuple(found)

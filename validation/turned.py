"""A code a fax turned glyph for glyph, matched against master data's codes: a normal fax keeps every other
scan line, so an 8 whose waist is lost reads 3, 6 or 9 and one whose sides close reads B, a 0 reads O, D,
Q (or, its loop opened or closed by a lost or added scan line, 6, 8 or 9), a 1 reads I, l or 7, a 5 reads
S, a 2 reads Z, all through one code ("B4370D01O0Z25" for 8437000100225, "TORM1000" for TOR-M10-60). The
look-alike groups of validation.lookalike hold letters for figures only; these turns of one figure into
another are why a code so read is none of master data's, nor within the few slips the other repairs
allow.

A code read fits a code printed when, case and marks aside (hyphens lost or added), it is as long and
each character read is the printed one or a character `TURNED` says the fax makes of it (only the codes
read in their cells: a code joined from pieces, `code_repairs`, is a guess already). The line is
taken for a product only when exactly one code fits, looked for in this customer's own codes first, then
our SKUs, then the GTINs, and no code of another tier fits another product; and only when the line's
description names that product (validation.garbled.described). A line so matched always waits for a
person (validation.decide.by_lookalike): every character may have been turned, so no code read vouches
for itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.capture.domain.order import CapturedLine
from core.kernel.domain.model import Product
from validation.garbled import described
from validation.lookalike import bare

# What a fax and OCR make of a printed character (printed -> read), both ways across letters and figures.
TURNED: dict[str, str] = {
    "8": "369B0", "0": "ODQU689", "1": "IL7T|!", "5": "S6", "2": "Z", "6": "G80B", "3": "8",
    "9": "8G", "4": "A", "7": "1", "B": "8R", "O": "0DQ", "D": "0O", "S": "5", "Z": "2",
    "I": "1L", "L": "1I", "G": "6C", "C": "G", "A": "4",
}  # fmt: skip
MIN_LENGTH = 4  # characters (marks aside) a code must show: a shorter one fits too many


def turned_from(read: str, printed: str) -> bool:
    """Whether the code `read` is the code `printed` with characters the fax turned (`TURNED`), each in
    its place, case and marks aside."""
    a, b = bare(read), bare(printed)
    return len(a) == len(b) >= MIN_LENGTH and all(
        x == y or x in TURNED.get(y, "") for x, y in zip(a, b, strict=True)
    )


def turned_match(line: CapturedLine, products: Sequence[Product], own: Mapping[str, str]) -> Product | None:
    """The one product whose code a code of the line is, turned glyph for glyph (see the module), when the
    line's description names it; None when none or several fit, or on a line no page was read for."""
    if not (line.code_readings or line.code_repairs):
        return None  # not read by OCR: a text layer's code is what was printed
    read = [c for c in (line.item_code, line.buyer_item_code, line.supplier_item_code) if c]
    tiers = (
        list(own.items()),
        [(p.sku, p.sku) for p in products],
        [(p.gtin, p.sku) for p in products if p.gtin],
    )
    found = [{sku for printed, sku in tier for code in read if turned_from(code, printed)} for tier in tiers]
    first = next((skus for skus in found if skus), set())
    if len(first) != 1 or any(skus - first for skus in found):
        return None
    (sku,) = first
    product = next((p for p in products if p.sku == sku), None)
    return product if product is not None and described(line, product, products) else None

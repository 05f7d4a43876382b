"""A code a fax garbled past every reading the OCR step tried, matched against master data's codes as
the last resort before a line is left unknown: only on lines read from a page by OCR (they carry other
readings or repairs of their code), only when exactly one product's code fits, and only when the line's
description names that product.  A line so matched always waits for a person (validation.decide).

A code read fits a code printed when, case and marks aside (hyphens and spaces lost or added):

- each character is the printed one or its look-alike in its place ("ALA-GAI-2" for ALA-GAL-2; a small
  "r" for a "T", "ror-M8-40");
- or so, with the code's last one or two characters lost ("GUA-NIT" for GUA-NIT-L, "TOR-M84" for
  TOR-M8-40), the part read at least `MIN_CUT` characters: only a code read in its own cell with no
  piece read after it (a piece joined on, "CIN-AIS" + "18", shows where the code ended);
- or, for a GTIN, every figure read is the GTIN's figure in its place and the characters that are no
  figures ("$43/000100%25") stand where figures went unread, at least `MIN_FIGURES` figures read;
- or, for a word of the description with a hyphen in it (a code printed there: "CIM-AIS-19"), it lies the
  few OCR slips from the code that validation.lookalike allows.

The candidates are the line's codes, their repairs (`CapturedLine.code_repairs`) and the code-like words
of its description, a code a space cut in two ("CIN-AIS 19", "SIL- RA-300") joined again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from core.capture.domain.order import CapturedLine
from core.kernel.domain.model import Product
from validation.fuzzy import product_by_description
from validation.lookalike import alike_in_place, allowed, bare, names, slips

MIN_CUT = 5  # characters (marks aside) a code cut short must still show
MAX_LOST = 2  # characters a code cut short may have lost at its end
MIN_FIGURES = 10  # figures of a GTIN that must be read, each in its place
GTIN_LENGTHS = (8, 13, 14)
_WORD_EDGE = "[](){}<>#:;,.'\"«»_—–~-"
_CODE_WORD = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$")
_HYPHEN_CUT = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*-$")  # a code's head a space cut after its hyphen
_CAPITALS = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")  # the rest of such a code


def garbled_match(
    line: CapturedLine, products: Sequence[Product], known: Sequence[tuple[str, str]]
) -> Product | None:
    """The one product a code of the line fits (see the module), when the line's description, its code
    words aside, names it; None when none or several fit."""
    if not (line.code_readings or line.code_repairs):
        return None  # not read by OCR: a text layer's code is what was printed
    own = [c for c in (line.item_code, line.buyer_item_code, line.supplier_item_code) if c]
    # a code's pieces joined again show where the code ends: only a code read in its own cell, with no
    # piece read after it, may have lost its end
    cut = [c for c in own if not any(_goes_on(c, r) for r in line.code_repairs)]
    found = {sku for code in own for sku in _fitting(code, known, cut=code in cut)}
    found |= {sku for code in line.code_repairs for sku in _fitting(code, known)}
    words = list(_description_codes(line.description or ""))
    found |= {sku for code in words for sku in _fitting(code, known, near=True)}
    if len(found) != 1:
        return None
    (sku,) = found
    product = next((p for p in products if p.sku == sku), None)
    return product if product is not None and described(line, product, products) else None


def described(line: CapturedLine, product: Product, products: Sequence[Product]) -> bool:
    """Whether the line's description, its code words aside, names `product`: the product it reads most
    like is this one, or (when it reads like none clearly) half of its name's words stand in it."""
    said = " ".join(w for w in (line.description or "").split() if not _CODE_WORD.match(w.strip(_WORD_EDGE)))
    guess = product_by_description(said, products) if said else None
    return guess[0].sku == product.sku if guess else bool(said) and names(said, product)


def _goes_on(code: str, repair: str) -> bool:
    """Whether `repair` is `code` with a piece read after it joined on."""
    a, b = bare(code), bare(repair)
    return len(b) > len(a) and b.startswith(a)


def _fitting(
    code: str, known: Sequence[tuple[str, str]], *, cut: bool = False, near: bool = False
) -> set[str]:
    out = {sku for printed, sku in known if fits(code, printed, cut=cut)}
    if near and len(bare(code)) >= MIN_CUT:
        limit = allowed(code)
        out |= {sku for printed, sku in known if slips(code, printed) <= limit}
    return out


def fits(read: str, printed: str, *, cut: bool = False) -> bool:
    """Whether the code `read` fits the code `printed` (see the module): look-alikes in place, a GTIN's
    unread figures, or with `cut`, the end cut off."""
    if _gtin_unread(read, printed):
        return True
    a, b = _bare_keeping_r(read), bare(printed)
    if len(a) == len(b):
        return bool(a) and _alike(a, b)
    lost = len(b) - len(a)
    return cut and 0 < lost <= MAX_LOST and len(a) >= MIN_CUT and _alike(a, b[: len(a)])


def _bare_keeping_r(code: str) -> str:
    """`bare(code)`, a small "r" kept small: a fax's "T" reads as one ("ror-M8-40")."""
    marked = code.replace("r", "\0")
    return bare(marked).replace("\0", "r")


def _alike(read: str, printed: str) -> bool:
    """Look-alikes in place (`lookalike.alike_in_place`), a small "r" where a "T" was printed."""
    turned = "".join("T" if x == "r" and y == "T" else x.upper() for x, y in zip(read, printed, strict=True))
    return alike_in_place(turned, printed)


def _gtin_unread(read: str, printed: str) -> bool:
    text = read.strip()
    if not printed.isdigit() or len(printed) not in GTIN_LENGTHS or len(text) != len(printed):
        return False
    figures = [(x, y) for x, y in zip(text, printed, strict=True) if x.isdigit()]
    return len(figures) >= MIN_FIGURES and all(x == y for x, y in figures)


def _description_codes(description: str) -> Iterator[str]:
    """The words of a description that look like codes (a hyphen between letters or figures), each such
    word joined with the short piece after it where a space cut a code ("CIN-AIS 19"), and a head of
    capitals ending in a hyphen joined with the word after it where a space cut a code after a hyphen
    ("SIL- RA-300", fitting SIL-TRA-300 a letter lost, as any description's code word may)."""
    raw = description.split()
    words = [w.strip(_WORD_EDGE) for w in raw]
    for i, (word, after) in enumerate(itertools.zip_longest(words, words[1:], fillvalue="")):
        if _HYPHEN_CUT.match(raw[i]) and _CAPITALS.match(after):
            yield f"{word}-{after}"  # "SIL- RA-300": a space read after a hyphen, the code's pieces joined
        if not _CODE_WORD.match(word):
            continue
        yield word
        if after and len(after) <= MAX_LOST + 1 and after.isalnum() and any(c.isdigit() for c in after):
            yield f"{word}-{after}"

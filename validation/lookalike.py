"""A code OCR misread on a fax, matched against the codes master data knows: the line's codes compared with
every SKU and GTIN of the catalogue and every code of this customer's own, a look-alike character
("O" for "0", "I" or "l" for "1", "S" for "5", "B" for "8"), a hyphen or speck dropped or doubled costing
half a slip and any other character a whole one.  The one product whose code is that few slips away,
when no other product's is, and whose name the line's description reads as, is the line's product.

Used only after the code as read, and every other reading of it (`CapturedLine.code_readings`), named
nothing, and only when the line's description names that product too (validation.resolve).  The product
so found is vouched for only by the line's price: a line whose price does not agree with it waits for a
person (validation.decide.by_lookalike).

A code whose only differences from one product's code are look-alike characters, each where the other
stands (`alike_only`: "T0R-M8-4O", "HH-GLOVF-L"), is that product's code even when the description
names nothing (a blank or garbled one; never one that reads as another product): its shape is the
printed code's, character for character.  It waits for a person all the same unless its price vouches.
A small letter read amid figures ("BRI-NY-2b0") is a figure the fax thinned (`figures_back`): master
data's codes print capitals, so it is compared as the figure it looks like, not as the capital.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from core.capture.domain.misread import figures_back
from core.kernel.domain.model import Product
from validation.fuzzy import fold

# Characters a fax makes of one another; a substitution inside one group is half a slip.
LOOK_ALIKE = ("0ODQ", "1IL|!T", "5S$", "8B", "2Z", "6G", "GC", "4A", "EF", "UV")
# What a speck or a lost stroke leaves where a hyphen was (or adds beside one): half a slip each.
MARKS = "-.,:;_~'\"`´‘’“”*/ "
HALF = 0.5
# Slips allowed by a code's length (characters with its marks off): a number (digits alone have no
# shapes to tell a slip by) one digit at most, a code of four characters one look-alike.
NUMBER_SLIPS = 1.0
MIN_LENGTH = 4
# A description names the product a misread code looks like when this share of its name's words (of
# three characters or more) stand in it, each read at least this alike (a fax misreads descriptions as
# it misreads codes: "NLTRILO" for "NITRILO").
NAMED_SHARE = 0.5
WORD_LIKENESS = 80
MIN_WORD = 3


def allowed(code: str) -> float:
    """How many slips a code read like this may be from the code printed."""
    bare = _bare(code)
    if len(bare) < MIN_LENGTH:
        return 0.0
    if bare.isdigit():
        return NUMBER_SLIPS if len(bare) >= 6 else HALF
    if len(bare) == MIN_LENGTH:
        return HALF
    if len(bare) <= 6:
        return 1.0
    return 1.5 if len(bare) <= 8 else 2.0


def _bare(code: str) -> str:
    return "".join(c for c in code if c not in MARKS)


def _fold(code: str) -> str:
    plain = unicodedata.normalize("NFKD", code.upper())
    return "".join(c for c in plain if not unicodedata.combining(c)).strip(MARKS)


@lru_cache(maxsize=4096)
def slips(read: str, printed: str) -> float:
    """The edit distance from the code printed to the code read, a look-alike or a mark half a slip."""
    a, b = _fold(read), _fold(printed)
    row = [0.0]
    for cb in b:
        row.append(row[-1] + _indel(cb))
    for ca in a:
        prev, row[0] = row[0], row[0] + _indel(ca)
        for j, cb in enumerate(b, 1):
            cost = prev + _swap(ca, cb)
            prev, row[j] = row[j], min(row[j] + _indel(ca), row[j - 1] + _indel(cb), cost)
    return row[-1]


def _indel(char: str) -> float:
    return HALF if char in MARKS else 1.0


def _swap(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in MARKS and b in MARKS:
        return 0.0
    if any(a in group and b in group for group in LOOK_ALIKE):
        return HALF
    return 1.0


def alike_only(read: str, printed: str) -> bool:
    """Whether the code `read` differs from `printed` (marks aside, case aside) only by look-alike
    characters each in the other's place, at least one of them."""
    a, b = bare(read), bare(printed)
    return a != b and alike_in_place(a, b)


def bare(code: str) -> str:
    """`code` as the look-alike comparisons weigh it: in capitals, accents and marks left out."""
    return _bare(_fold(code))


def alike_in_place(a: str, b: str) -> bool:
    """Whether two `bare` codes are as long and each character of one is the other's or a look-alike
    of it in its place: a code read with its separators lost, doubled, spaced or swapped for another
    mark is so alike to the code printed (validation.apart)."""
    return len(a) == len(b) and all(_swap(x, y) <= HALF for x, y in zip(a, b, strict=True))


def known_codes(products: Sequence[Product], own: Mapping[str, str]) -> list[tuple[str, str]]:
    """(code, sku) for every SKU and GTIN of the catalogue and every code of the customer's own."""
    out = [(p.sku, p.sku) for p in products]
    out += [(p.gtin, p.sku) for p in products if p.gtin]
    out += list(own.items())
    return out


def nearest(codes: Sequence[str], known: Sequence[tuple[str, str]]) -> str | None:
    """The SKU of the one product whose code one of `codes` is at most `allowed` slips from; None when no
    product's is, or when two products' are (a person decides then)."""
    found: set[str] = set()
    for code in _figures_read_back(codes, known):
        limit, size = allowed(code), len(bare(code))
        # each character more or fewer (marks aside) is a whole slip: most codes need no comparing
        near = [(p, sku) for p, sku in known if abs(len(bare(p)) - size) <= limit]
        if limit > 0:
            found |= {sku for printed, sku in near if slips(code, printed) <= limit}
    return next(iter(found)) if len(found) == 1 else None


def alike_in_shape(codes: Sequence[str], known: Sequence[tuple[str, str]], sku: str) -> bool:
    """Whether one of `codes` differs from a known code of `sku` only by look-alike characters in their
    places (`alike_only`), small letters amid figures read as figures where no known code prints one."""
    return any(
        alike_only(code, printed)
        for code in _figures_read_back(codes, known)
        for printed, s in known
        if s == sku
    )


def _figures_read_back(codes: Sequence[str], known: Sequence[tuple[str, str]]) -> Sequence[str]:
    """`codes` with small letters amid figures read as the figures they look like (`figures_back`),
    where no known code prints a small letter; else as read."""
    if any(c.islower() for printed, _ in known for c in printed):
        return codes
    return [figures_back(c) for c in codes]


def names(description: str, product: Product) -> bool:
    """Whether the description names the product (`NAMED_SHARE` of the words of its Spanish or English
    name in it, each `WORD_LIKENESS` alike or more)."""
    said = [w for w in fold(description).split() if len(w) >= MIN_WORD]
    for name in (product.name, product.description_en):
        wanted = {w for w in fold(name or "").split() if len(w) >= MIN_WORD}
        stood = [w for w in wanted if any(fuzz.ratio(w, s) >= WORD_LIKENESS for s in said)]
        if wanted and len(stood) >= NAMED_SHARE * len(wanted):
            return True
    return False

"""A code printed at the head of a line's description and read with its separators lost or spaced
("GUANITL" for GUA-NIT-L, "SIL TRA 300" for SIL-TRA-300): compared with master data's codes separators
aside, a look-alike character (validation.lookalike) counting as the one it stands for in its place.

Such a reading is one of two: it names a product only when exactly one product's code is so alike and
the words after it name the same product by themselves (validation.resolve), so neither reading alone
settles the line.  A code so alike to two products, or words naming another, settle nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.capture.domain.order import CapturedLine
from core.capture.domain.resolution import MasterData
from core.kernel.domain.model import Customer, Product
from validation.fuzzy import product_by_description
from validation.lookalike import MARKS, MIN_LENGTH, alike_in_place, bare, known_codes

# The head of a description may hold a code cut into this many words ("SIL TRA 300").
MAX_WORDS = 3
# A word of a code as a fax prints it: capitals, figures and separators, nothing else.
_CODE_WORD = re.compile(r"^[A-Z0-9./\-]+$")
_AROUND = "[](){}<>#:;,'\"«»_"


def heads(words: Sequence[str]) -> list[tuple[str, int]]:
    """The codes the first words may be read as, each with the number of words it takes: the first word,
    the first two run together, the first three; only words of capitals, figures and separators."""
    out = []
    for n, word in enumerate(words[:MAX_WORDS], start=1):
        if not _CODE_WORD.match(word.strip(_AROUND)):
            break
        head = "".join(w.strip(_AROUND) for w in words[:n])
        if sum(c not in MARKS for c in head) >= MIN_LENGTH:
            out.append((head, n))
    return out


def named_apart(description: str, known: Sequence[tuple[str, str]]) -> tuple[str, int] | None:
    """The SKU whose code (one of `known`, (code, sku)) the description's head reads as, separators
    aside, and how many words that code takes; None when no product's does, or when two products' codes
    are so read anywhere in the description (its head or any later word that may be a code)."""
    words = description.split()
    # each known code made bare once, by length: only codes as long as a head's bare form can be alike
    by_length: dict[int, list[tuple[str, str]]] = {}
    for printed, sku in known:
        code = bare(printed)
        by_length.setdefault(len(code), []).append((code, sku))
    found: dict[str, int] = {}
    elsewhere: set[str] = set()
    for start in range(len(words)):
        for head, n in heads(words[start:]):
            read = bare(head)
            for code, sku in by_length.get(len(read), ()):
                if alike_in_place(read, code):
                    if start == 0:
                        found.setdefault(sku, n)
                    else:
                        elsewhere.add(sku)
    if len(found) != 1 or elsewhere - set(found):
        return None
    return next(iter(found.items()))


def code_apart(line: CapturedLine, customer: Customer | None, master: MasterData) -> Product | None:
    """The product of a line with no code of its own whose description starts with that product's code
    read separators aside (`named_apart`, this customer's own codes among master data's), when the words
    after the code name that same product by themselves: two readings, the code's and the words', vouch
    for it.  None otherwise (the description alone then only suggests a product, for a clerk)."""
    if line.codes or not line.description:
        return None
    products = master.products()
    own = master.customer_codes(customer.customer_id) if customer is not None else {}
    named = named_apart(line.description, known_codes(products, own))
    if named is None:
        return None
    sku, taken = named
    guess = product_by_description(" ".join(line.description.split()[taken:]), products)
    return guess[0] if guess is not None and guess[0].sku == sku else None

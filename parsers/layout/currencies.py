"""Whether a word on the page is a currency alone: the one test the table readers make of a currency
standing beside a figure in its cell or after a money heading."""

from __future__ import annotations

from parsers.layout.geometry import Tok
from parsers.layout.vocab import CURRENCIES, ISO_CURRENCIES


def is_currency(tok: Tok) -> bool:
    """Whether the word names a currency and nothing else: a sign or word of CURRENCIES as label
    matching sees it ("EUR.", "Dólares", "(€)"), or an ISO 4217 code, bare or in brackets ("MXN",
    "(CHF)")."""
    return tok.key in CURRENCIES or tok.text.strip("()[]") in ISO_CURRENCIES

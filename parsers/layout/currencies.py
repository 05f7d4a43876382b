"""Currencies as words on the page show them: whether a word is a currency alone, the one test the
table readers make of a currency standing beside a figure in its cell or after a money heading; and
the currency a word's money sign or currency word stands for."""

from __future__ import annotations

from parsers.layout.geometry import Tok
from parsers.layout.numbers import strip_money
from parsers.layout.vocab import CURRENCIES, ISO_CURRENCIES


def is_currency(tok: Tok) -> bool:
    """Whether the word names a currency and nothing else: a sign or word of CURRENCIES as label
    matching sees it ("EUR.", "Dólares", "(€)"), or an ISO 4217 code, bare or in brackets ("MXN",
    "(CHF)")."""
    return tok.key in CURRENCIES or tok.text.strip("()[]") in ISO_CURRENCIES


def currency_sign(tok: Tok) -> str | None:
    """The ISO code of the currency a word's money sign ("45,00€", "$3.10") or the word itself as a
    currency word ("EUR", "Euros") stands for; None for any other word."""
    return strip_money(tok.text)[1] or CURRENCIES.get(tok.key)

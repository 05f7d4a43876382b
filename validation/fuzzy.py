"""Fuzzy matching when codes fail: a customer by name and address, a product by its description.

A fuzzy match never decides alone: it fills in the likely customer or SKU and leaves a problem, so
a clerk confirms it with one key (and the confirmation teaches the customer's code).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from core.capture.domain.order import Party
from core.kernel.domain.model import Customer, Product

# A candidate must score at least this (0-100) and beat the next best by the margin.
CUSTOMER_SCORE = 88
PRODUCT_SCORE = 85
MARGIN = 6
# Words that say what kind of company, not which one.
_LEGAL = re.compile(r"\b(s\.?\s?l\.?u?|s\.?\s?a\.?|sociedad limitada|ltd|limited|plc|gmbh|inc|llc|co)\b\.?")
T = TypeVar("T")


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


# Master data's names and descriptions folded once each, not once per order that is compared with them
# (keyed by the text itself: a name changed in master data is a new key, nothing to invalidate).
FOLDED_KEPT = 8192


@lru_cache(maxsize=FOLDED_KEPT)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=FOLDED_KEPT)
def _company(name: str) -> str:
    """A company's name folded, without the words that say what kind of company it is."""
    return _LEGAL.sub(" ", fold(name)).strip()


@dataclass(frozen=True)
class Fuzzy:
    """The best candidate, how well it matched (0-100), and what it was compared with."""

    score: float
    compared: str


def _best(query: str, candidates: Iterable[tuple[T, Sequence[str]]], floor: float) -> tuple[T, Fuzzy] | None:
    scored: list[tuple[float, T]] = []
    for item, texts in candidates:
        score = max((fuzz.token_set_ratio(query, t) for t in texts if t), default=0.0)
        scored.append((score, item))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if not scored or scored[0][0] < floor:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None  # two customers or products read alike: let a person choose
    return scored[0][1], Fuzzy(round(scored[0][0], 1), query)


def customer_by_name(party: Party, customers: Sequence[Customer]) -> tuple[Customer, Fuzzy] | None:
    """The customer whose name reads like the buyer's; the address must not contradict it."""
    if not party.name:
        return None
    query = _company(party.name)
    if len(query) < 4:
        return None
    found = _best(query, ((c, [_company(c.name)]) for c in customers), CUSTOMER_SCORE)
    if found is None:
        return None
    customer, how = found
    postal = (party.postal_code or "").replace(" ", "")
    if postal and customer.postal_code and postal != customer.postal_code.replace(" ", ""):
        city = fold(party.city or "")
        if not city or city != fold(customer.city or ""):
            return None  # same name, another place: not ours to guess
    return customer, how


def product_by_description(
    description: str | None, products: Sequence[Product]
) -> tuple[Product, Fuzzy] | None:
    """The product whose name (Spanish) or English description reads like the line's description."""
    if not description:
        return None
    query = fold(description)
    if len(query) < 6:
        return None
    texts = ((p, [_folded(p.name), _folded(p.description_en or "")]) for p in products)
    return _best(query, texts, PRODUCT_SCORE)

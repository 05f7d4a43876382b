"""Telling what a spreadsheet cell labels: a table column, an order field beside its value, or a total.

The Spanish and English words are the layout reader's (`parsers.layout.vocab`), matched on whole
cells case- and accent-insensitively; a bilingual label ("Cliente / Customer no.") is tried part by
part, and the longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from parsers.layout.text import fold, token_key
from parsers.layout.vocab import (
    COLUMNS,
    CURRENCIES,
    ENGLISH,
    HEADER_LABELS,
    ISO_CURRENCIES,
    SPANISH,
    TOTALS,
)

Phrases = tuple[tuple[str, ...], ...]
MAX_LABEL = 60  # characters; a longer cell is text, not a label


def phrases(texts: str) -> Phrases:
    """Label phrases ("a b|c") as tuples of folded words."""
    out = {tuple(k for w in t.split() if (k := token_key(w))) for t in texts.split("|")}
    return tuple(p for p in out if p)


def _merged(base: Mapping[str, Phrases], extra: Mapping[str, Phrases]) -> dict[str, Phrases]:
    return {kind: base.get(kind, ()) + extra.get(kind, ()) for kind in {*base, *extra}}


# Headings spreadsheets use that printed orders seldom do.
COLUMN_KINDS = _merged(
    COLUMNS,
    {
        "code": phrases(
            "sku|código producto|codigo producto|ref. artículo|referencia artículo|product no|item number"
            "|product id|article number|cod. producto"
        ),
        "gtin": phrases("ean 13|ean-13|upc|código ean13"),
        "qty": phrases(
            "uds|unidades pedidas|uds pedidas|cantidad solicitada|order qty|order quantity|pcs|pieces"
            "|units ordered"
        ),
        "price": phrases("precio ud|precio/unidad|precio por unidad|price per unit|unit net price"),
        "amount": phrases("precio total|total línea|importe línea|line amount|total neto línea"),
    },
)
FIELD_KINDS = _merged(
    HEADER_LABELS,
    {
        "po_number": phrases("nº de pedido cliente|número pedido|po ref|order ref|order reference"),
        "party_id": phrases("cliente nº|código cliente|cod. cliente|customer code|account"),
        "notes": phrases("observaciones|notas|comentarios|notes|comments|remarks|instrucciones"),
    },
)


@dataclass(frozen=True)
class Hit:
    """A cell read as a label of `kind`: the phrase's length, and the words after it."""

    kind: str
    size: int
    rest: tuple[str, ...]


_INDEX: dict[int, dict[str, list[tuple[tuple[str, ...], str]]]] = {}


def _index(vocab: Mapping[str, Phrases]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by their first word (built once per vocabulary)."""
    found = _INDEX.get(id(vocab))
    if found is None:
        found = {}
        for kind, group in sorted(vocab.items()):
            for phrase in group:
                found.setdefault(phrase[0], []).append((phrase, kind))
        _INDEX[id(vocab)] = found
    return found


def keys(text: str) -> tuple[str, ...]:
    return tuple(k for w in text.split() if (k := token_key(w)))


def match(text: str, vocab: Mapping[str, Phrases], slack: int = 0) -> Hit | None:
    """The label `text` is: a phrase making up the whole cell (or one part of a bilingual one), or
    followed by at most `slack` words ("Precio unitario (€)"); exact and longer phrases win."""
    if len(text) > MAX_LABEL:
        return None
    index = _index(vocab)
    best: tuple[bool, int, Hit] | None = None
    for part in dict.fromkeys((text, *re.split(r"\s*[/|\n]\s*", text))):
        words = keys(part)
        for phrase, kind in index.get(words[0], ()) if words else ():
            n = len(phrase)
            if words[:n] != phrase or len(words) - n > slack:
                continue
            rank = (len(words) == n, n)
            if best is None or rank > best[:2]:
                best = (*rank, Hit(kind, n, words[n:]))
    return best[2] if best else None


def column(text: str) -> str | None:
    hit = match(text, COLUMN_KINDS, slack=2)
    return hit.kind if hit else None


def field(text: str) -> str | None:
    hit = match(text.rstrip(" :"), FIELD_KINDS)
    return hit.kind if hit else None


def total(text: str) -> str | None:
    """ "net", "gross", "total" or "tax" for a total's label ("Total (EUR)", "IVA 21 %")."""
    hit = match(text, TOTALS, slack=2)
    if hit is None or any(w.isalpha() and w not in CURRENCIES for w in hit.rest):
        return None
    return hit.kind


def currency(text: str) -> str | None:
    """The currency a heading names ("Precio (€)", "Amount EUR")."""
    for word in keys(text):
        code = currency_code(word)
        if code:
            return code
    return None


def currency_code(word: str) -> str | None:
    """The ISO code of the currency one word names: a sign or word of CURRENCIES ("€", "Euros"), or an
    ISO 4217 code in any case ("mxn"); None for any other word."""
    return CURRENCIES.get(word.casefold()) or (word.upper() if word.upper() in ISO_CURRENCIES else None)


def language(texts: list[str]) -> str | None:
    """ "es" or "en" by the label words, None when neither shows."""
    words = [w for t in texts for w in re.findall(r"[^\W\d_]+", fold(t))]
    es = sum(w in SPANISH for w in words)
    en = sum(w in ENGLISH for w in words)
    if es == en:
        return None
    return "es" if es > en else "en"

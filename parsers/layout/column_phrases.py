"""The column phrases of a table heading's line: which of its words name which column ("Art.-Nr. /
Kurztext", "Cant. precio", "Item details"), and the words in brackets or a price's basis beside a
heading word that are its aside, never a column of their own.  `parsers.layout.stacked` reads them on
headings set over two or three lines, `parsers.layout.table` on one line."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.layout import labels
from parsers.layout.geometry import PHRASE_GAP, Tok
from parsers.layout.vocab import BASIS_UNITS, COLUMNS, PER_WORDS, STACKED_COLUMNS

CURRENCY_GAP = 0.8  # of a text height: a currency this close after a money heading names its currency
MAX_ASIDE = 4  # words in brackets after a heading ("(100 U.M.)") that are read as part of it


def column_hits(toks: Sequence[Tok]) -> list[labels.Hit]:
    """The column phrases among heading words; a code and a description phrase joined by a slash
    ("Art.-Nr. / Kurztext") head one column holding both.  Words in brackets are a heading's aside
    ("Price (per 1,000)", "Precio (EUR)"): no phrase runs into them or is found in them."""
    asides = heading_asides(toks)
    if not asides:
        hits = labels.find(toks, COLUMNS)
    else:
        hits = []
        start = 0
        for a, b in [*asides, (len(toks), len(toks))]:
            found = labels.find(toks[start:a], COLUMNS)
            hits += [replace(h, start=h.start + start, end=h.end + start) for h in found]
            start = b
    # "Item No. / Details": an item number (a position elsewhere) slashed to a description is the code
    items = {
        (h.start, h.end)
        for h in hits
        if h.kind == "pos" and any(t.key == "item" for t in toks[h.start : h.end])
    }
    hits = [replace(h, kind="code") if (h.start, h.end) in items else h for h in hits]
    hits = labels.slashed(toks, hits, "code", "description", "partdesc")
    # "ITEM NO. / Product", "Part No. / Article": two code headings slashed head one column too (the
    # code over or before the product's words)
    hits = labels.slashed(toks, hits, "code", "code", "partdesc")
    # "Ref. / Artículo / Descripción": a code heading slashed to a code-and-description one
    hits = labels.slashed(toks, hits, "code", "partdesc", "partdesc")
    hits = [replace(h, kind="pos") if (h.start, h.end) in items and h.kind == "code" else h for h in hits]
    return _item_details(toks, _price_quantity(toks, hits))


def _price_quantity(toks: Sequence[Tok], hits: list[labels.Hit]) -> list[labels.Hit]:
    """A quantity and a price phrase a word space apart that together name the units a price is for
    ("Cant. precio", "Price qty"), after the heading has named its quantity ("Uds. ... Cant. precio"):
    one basis column, not a second quantity and a price.  Set one over the other they are one column
    anyway (STACKED_COLUMNS); on one line they were two, and where OCR lost the price column's own
    word ("PRECIO EUR" read "EUR") the prices fell under "Cant." and the bases under "Precio"."""
    out: list[labels.Hit] = []
    skip = False
    for i, hit in enumerate(hits):
        if skip:
            skip = False
            continue
        after = hits[i + 1] if i + 1 < len(hits) else None
        if (
            hit.kind == "qty"
            and after is not None
            and after.kind == "price"
            and any(h.kind == "qty" for h in out)
            and hit.end == after.start
            and price_basis([t for t in toks[hit.start : after.end] if t.key])
        ):
            out.append(labels.Hit("per", hit.start, after.end, hit.size + after.size, after.colon))
            skip = True
            continue
        parted = _basis_then_amount(toks, hit, after) if any(h.kind == "qty" for h in out) else None
        if parted is not None:
            out += parted
            skip = True
            continue
        out.append(hit)
    return out


def _basis_then_amount(
    toks: Sequence[Tok], hit: labels.Hit, after: labels.Hit | None
) -> list[labels.Hit] | None:
    """ "Cant. | precio total EUR" where the page prints "Cant. precio | total EUR": the quantity word
    and the first word of an amount phrase name the units a price is for, and the amount phrase's
    other words alone name the amount.  A dot-matrix heading "UDS. ... PRECIO UNITARIO EUR CANT.
    PRECIO TOTAL EUR", its words one space apart, had "Cant." taken for a second quantity, the prices
    fell into its cells and the bases into the amount's, and every price was worked out from the
    amount.  Split only where both halves are phrases of their own."""
    if hit.kind != "qty" or after is None or after.kind != "amount" or hit.end != after.start:
        return None
    keyed = [i for i in range(after.start, after.end) if toks[i].key]
    if len(keyed) < 2:
        return None
    cut = keyed[0] + 1
    if not price_basis([t for t in toks[hit.start : cut] if t.key]):
        return None
    rest = labels.find(toks[cut : after.end], COLUMNS)
    if len(rest) != 1 or rest[0].kind != "amount" or rest[0].size != len(keyed) - 1:
        return None
    return [
        labels.Hit("per", hit.start, cut, hit.size + 1, False),
        labels.Hit("amount", cut, after.end, rest[0].size, after.colon),
    ]


def price_basis(words: Sequence[Tok]) -> bool:
    """Whether `words` are a phrase naming the units a price is for ("Cant. precio"), its words as close
    as the words of one phrase stand (`labels.MAX_GAP`): a typewriter's heading parts its columns by
    one space too, so there the phrase itself, no gap, says it is one heading."""
    return tuple(t.key for t in words) in STACKED_COLUMNS["per"] and all(
        b.x0 - a.x1 <= labels.MAX_GAP * max(a.h, b.h) for a, b in itertools.pairwise(words)
    )


DETAILS = frozenset(("details", "detail"))


def _item_details(toks: Sequence[Tok], hits: list[labels.Hit]) -> list[labels.Hit]:
    """ "Item details" beside a "Description" column holds something else about the item (a revision,
    a colour: a variant column); with no other column naming the description, it heads the item's
    code and the words about it."""
    if any(h.kind in ("description", "partdesc") for h in hits):
        return hits
    out: list[labels.Hit] = []
    for h in hits:
        if h.kind != "variant" or toks[h.end - 1].key not in DETAILS:
            out.append(h)
            continue
        last = h.end - 1
        before = [i for i in range(h.start, last) if toks[i].key]
        if before and toks[last].x0 - toks[before[-1]].x1 > PHRASE_GAP * max(
            toks[last].h, toks[before[-1]].h
        ):
            # "Item" and "Details" a cell apart, not a word space: two headings, a US purchase order's
            # "Item" over the line numbers (or codes) and "Details" over what is ordered
            found = labels.find(toks[h.start : last], COLUMNS)
            out += [replace(f, start=f.start + h.start, end=f.end + h.start) for f in found]
            out.append(labels.Hit("description", last, h.end, 1, h.colon))
            continue
        out.append(replace(h, kind="partdesc"))
    return out


_PER_WORDS = frozenset(PER_WORDS)
BASIS_NUMBER = re.compile(rf"^/?(?:{BASIS_UNITS})$")


def heading_asides(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Where words in brackets stand together ("(100 U.M.)", "(EUR)"): a heading's aside, never a
    column of its own, whatever words it holds.  A price basis after a heading word, bracketed or not
    ("Price per 1000", "Precio por 100", "Price /1000"), is an aside too: "price per" alone heads the
    column of bases ("Precio | Por"), but with its number it says what the price column's prices are for."""
    out = []
    i = 0
    while i < len(toks):
        if i and toks[i].text.startswith("/") and BASIS_NUMBER.match(toks[i].text):
            out.append((i, i + 1))
        elif (
            i
            and i + 1 < len(toks)
            and toks[i].text.casefold() in _PER_WORDS
            and BASIS_NUMBER.match(toks[i + 1].text)
            and toks[i + 1].x0 - toks[i].x1 < CURRENCY_GAP * toks[i + 1].h
        ):
            out.append((i, i + 2))
            i += 2
            continue
        elif toks[i].text.startswith("("):
            end = i + 1  # without its closing bracket ("Price (per" over "1000)"), up to the next gap
            for j in range(i, min(len(toks), i + MAX_ASIDE)):
                if j > i and toks[j].x0 - toks[j - 1].x1 >= CURRENCY_GAP * toks[j].h:
                    break
                end = j + 1
                if toks[j].text.endswith(")"):
                    break
            out.append((i, end))
            i = end - 1
        i += 1
    return out

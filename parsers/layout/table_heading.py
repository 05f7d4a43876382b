"""A line-item table's heading row (`parsers.layout.table`): whether a line is one, by its column words
in Spanish or English, the columns it names and where each stands, and a second heading line under it
taken into them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from parsers.layout import labels, stacked
from parsers.layout.cells import Column
from parsers.layout.column_phrases import CURRENCY_GAP, MAX_ASIDE, column_hits
from parsers.layout.geometry import PHRASE_GAP, Line, Tok
from parsers.layout.text import has_digit
from parsers.layout.vocab import BASIS_UNITS, PER_WORDS

# one-word headings that can only name an article code, so an "Item" column before one numbers the lines
NAMED_CODES = frozenset(("sku",))
ITEM_KINDS = ("code", "description", "price", "amount", "gtin", "partdesc")


def heading(line: Line, *, qty_lost: bool = False, garbled: bool = False) -> list[Column] | None:
    """The columns if `line` is a table heading: a quantity and two more item columns, little else;
    with `qty_lost`, three or more item columns without the quantity (OCR garbled "Qty" to "OT!");
    with `garbled`, a quantity, a description and a third column word among words OCR garbled past
    knowing ("sien E DESCRIPTION QTY UNIT FRTCF FacH AMUUN"), which the rows' arithmetic must confirm."""
    hits = column_hits(line.toks)
    kinds = [h.kind for h in hits]
    if garbled:
        if "qty" in kinds and "description" in kinds and len(hits) >= 3:
            return _columns(line, hits)
        return None
    keyed = sum(1 for t in line.toks if t.key)
    covered = sum(1 for h in hits for t in line.toks[h.start : h.end] if t.key)
    # the column words must make up most of the line: with three or more of them, OCR may have
    # garbled a few others ("cop." for "Cód.", a lost "Precio")
    enough = covered >= (0.5 if len(hits) >= 3 else 0.7) * keyed
    quantity = ("qty" not in kinds and len(hits) >= 3) if qty_lost else "qty" in kinds
    items = set(kinds) & set(ITEM_KINDS)
    if "partdesc" in items:  # one heading naming two item columns ("Product code / Description")
        items |= {"code", "description"}
    if not quantity or len(items) < 2 or not enough:
        return None
    return _columns(line, hits)


def _columns(line: Line, hits: list[labels.Hit]) -> list[Column]:
    kinds = [h.kind for h in hits]
    columns: list[Column] = []
    previous = 0
    for i, hit in enumerate(hits):
        toks = [t for t in line.toks[hit.start : hit.end] if t.key]
        kind = hit.kind
        following = hits[i + 1] if i + 1 < len(hits) else None
        if (
            kind == "code"
            and "pos" not in kinds
            and not columns
            and [t.key for t in toks] == ["item"]
            and following is not None
            and following.kind == "code"
            and (following.size > 1 or line.toks[following.start].key in NAMED_CODES)
        ):
            # "Item | Item code", "Item | SKU": the first is the line's number, the second names the code
            kind = "pos"
        elif kind == "code" and "code" in [c.kind for c in columns] and "description" not in kinds:
            kind = "description"
        if (
            columns
            and kind in [c.kind for c in columns]
            and _one_phrase(line.toks[max(0, previous - 1) : hit.start + 1])
        ):
            # the rest of the heading before it, with a word OCR garbled between ("Descripción det
            # artículo"): not a second column of that kind
            columns[-1].x1 = toks[-1].x1
            columns[-1].heading += " " + " ".join(t.text for t in line.toks[previous : hit.end])
        else:
            columns.append(Column(kind, toks[0].x0, toks[-1].x1, " ".join(t.text for t in toks)))
            if kind == "price":
                _over_basis(columns[-1], line.toks[hit.end : following.start if following else None])
        previous = hit.end
    return columns


# what a price heading's brackets hold when they state its basis: "(1000 UM)", "(por 100)", "(per 1,000)"
_BASIS_ASIDE = re.compile(
    rf"^(?:(?:{'|'.join(PER_WORDS)})\s*)?(?:{BASIS_UNITS})(?:\s+[^\s\d]{{1,6}})?$", re.IGNORECASE
)


def _over_basis(column: Column, after: Sequence[Tok]) -> None:
    """A price column reaches over the basis its heading states in brackets after it ("P. UNITARIO
    (1000 UM)"): the prices stand right-aligned under the bracket, past the heading's words, and a
    column that stopped at "UNITARIO" had no ink under it (its run then went to the column beside it)."""
    if not after or not after[0].text.startswith("(") or after[0].x0 - column.x1 > CURRENCY_GAP * after[0].h:
        return
    for end, tok in enumerate(after[:MAX_ASIDE]):
        if end and tok.x0 - after[end - 1].x1 > CURRENCY_GAP * max(tok.h, after[end - 1].h):
            return
        if tok.text.endswith(")"):
            inside = " ".join(t.text for t in after[: end + 1]).strip("()")
            if _BASIS_ASIDE.match(inside):
                column.x1 = max(column.x1, tok.x1)
            return


def _one_phrase(toks: list[Tok]) -> bool:
    """Whether the words stand a word space apart, as the words of one heading do."""
    return all(b.x0 - a.x1 <= PHRASE_GAP * a.h for a, b in itertools.pairwise(toks))


def extend_heading(columns: list[Column], line: Line, above: Line) -> bool:
    """Take a second heading line (a wrapped "Precio / unit.", a basis "(por 100)" under the price) into
    the columns it stands under."""
    if line.y0 - above.y1 > 1.2 * above.height or any(
        has_digit(t.text) for t in stacked.outside_brackets(line.toks)
    ):
        return False
    if len(line.toks) > len(columns):
        return False
    placed = []
    for tok in line.toks:
        near = [c for c in columns if tok.x0 < c.x1 + above.height and c.x0 - above.height < tok.x1]
        if not near:
            return False
        # the column it stands most under: "PRODUTO" under "CÓDIGO" also reaches within a text height
        # of "LINHA" before it, and taken into "LINHA" it made the position column overlap the codes,
        # which were then cut in two between them ("SIL-TRA-300" read as "RA-300")
        placed.append((max(near, key=lambda c: min(c.x1, tok.x1) - max(c.x0, tok.x0)), tok))
    for col, tok in placed:
        col.x0, col.x1 = min(col.x0, tok.x0), max(col.x1, tok.x1)
        col.heading += " " + tok.text
    return True

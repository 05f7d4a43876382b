"""Unheaded or loosely headed columns of item codes, descriptions and positions, told apart by what
their cells hold: a code heading over names beside a column of codes, names under a code heading, a
loose "Item" heading over positions, an "Item No." heading over codes, and a column no heading names
that holds the rows' numbers or their codes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.layout.columns import Segment, Unheaded
from parsers.layout.geometry import Line, Tok
from parsers.layout.numbers import looks_numeric
from parsers.layout.row_numbering import (
    POSITION_EDGE,
    SPECKS,
    numbered_as_read,
    numbered_but_slips,
    numbering,
)

_POSITION = re.compile(r"^\d{1,3}\.?$")
_LEAD = re.compile(r"^\d+")
LOOSE_CODE_HEADINGS = frozenset({"item", "ítem", "art", "items"})
HEADING_SPECKS = ".#:()|"  # a mark beside a heading word, or a speck a fax left there ("ITEM)")
DESCRIPTION_WORDS = 2.5  # words per cell, on average, of a column of descriptions
CODE_SHARE = 0.6  # share of a column's cells that must look like codes for it to be a code column


NAMES_SHARE = 0.2  # at most this share of a code column's item cells like codes: it holds names


def codes_beside_names(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """A code heading over names (its cells on the item rows words, hardly one like a code: "TUERCA",
    "CINTA", the head of each description) beside a column no heading names, left of the quantity,
    whose item cells are codes ("8437000100225", "LOR M8-40"): the codes stand there, under a heading
    OCR garbled, and the code heading is the description's first word read apart from the rest of
    it ("ARTÍCULO / DESCRIPCIÓN" with its slash lost).  Only one of each."""
    coded = [i for i, (_, _, h) in enumerate(segs) if h.kind == "code"]
    qty_x = min((x0 for x0, _, h in segs if h.kind == "qty"), default=float("inf"))
    if len(coded) != 1:
        return segs
    named = _on_item_rows(segs[coded[0]], segs, lines)
    if not named or sum(looks_code(c) for c in named) > NAMES_SHARE * len(named):
        return segs
    spare = [
        i
        for i, (x0, x1, h) in enumerate(segs)
        if h.kind == "other" and x1 <= qty_x and _codes_in(_on_item_rows(segs[i], segs, lines))
    ]
    if len(spare) != 1:
        return segs
    out = list(segs)
    (c,), (o,) = coded, spare
    out[c] = (segs[c][0], segs[c][1], Unheaded("description", segs[c][0], segs[c][1]))
    out[o] = (segs[o][0], segs[o][1], Unheaded("code", segs[o][0], segs[o][1]))
    return out


def texts_under_code(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    """Code columns and no description ("Artículo" over names, "Referencia" over numbers; "Product"
    over names, the codes labelled under them): the one whose cells are several words is the
    description.  Beside a code column that holds codes, any other code column holds names; and a
    description heading over codes beside a code heading over names ("PRODUCT ... ITEM CODE") has
    the two the wrong way round."""
    coded = [i for i, (_, _, h) in enumerate(segs) if h.kind == "code"]
    described = [i for i, (_, _, h) in enumerate(segs) if h.kind == "description"]
    worded = [i for i in coded if _worded(_cells(segs[i], lines))]
    rows = [line for line in lines if sum(looks_numeric(t.text) for t in line.toks) >= 2]
    codes = [i for i in coded if i not in worded and _codes(_cells(segs[i], rows))]
    out = list(segs)
    # no description heading, or another code column holding the codes: names are descriptions (a
    # column of one word to a cell, too, when the other holds the codes: the first words of the
    # descriptions, set apart by the white space after them)
    named = worded if not codes else [i for i in coded if i not in codes]
    if not described or codes:
        for i in named:
            out[i] = (segs[i][0], segs[i][1], Unheaded("description", segs[i][0], segs[i][1]))
        return out
    # "PRODUCT ... ITEM CODE", the second code heading taken for the description: the column of names
    # is the description, and the one of codes under the description heading holds the codes
    if len(worded) == 1 and len(described) == 1:
        d, c = described[0], worded[0]
        if _codes(_cells(segs[d], rows)):
            out[c] = (segs[c][0], segs[c][1], Unheaded("description", segs[c][0], segs[c][1]))
            out[d] = (segs[d][0], segs[d][1], Unheaded("code", segs[d][0], segs[d][1]))
    return out


def _cells(seg: Segment, lines: Sequence[Line]) -> list[list[Tok]]:
    """The non-empty cells of a column, a list of words for each line that has some there."""
    x0, x1, _ = seg
    cells = [[t for t in line.toks if x0 <= t.cx <= x1] for line in lines]
    return [c for c in cells if c]


def _codes(cells: list[list[Tok]]) -> bool:
    """Cells most of which look like codes (those of the item rows: a description may wrap under
    the code)."""
    texts = [" ".join(t.text for t in cell) for cell in cells]
    return bool(texts) and sum(looks_code(text) for text in texts) >= CODE_SHARE * len(texts)


def _worded(cells: list[list[Tok]]) -> bool:
    """Cells of several words each on average, as descriptions are."""
    return bool(cells) and sum(len(c) for c in cells) >= DESCRIPTION_WORDS * len(cells)


def by_content(segs: list[Segment], lines: Sequence[Line]) -> list[Segment]:
    kinds = {h.kind for _, _, h in segs}
    first_headed = min((x0 for x0, _, h in segs if h.kind != "other"), default=0.0)
    qty_x = min((x0 for x0, _, h in segs if h.kind == "qty"), default=float("inf"))
    out = list(segs)
    item_rows = False  # whether the codes are to be looked for on the item rows alone
    for i, (x0, x1, h) in enumerate(segs):
        cells = [" ".join(t.text for t in line.toks if x0 <= t.cx <= x1) for line in lines]
        cells = [c for c in cells if c]
        numbered = numbering([c.strip(SPECKS) for c in cells])
        if (
            h.kind == "code"
            and (loose(h) or _unnamed(h))
            and x1 <= qty_x
            and (numbered or numbered_as_read(cells) or numbered_but_slips(cells))
        ):
            out[i] = (x0, x1, Unheaded("pos", x0, x1))  # "Item" over 010, 020: positions, no codes
            if not any(k.kind == "code" for j, (_, _, k) in enumerate(segs) if j != i):
                # the one code heading named the positions: the codes stand in a column whose
                # heading OCR garbled ("ITEM RARTNIMAFR / PRODUGT"), on the item rows, with the
                # descriptions printed under them
                kinds.discard("code")
                item_rows = True
            continue
        if (
            h.kind == "pos"
            and _item_numbered(h)
            and "code" not in kinds
            and _codes_not_positions(_on_item_rows(segs[i], segs, lines))
        ):
            out[i] = (x0, x1, Unheaded("code", x0, x1))  # "ITEM NO." over 10234, 4711000123: codes
            kinds.add("code")
            continue
        if h.kind != "other" or not cells:
            continue
        if x1 <= first_headed and (
            numbered
            or sum(_POSITION.match(c) is not None for c in cells) >= 0.6 * len(cells)
            or numbered_as_read(cells)
        ):
            # "00010", "00020" under a heading OCR lost: the rows' numbers, however many digits, one
            # of them perhaps garbled ("Q007C" for 00070)
            out[i] = (x0, x1, Unheaded("pos", x0, x1))
        elif (
            "code" not in kinds
            and x1 < qty_x
            and _codes_in(_on_item_rows(segs[i], segs, lines) if item_rows else cells)
        ):
            out[i] = (x0, x1, Unheaded("code", x0, x1))
            kinds.add("code")
    return out


def _on_item_rows(seg: Segment, segs: list[Segment], lines: Sequence[Line]) -> list[str]:
    """The texts under `seg` on the lines that print a figure under the quantity heading: the item
    rows, without the description wrapped under a code or a "Delivery date:" line printed in the
    code's column (all lines when the table names no quantity)."""
    x0, x1, _ = seg
    qty = [(a, b) for a, b, h in segs if h.kind == "qty"]
    rows = [
        line
        for line in lines
        if not qty
        or any(a <= t.cx <= b and any(c.isdigit() for c in t.text) for t in line.toks for a, b in qty)
    ]
    cells = [" ".join(t.text for t in line.toks if x0 <= t.cx <= x1) for line in rows]
    return [c for c in cells if c]


def loose(heading: object) -> bool:
    """A code heading that may as well head a position column: "Item", "Art.", "Ítem"."""
    words = str(getattr(heading, "heading", "")).split()
    return len(words) == 1 and words[0].strip(HEADING_SPECKS).casefold() in LOOSE_CODE_HEADINGS


def _unnamed(heading: object) -> bool:
    """A code column no heading word names: typed by its cells alone (`parsers.layout.unheaded`), on
    the agreeing rows it was found from, where a fax's spoilt position ("000370" for 00030) and the
    rows left out hid that the cells count the rows up."""
    return not str(getattr(heading, "heading", "")).strip()


def _codes_in(cells: list[str]) -> bool:
    return bool(cells) and sum(looks_code(c) for c in cells) >= CODE_SHARE * len(cells)


def _item_numbered(heading: object) -> bool:
    """A position heading that may as well head the item codes: "Item No.", "ITEM #" (not "Pos.")."""
    return "item" in str(getattr(heading, "heading", "")).casefold()


def _codes_not_positions(cells: list[str]) -> bool:
    """Cells under a heading that may number the rows or name the items ("Item No.", "Nº"): codes
    when they do not count the rows up from the first position and most of them look like codes."""
    bare = [c.strip(POSITION_EDGE) for c in cells]
    if not bare or 2 * len(set(bare)) < len(bare) or any(" " in c for c in bare):
        # "1 TOR-M8-40": a position and a code, each where it belongs (parsers.layout.rows); a value
        # on most rows is no code either.  A code may come twice (one product on two lines, each with
        # its own delivery date), a position never does
        return False
    leads = [m[0] if (m := _LEAD.match(c)) else "" for c in bare]
    if numbering(bare) or (all(leads) and numbering(leads)):
        return False  # 1, 2, 3 or "00010BRO-HSS-8": the rows' numbers, a code run into them perhaps
    return sum(looks_code(c) for c in bare) >= CODE_SHARE * len(bare)


def looks_code(text: str) -> bool:
    """One word with a digit or a hyphen in it, or two that OCR cut one such word into ("BRO -HSS-8")."""
    joined = text.replace(" ", "")
    return text.count(" ") <= 1 and len(joined) >= 3 and any(c.isdigit() or c == "-" for c in joined)

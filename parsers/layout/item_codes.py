"""An item row's code as OCR may have spoilt it: its other readings and repairs for master data to
try, a GTIN run on under the row, a code in brackets before the description (for parsers.layout.items)."""

from __future__ import annotations

import itertools
import re

from core.capture.domain.order import CapturedLine
from parsers.layout.codes import (
    EDGE,
    MAX_PIECE,
    NOT_HYPHEN,
    PIECE_EDGE,
    code_piece,
    code_text,
    misreadings,
    repairs,
)
from parsers.layout.geometry import Tok
from parsers.layout.row_signs import POSITION_EDGE, code_like
from parsers.layout.rows import Draft

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._-]{1,30}$")
# a code printed at the head of the description ("TOR-M1(-60 Hex bolt"): capitals, a hyphen, more
_HEAD_CODE = re.compile(r"^[A-Z0-9]{2,}[-‐‘’'”\"]\S{1,12}$")


def code_readings(line: CapturedLine, run_on: str | None = None) -> tuple[str, ...]:
    out: list[str] = []
    codes = [line.supplier_item_code, line.item_code, line.buyer_item_code]
    head = (line.description or "").split()[:1]
    if not any(codes) and head and _HEAD_CODE.match(head[0]):
        codes.append(head[0])  # no code column: the code at the head of the description, as misread
    if run_on:
        codes.append(run_on)  # the labelled code with the piece OCR parted from it, as misread
        out.append(run_on)  # and as read: a code's misreadings leave out the code itself
    for code in codes:
        out += [c for c in misreadings(code) if c not in out] if code else []
    return tuple(out)


def code_run_on(toks: list[Tok]) -> str | None:
    """A labelled code with the pieces OCR parted from it a word space or less after it ("REF.: LLA-AJ
    250", "ALA-GAI -2": the hyphen lost, or read apart), run together again; None when no such piece
    follows (a word with small letters is the description, not a piece of the code).  A piece holds a
    figure or a hyphen, or follows a hyphen ("PART NO.: GUA- TRA- 9", "BRI- NY 200": a code goes on
    past a hyphen, no code ends in one); the pieces are at most `MAX_PIECE` characters together."""
    head = code_text(toks[:1])
    if head is None:
        return None
    joined = head + ("-" if toks[0].text.rstrip(NOT_HYPHEN).endswith("-") else "")
    added = 0
    for before, piece in itertools.pairwise(toks):
        text = code_piece(before, piece)
        if (
            text is None
            or not 0 < added + len(text) <= MAX_PIECE
            or not (joined.endswith("-") or any(c.isdigit() or c == "-" for c in text))
        ):
            break
        joined, added = joined + text, added + len(text)
    return joined.strip(EDGE) if added else None


def gtin_pieces(toks: list[Tok], run_on: str) -> list[Tok] | None:
    """The labelled code's words that run together into `run_on`, a GTIN whose check digit holds, when
    they are figures alone ("Art.-Nr.: 8437000 100195": one GTIN-13 OCR parted at a gap in its print);
    the check digit vouches for the join, which the first piece alone ("8437000") is no code of."""
    for end in range(2, len(toks) + 1):
        if code_text(toks[:end]) == run_on:
            return toks[:end] if all(t.text.strip(PIECE_EDGE).isdigit() for t in toks[:end]) else None
    return None


def code_repairs(draft: Draft, code: str | None, pos: list[Tok]) -> tuple[str, ...]:
    """The code's pieces joined back or its neighbours taken off (parsers.layout.codes.repairs): the word
    before it from the position column, the word after it from the description."""
    before = pos[-1].text if pos and code else None
    after = draft.description[0].text if draft.description else None
    if code is None and len(draft.description) >= 2:
        before, after = draft.description[0].text, draft.description[1].text
    position = (
        str(draft.position)
        if draft.position is not None
        else (pos[0].text.strip(POSITION_EDGE) if pos else None)
    )
    return tuple(repairs(code, before, after, position))


def bracketed_code(description: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """The item code printed in brackets at the start of the description ("[KB-40] Keyboard"), as
    shops and ERPs print their reference there; else no code and the description as it was."""
    first = description[0]
    inner = first.text[1:-1] if first.text.startswith("[") and first.text.endswith("]") else ""
    if inner and code_like(inner) and _CODE.match(inner):
        return [first.cut(1, len(first.text) - 1)], description[1:]
    return [], description

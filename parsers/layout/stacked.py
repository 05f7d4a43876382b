"""Table headings set on two or three lines ("Cost / Price", "Precio / Unitario / sin IVA"): the words
stacked in one column are read as one heading, and every heading word of a text layer makes a column
of its own, known or not, so that a column nobody named keeps its numbers to itself.

Only for text layers: OCR garbles heading words, and an unknown word there may be a known one misread
(`parsers.layout.table` keeps its own rules for OCR pages).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from parsers.layout import labels
from parsers.layout.column_phrases import BASIS_NUMBER, CURRENCY_GAP, column_hits, heading_asides, price_basis
from parsers.layout.currencies import is_currency
from parsers.layout.geometry import PHRASE_GAP, Line, Page, Tok
from parsers.layout.text import has_digit, token_key
from parsers.layout.vocab import LABEL_WORDS, STACKED_COLUMNS

WORD_GAP = 0.5  # of a text height: words this close are one heading (a column gap is wider)
MONEY = ("price", "amount")
HEADING_WORDS = 0.5  # share of a stacked heading line's words that must be heading vocabulary
STACK_GAP = 0.9  # of a text height: heading lines stacked closer than this belong together
MAX_ABOVE, MAX_BELOW = 2, 3  # heading lines above and below the one with the column words


@dataclass
class Cell:
    """The words of one heading column, on every heading line, and the kind they name."""

    toks: list[Tok]
    anchored: bool  # a word of it stands on the main heading line
    main_kind: str | None = None
    kind: str = "other"
    extra: list[Tok] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(t.x0 for t in (*self.toks, *self.extra))

    @property
    def x1(self) -> float:
        return max(t.x1 for t in (*self.toks, *self.extra))

    @property
    def heading(self) -> str:
        return " ".join(t.text for t in _joined(self.toks + self.extra))


def fits(line: Line, near: Line) -> bool:
    """A line of heading words beside `near`: close above or below it, without digits, half its
    words or more such as headings use (a description wrapped under the heading has few)."""
    if line.kind != "text" or any(has_digit(t.text) for t in outside_brackets(line.toks)):
        return False  # figures, but for a basis in brackets under a price heading ("(por 100)")
    keyed = [t.key for t in line.toks if t.key]
    # the units a price is for, closing a bracket opened above ("Price (per" over "1000)"), are as
    # much a heading's words as the "per" before them
    based = sum(1 for t in line.toks if t.key and t.text.endswith(")") and BASIS_NUMBER.match(t.text[:-1]))
    if based + sum(k in LABEL_WORDS or k in "%#" for k in keyed) < HEADING_WORDS * len(keyed):
        return False
    gap = max(line.y0 - near.y1, near.y0 - line.y1)
    return gap <= STACK_GAP * max(line.height, near.height)


def outside_brackets(toks: Sequence[Tok]) -> list[Tok]:
    """The words of a line not inside brackets ("(por", "100)" are inside; "Cant." is not); a word
    closing a bracket the line above opened ("Price (per" over "1000)") is inside too."""
    out, inside = [], False
    for tok in toks:
        opens = tok.text.startswith("(")
        closes_above = not inside and tok.text.endswith(")") and "(" not in tok.text
        if not inside and not opens and not closes_above:
            out.append(tok)
        inside = (inside or opens) and not tok.text.endswith(")")
    return out


def stack_lines(page: Page, index: int) -> tuple[list[Line], list[Line]]:
    """The heading lines stacked above (top first) and below the heading line at `index`."""
    main = page.lines[index]
    above: list[Line] = []
    near = main
    for i in range(index - 1, max(-1, index - 1 - MAX_ABOVE), -1):
        if not fits(page.lines[i], near):
            break
        above.insert(0, page.lines[i])
        near = page.lines[i]
    below: list[Line] = []
    near = main
    for line in page.lines[index + 1 : index + 1 + MAX_BELOW]:
        if not fits(line, near):
            break
        below.append(line)
        near = line
    return above, below


def _units(line: Line) -> list[tuple[list[Tok], str | None]]:
    """A heading line as its column phrases (with their kind) and its other words one by one; a word
    a word space from a phrase ("Ext." before "Cost") is part of it."""
    asides = heading_asides(line.toks)
    taken: set[int] = {i for start, end in asides for i in range(start, end)}
    hits = [h for h in _spaced(line.toks, column_hits(line.toks)) if not taken & set(range(h.start, h.end))]
    out: list[tuple[list[Tok], str | None]] = [(list(line.toks[a:b]), None) for a, b in asides]
    for hit in hits:
        out.append((list(line.toks[hit.start : hit.end]), hit.kind))
        taken.update(range(hit.start, hit.end))
    out += [([t], None) for i, t in enumerate(line.toks) if i not in taken and t.key]
    out.sort(key=lambda u: u[0][0].x0)
    joined: list[tuple[list[Tok], str | None]] = []
    for toks, kind in out:
        gap = toks[0].x0 - joined[-1][0][-1].x1 if joined else 0.0
        close = gap < CURRENCY_GAP * toks[0].h
        if joined and (
            ((kind is None or joined[-1][1] is None) and gap < WORD_GAP * toks[0].h)
            # a currency alone ("EUR", "(€)") ends a money heading: "Precio EUR" set in a typewriter
            # face stands a whole character cell from its price word, yet is no column
            or (joined[-1][1] in MONEY and len(toks) == 1 and is_currency(toks[0]) and close)
            or (joined[-1][1] is not None and kind is None and close and toks[0].text.startswith("("))
        ):
            prev_toks, prev_kind = joined[-1]
            joined[-1] = (prev_toks + toks, prev_kind or kind)
        else:
            joined.append((toks, kind))
    return joined


def _spaced(toks: Sequence[Tok], hits: list[labels.Hit]) -> list[labels.Hit]:
    """The column phrases whose words stand a word space apart: "PRECIO" and "TOTAL", or "PRICE" and
    "PER", set a column gap apart head two columns, though together they make a known heading."""
    out = []
    for hit in hits:
        words = [t for t in toks[hit.start : hit.end] if t.key]
        if price_basis(words) or all(b.x0 - a.x1 <= PHRASE_GAP * a.h for a, b in itertools.pairwise(words)):
            out.append(hit)
        else:  # each word alone, as the heading of its own column
            for i in range(hit.start, hit.end):
                out += [replace(h, start=i, end=i + 1) for h in column_hits(toks[i : i + 1])]
    return out


def _overlap(a: list[Tok], b: Cell) -> float:
    return min(max(t.x1 for t in a), b.x1) - max(min(t.x0 for t in a), b.x0)


def _joined(toks: list[Tok]) -> list[Tok]:
    """Words in reading order, a word broken over two heading lines ("Descuen" / "to") made whole."""
    ordered = sorted(toks, key=lambda t: (round(t.cy), t.x0))
    out: list[Tok] = []
    for tok in ordered:
        prev = out[-1] if out else None
        whole = prev.key + tok.key if prev is not None else ""
        if (
            prev is not None
            and prev.cy < tok.cy - prev.h / 2
            and prev.key not in LABEL_WORDS
            and whole in LABEL_WORDS
        ):
            word = replace(prev.word, text=prev.text + tok.text)
            out[-1] = replace(prev, word=word, x1=max(prev.x1, tok.x1), key=token_key(word.text))
            continue
        out.append(tok)
    return out


def _kind(toks: list[Tok]) -> tuple[str | None, int]:
    """The kind of the longest column phrase among the words, and its length in words."""
    hits = column_hits(_joined(toks))
    best = max(hits, key=lambda h: h.size, default=None)
    return (best.kind, best.size) if best is not None else (None, 0)


def _stacked_kind(toks: list[Tok]) -> str | None:
    """The kind two heading lines of one column name together only when one stands over the other
    ("Cant." over "precio"): the upper line's words then the lower's, the two overlapping."""
    by_line: dict[int, list[Tok]] = {}
    for tok in toks:
        by_line.setdefault(round(tok.cy), []).append(tok)
    stack = [sorted(line, key=lambda t: t.x0) for _, line in sorted(by_line.items())]
    for upper, lower in itertools.pairwise(stack):
        if max(upper[0].x0, lower[0].x0) >= min(upper[-1].x1, lower[-1].x1):
            continue  # side by side, not one over the other
        keys = tuple(t.key for t in (*upper, *lower) if t.key)
        for kind, phrases in STACKED_COLUMNS.items():
            if keys in phrases:
                return kind
    return None


def cells(main: Line, above: list[Line], below: list[Line]) -> list[Cell]:
    """The heading's columns: the main line's phrases and words, each with the stacked words over and
    under it; neighbours whose words together make one longer column phrase are one column."""
    found = [Cell(list(toks), True, kind) for toks, kind in _units(main)]
    if not found:
        return []
    for line in (*reversed(above), *below):
        for toks, kind in _units(line):
            best = max(found, key=lambda c: _overlap(toks, c))
            if _overlap(toks, best) > 0:
                best.extra += toks
            elif kind is not None:  # a column whose heading stands on another line ("Total" under "%")
                found.append(Cell(list(toks), False, kind))
    found.sort(key=lambda c: c.x0)
    merged: list[Cell] = []
    for cell in found:
        if merged:
            prev = merged[-1]
            both = prev.toks + prev.extra + cell.toks + cell.extra
            kind, size = _kind(both)
            alone = max(_kind(prev.toks + prev.extra)[1], _kind(cell.toks + cell.extra)[1])
            spaced = cell.x0 - prev.x1 <= PHRASE_GAP * min(t.h for t in both)
            if spaced and kind is not None and size > alone and size >= sum(1 for t in both if t.key):
                prev.toks += cell.toks
                prev.extra += cell.extra
                prev.main_kind = kind
                continue
        merged.append(cell)
    for cell in merged:
        kind, size = _kind(cell.toks + cell.extra)
        main_size = _kind(cell.toks)[1]
        cell.kind = _stacked_kind(cell.toks + cell.extra) or (
            (kind if size > main_size else cell.main_kind or kind) or "other"
        )
    prices = [c for c in merged if c.kind == "price"]
    if len(prices) >= 2 and not any(c.kind == "amount" for c in merged):
        prices[-1].kind = "amount"  # "Unit Cost" and "Ext. Cost": the second is the line's amount
    return merged

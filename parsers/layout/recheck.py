"""Header fields whose only doubt is how OCR read their characters, which reading their ink again can
settle: the order number found by a sure label, or a date found by its label, printed as one word
standing alone on its line; and a delivery date its sentence states plainly, printed as one word with
no figures beside it.

The layout is then sure of where the value is and how far it runs; what is unsure is a look-alike
character ("0" or "9", "O" or "0") that nothing around the word lets Tesseract check.  The OCR parser
cuts such a word from the page and reads it again (`parsers.ocr.recheck`); readings that say the
same, each with confidence, vouch for it.  A value with other words a word space beside it (a prefix
OCR parted from it, "PC 26065000") is not one: cut out alone, it would be read alike and still be
short of its prefix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from parsers.layout.dates import find_date
from parsers.layout.evidence import LIKELY, SURE
from parsers.layout.geometry import PHRASE_GAP, Line, Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.text import has_digit


@dataclass(frozen=True)
class Recheck:
    """A field of the order `order` (its index in the extraction) to read again from its box; the
    layout's certainty of it, before any doubt about its characters."""

    order: int
    path: str
    certainty: float


def worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether the header field `pick` stands alone on its line after its label: an order number, one
    word, after a sure label (a looser one may have taken another field's value, "24-Nov"), or a date
    after a label the layout is at least likely of (its figures make a date or nothing), in one word or
    in the words of one line that the date is made of ("24 Noviembre, 2026"): read again together,
    they must say the same words."""
    if pick.name == "po_number" and len(pick.toks) == 1:
        wanted = SURE
    elif isinstance(pick.value, date) and not pick.prose and _one_line(pick.toks, pages):
        wanted = LIKELY
    else:
        return False
    ours = [*pick.label, *pick.toks]
    return pick.certainty >= wanted and all(alone(tok, ours, pages) for tok in pick.toks)


def _one_line(toks: Sequence[Tok], pages: Sequence[Page]) -> bool:
    """Whether `toks` (one or more) all stand on one line of their page."""
    if not toks:
        return False
    line = _line_of(toks[0], pages)
    return line is not None and all(tok in line.toks for tok in toks)


def _line_of(tok: Tok, pages: Sequence[Page]) -> Line | None:
    return next((li for p in pages if p.number == tok.page for li in p.lines if tok in li.toks), None)


def alone(tok: Tok, label: Sequence[Tok], pages: Sequence[Page]) -> bool:
    """Whether no word but the label's (and the field's own) stands a word space or less before or
    after `tok` on its line."""
    line = _line_of(tok, pages)
    if line is None:
        return False
    gap = PHRASE_GAP * tok.h
    for other in line.toks:
        if other is tok or other in label:
            continue
        if max(tok.x0 - other.x1, other.x0 - tok.x1) <= gap:
            return False
    return True


# what a sentence sets against a date it states ("antes del 05/12/2026.", "(29/11/26)")
_PUNCTUATION = ".,;:()[]\"'«»“”‘’"


def date_word(toks: Sequence[Tok], value: date) -> Tok | None:
    """The one word among `toks` that is the date `value` by itself, its sentence's punctuation aside;
    None when the date runs over several words ("13 Dec 2026") or no word is it alone."""
    words = []
    for tok in toks:
        text = tok.text.strip(_PUNCTUATION)
        for found in (find_date(text), find_date(text, month_first=True)):
            if found is not None and found.value == value and found.start == 0 and found.end == len(text):
                words.append(tok)
                break
    return words[0] if len(words) == 1 else None


def prose_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether a delivery date stated in a sentence, left doubtful only because OCR read its figures in
    running text (`pick.again`: how sure the sentence makes it), is one word with no figures a word
    space or less beside it: a neighbour with figures may be part of the date that OCR cut off
    ("1 1/12/26"), and a second reading of the word alone would then agree and still be short."""
    if not pick.prose or pick.again <= pick.certainty or len(pick.toks) != 1:
        return False
    tok = pick.toks[0]
    line = next((li for p in pages if p.number == tok.page for li in p.lines if tok in li.toks), None)
    if line is None:
        return False
    gap = PHRASE_GAP * tok.h
    return not any(
        other is not tok and max(tok.x0 - other.x1, other.x0 - tok.x1) <= gap and has_digit(other.text)
        for other in line.toks
    )

"""Header fields whose only doubt is how OCR read their characters, which reading their ink again can
settle: the order number found by a sure label, or a date found by its label, printed as one word
standing alone on its line; a delivery date its sentence states plainly, printed in one word or in
words side by side with no figures beside them; and an order number a sentence states, one word with no
figures beside it.

The layout is then sure of where the value is and how far it runs; what is unsure is a look-alike
character ("0" or "9", "O" or "0") that nothing around the word lets Tesseract check.  The OCR parser
cuts such a word from the page and reads it again (`parsers.ocr.recheck`); readings that say the
same, each with confidence, vouch for it.  A value with other words a word space beside it (a prefix
OCR parted from it, "PC 26065000") is not one: cut out alone, it would be read alike and still be
short of its prefix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from parsers.layout.date_misreads import parted_joined
from parsers.layout.dates import SHORT_YEAR, find_date
from parsers.layout.evidence import LIKELY, SURE
from parsers.layout.geometry import PHRASE_GAP, Line, Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.text import fold, has_digit


@dataclass(frozen=True)
class Recheck:
    """A field of the order `order` (its index in the extraction) to read again from its box; the
    layout's certainty of it, before any doubt about its characters."""

    order: int
    path: str
    certainty: float
    # what every reading again must say, when not the words as the page's reading had them: a total
    # the order's own sums mended by one figure is vouched for only when its ink, read again, says it
    says: str = ""
    # every reading again must say it as one word: a date the page read parted by a gap ("26/1 1/2026")
    # is vouched for only by readings that do not part it (`parted_date`)
    whole: bool = False


def worth_rechecking(pick: Candidate, pages: Sequence[Page], month_first: bool = False) -> bool:
    """Whether the header field `pick` stands alone on its line after its label: an order number, one
    word, after a sure label (a looser one may have taken another field's value, "24-Nov"), or a date
    after a label the layout is at least likely of (its figures make a date or nothing), in one word or
    in the words of one line that the date is made of ("24 Noviembre, 2026"): read again together,
    they must say the same words (`recheck_certainty`)."""
    if pick.name == "po_number" and len(pick.toks) == 1:
        wanted = SURE
    elif isinstance(pick.value, date) and not pick.prose and _one_line(pick.toks, pages):
        wanted = LIKELY
    else:
        return False
    ours = [*pick.label, *pick.toks]
    certainty = recheck_certainty(pick, month_first)
    return certainty >= wanted and all(alone(tok, ours, pages) for tok in pick.toks)


# a separator OCR read as another ("23.11,2026" for 23.11.2026): the same figures, the same date
_SEPARATORS = str.maketrans({",": ".", "/": ".", "-": "."})


def same_date_words(printed: str, again: str) -> bool:
    """Whether a date read again as `again` says the figures and words `printed` said, in the same
    order, only a separator read as another, and is a date as it stands, with nothing mended."""
    if printed.translate(_SEPARATORS) != again.translate(_SEPARATORS):
        return False
    return find_date(again, mend=False) is not None


def recheck_certainty(pick: Candidate, month_first: bool = False) -> float:
    """How sure the field `pick` is once readings of its words again settle its characters: for a date,
    what its label makes it (`pick.certainty` less what the date's reading took off), as the date reads
    with its separators as printed and its century settled; otherwise `pick.certainty`.

    A separator read as another ("23.11,2026") is mended, and the mend costs a date its certainty;
    readings again that say the date with the separators as printed, the figures the same
    (`same_date_words`), settle it.  A two-figure year's century is settled by the checks every order
    date and delivery date goes through: a date a hundred years off is old, in the future, or far from
    the other, and waits for a person.  A day and month that may swap (03/04/2026) stay as doubtful.  A
    day or month a gap parted ("26/1 1/2026") is settled as the separator is, by readings that say the
    date as one word (`parted_date`)."""
    if not isinstance(pick.value, date):
        return pick.certainty
    text = " ".join(t.text for t in pick.toks)
    read = find_date(text, month_first=month_first)
    clean = find_date(
        (parted_date(pick, month_first) or text).translate(_SEPARATORS), month_first=month_first, mend=False
    )
    if read is None or clean is None or read.value != pick.value or clean.value != pick.value:
        return pick.certainty
    settled = clean.certainty / SHORT_YEAR if clean.short_year else clean.certainty
    return round(pick.certainty / read.certainty * settled, 3)


def parted_date(pick: Candidate, month_first: bool = False) -> str:
    """The words of the date `pick` with the gap closed that parted its day or month ("26/11/2026" for
    "26/1 1/2026": two words where one was printed), when they read as a date only so (a date as
    printed once that gap is closed, nothing else mended); "" for any other pick.

    The page's reading had to be mended to give such a date, and stays doubtful; it is settled as a
    date with a separator read as another is (`recheck_certainty`), by readings of its ink again that
    say it as printed, and here in one word (`Recheck.whole`): a reading that parts it again says no
    more than the page did."""
    if not isinstance(pick.value, date):
        return ""
    text = " ".join(t.text for t in pick.toks)
    joined = parted_joined(text)
    if joined == text or find_date(text.translate(_SEPARATORS), mend=False) is not None:
        return ""
    found = find_date(joined.translate(_SEPARATORS), month_first=month_first, mend=False)
    return joined if found is not None and found.value == pick.value else ""


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


def date_words(toks: Sequence[Tok], value: date) -> list[Tok] | None:
    """The words among `toks` that are the date `value` by themselves, its sentence's punctuation
    aside: one word ("05/12/2026.") or several side by side ("7th December 2026."); None when no run of
    them is the date as printed (a reading OCR's misreading had to be mended to give it is none)."""
    spans = []
    at = 0
    for tok in toks:
        folded = fold(tok.text)
        spans.append((at, at + len(folded)))
        at += len(folded) + 1
    text = " ".join(fold(tok.text) for tok in toks)
    for month_first in (False, True):
        found = find_date(text, month_first=month_first, mend=False)
        if found is None or found.value != value:
            continue
        words = [i for i, (a, b) in enumerate(spans) if a < found.end and b > found.start]
        if not words:
            continue
        first, last = spans[words[0]], spans[words[-1]]
        if text[first[0] : found.start].strip(_PUNCTUATION) or text[found.end : last[1]].strip(_PUNCTUATION):
            continue  # the date is part of a word ("ref.05/12/2026"), not a word of its own
        return [toks[i] for i in words]
    return None


def prose_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether a delivery date stated in a sentence, left doubtful only because OCR read its figures in
    running text (`pick.again`: how sure the sentence makes it), stands in words of one line, side by
    side, with no figures a word space or less beside them: a neighbour with figures may be part of the
    date that OCR cut off ("1 1/12/26"), and a second reading of the words alone would then agree and
    still be short."""
    if not pick.prose or pick.again <= pick.certainty:
        return False
    return _apart(pick.toks, pages)


def sentence_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether an order number stated in a sentence ("les hacemos el pedido nº 79597-26 de fecha ...")
    is one word the layout is likely of, with no figures a word space or less beside it: its place
    the sentence gives; only how OCR read its characters is in doubt, which a second reading of the
    word alone may settle.  A neighbour with figures may be part of the number OCR parted from it."""
    if pick.name != "po_number" or not pick.sentence or len(pick.toks) != 1 or pick.certainty < LIKELY:
        return False
    return _apart(pick.toks, pages)


def label_in_sentence_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether an order number after a sure label is one word stated in a sentence that runs on right
    after it ("our order no: 700-26 dated 26 NOV 2026"): as a number a sentence states
    (`sentence_worth_rechecking`), its place is given and only how OCR read its characters is in doubt.
    The sentence's next word stands too near for it to be alone on its line (`worth_rechecking`); that
    word must be one of small letters, never a letter or figures that may be the number's own parted
    from it, and no word but the label's may stand a word space or less before it (a prefix OCR parted
    from it, "PC 26065000")."""
    if pick.name != "po_number" or pick.sentence or len(pick.toks) != 1 or pick.certainty < SURE:
        return False
    tok = pick.toks[0]
    line = _line_of(tok, pages)
    if line is None:
        return False
    gap = PHRASE_GAP * tok.h
    ordered = sorted(line.toks, key=lambda t: t.x0)
    at = ordered.index(tok)
    before = ordered[at - 1] if at > 0 else None
    if before is not None and before not in pick.label and tok.x0 - before.x1 <= gap:
        return False
    after = ordered[at + 1] if at + 1 < len(ordered) else None
    word = after.text.strip(_PUNCTUATION) if after is not None else ""
    return len(word) > 1 and word.isalpha() and word.islower()


def mended_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether an order number doubtful only for a letter O mended in it ("0C/26/61293", `pick.again`:
    how sure its label makes it) is one word standing alone on its line after a sure label: read again
    alone, with its ink showing the letter O (`parsers.ocr.lookalike`), it is as sure as any number so
    read; an O and a 0 where the letter stands say the same."""
    if pick.name != "po_number" or len(pick.toks) != 1 or pick.again < SURE or pick.certainty >= SURE:
        return False
    return alone(pick.toks[0], [*pick.label, *pick.toks], pages)


# text heights between a label the layout is only likely of and its order number: a hyphen or slash the
# fax lost between a number's prefix and its figures ("PO-41505" read "PO" "41505", the prefix taken
# for the label) leaves about one; a label and its value stand a column or a dot leader apart (7 and more
# on the tuning faxes)
LABEL_APART = 3.0
_JOINERS = ("-", "/")


def likely_worth_rechecking(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether an order number after a label the layout is only likely of ("PO", "N/PEDIDO") is one
    word standing alone on its label's line, well apart from the label (`LABEL_APART`), neither of
    them ending at the other in a hyphen or slash: its place the label gives, only how OCR read its
    characters is in doubt.  A label at the number's side may be the number's own prefix, the figures
    after it read alone agreeing with themselves and still short of it ("41505" for PO-41505)."""
    after = _after_label(pick)
    if after is None or not LIKELY <= pick.certainty < SURE:
        return False
    tok, last = after
    line = _line_of(tok, pages)
    if line is None or last not in line.toks:
        return False
    return not _at_figures(tok, last, last.text) and alone(tok, [*pick.label, *pick.toks], pages)


def _after_label(pick: Candidate) -> tuple[Tok, Tok] | None:
    """An order number read as one word after its label, not in a sentence or under it: that word and
    the label's last one."""
    if pick.name != "po_number" or pick.sentence or pick.below or len(pick.toks) != 1 or not pick.label:
        return None
    return pick.toks[0], max(pick.label, key=lambda t: t.x1)


def _at_figures(tok: Tok, last: Tok, label: str) -> bool:
    """Whether the label (its last word `last`, read as `label`) stands right at the number's word
    `tok`: less than `LABEL_APART` text heights from it, or either ending at the other in a hyphen or
    slash."""
    joined = label.endswith(_JOINERS) or tok.text.startswith(_JOINERS)
    return joined or tok.x0 - last.x1 < LABEL_APART * tok.h


# a word an order number's prefix may be ("PO", "OC", "PED"): two or three capital letters, not a
# number word ("NO", "NR": "No 41505" is a label and its number)
_PREFIX_SHAPED = re.compile(r"^[A-Z]{2,3}[-/]?$")
_NUMBER_WORDS = frozenset({"NO", "NR", "NUM"})


def prefix_taken_for_label(pick: Candidate) -> bool:
    """Whether an order number read after a label the layout is only likely of may have lost its own
    prefix to that label: the label's last word shaped like a prefix ("PO", "OC", "PED") on the number's
    line, less than `LABEL_APART` text heights from its figures or joined to them by a hyphen or slash.
    "PO-41505" whose hyphen the fax lost reads "PO" "41505": every reading of the figures' ink agrees
    with itself, and the number is still short of its prefix, so a person must say which it is."""
    after = _after_label(pick)
    if after is None or pick.certainty >= SURE:
        return False
    tok, last = after
    if last.page != tok.page or last.y1 <= tok.y0 or tok.y1 <= last.y0:  # not on the number's line
        return False
    word = last.text.rstrip(".:")
    if not _PREFIX_SHAPED.match(word) or word.rstrip("-/") in _NUMBER_WORDS:
        return False
    return _at_figures(tok, last, word)


def line_date_worth_rechecking(toks: Sequence[Tok], value: date, pages: Sequence[Page]) -> bool:
    """Whether a line's own delivery date ("Liefertermin: 11.12.26" under its row) is its words alone,
    the date as printed (`date_words`: none when a misreading had to be mended to give it), with no
    word with figures a word space or less beside them: read again together they must say the same."""
    words = date_words(toks, value)
    return words is not None and list(words) == list(toks) and _apart(toks, pages)


def _apart(toks: Sequence[Tok], pages: Sequence[Page]) -> bool:
    """Whether `toks` stand side by side on one line with no word with figures a word space or less
    before the first or after the last."""
    if not toks:
        return False
    line = _line_of(toks[0], pages)
    if line is None:
        return False
    ordered = sorted(line.toks, key=lambda t: t.x0)
    places = [next((i for i, t in enumerate(ordered) if t is tok), -1) for tok in toks]
    if -1 in places or sorted(places) != list(range(min(places), max(places) + 1)):
        return False  # not one run of words on the line
    first, last = ordered[min(places)], ordered[max(places)]
    gap = PHRASE_GAP * max(t.h for t in toks)
    before = ordered[min(places) - 1] if min(places) > 0 else None
    after = ordered[max(places) + 1] if max(places) + 1 < len(ordered) else None
    return not (
        (before is not None and first.x0 - before.x1 <= gap and has_digit(before.text))
        or (after is not None and after.x0 - last.x1 <= gap and has_digit(after.text))
    )

"""Where a header label's value stands: the words to its right, past its colon, a dot leader or a sign
OCR garbled, or in the next phrase; a date spaced out over several phrases; or the phrase under it when
the label heads a box."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.layout import labels
from parsers.layout.calendar_names import MONTHS
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.header_values import DATE_FIELDS
from parsers.layout.labels import Hit
from parsers.layout.text import fold, has_digit
from parsers.layout.vocab import HEADER_LABELS

MAX_VALUE_GAP = 0.45  # of the page width, between a label and a value to its right
LABEL_JUNK = 4  # words a garbled sign or leader between a label and its colon may stand in
JUNK_CHARS = 2  # letters or digits of a sign OCR garbled ("4:" for "#:")
LEADER_LETTERS = 3  # a dot leader read as one letter this many times or more ("eee", "ooooo")


# below this confidence, a word of letters alone is what OCR made of a dot leader ("«sisi", "weet" for
# "......:"); a word printed as letters is read surer than that
LEADER_CONF = 0.3
_LEADER_LETTERS = "eoc"
_SPECKS = frozenset(":.,;…'\"`*·_~|‘’“”")  # what a colon, a dot leader or a speck is read as
_DATE_PART = re.compile(r"^[\d\s/.\-]+['’”\"]?$")  # a speck after it read as a quote ("2026”")


# a month name, and the year after it, standing apart from the day before it ("26   Nov-26" printed by
# a monospaced face, the day one phrase, the month and year the next)
_MONTH_PART = re.compile(r"^(?P<month>[a-z]+)\.?(?:[\s/.\-]+\d{2}(?:\d{2})?)?[\s,.]*$")
_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
MAX_DATE_PARTS = 5  # phrases a spaced-out date may stand in
DATE_PART_GAP = 3.0  # text heights between the parts of one spaced-out date


def _meaningful(tok: Tok) -> bool:
    """Not a colon, a dot leader or a speck."""
    return any(c not in _SPECKS for c in tok.text)


def _leader(phrase: Line) -> bool:
    """A dot leader or specks between a label and its value, as OCR reads them ("*...1....:", "'..3",
    "eee eee :"), a colon after it read as a figure or a letter among them ("ccoo ooo... 3")."""
    text = phrase.text
    rest = "".join(t.text for t in phrase.toks if not _leader_word(t))
    if not rest:
        return True  # "eee eee :"
    return sum(c.isalnum() for c in rest) <= 1 and (len(text) > 1 or not text.isalnum())


def _past_colon(toks: Sequence[Tok]) -> Sequence[Tok]:
    """The words after a label's colon when what stands between the label and its colon is a sign or
    leader OCR garbled ("PO 4: PUR/2026/33330" for "PO #:", "PO # eee eee : 074830"): marks, a
    character or two, or a dot leader read as letters; none when the words are only a leader (the
    value stands apart after it); the words as they are otherwise."""
    for i, tok in enumerate(toks[:LABEL_JUNK]):
        if not all(_junk(t) for t in toks[: i + 1]):
            break
        if tok.text.endswith(":"):
            return toks[i + 1 :]
    return [] if toks and all(_leader_word(t) for t in toks) else toks


def _junk(tok: Tok) -> bool:
    """A sign or speck a character or two long, or a dot leader OCR read as letters."""
    return sum(c.isalnum() for c in tok.text.rstrip(":")) <= JUNK_CHARS or _leader_word(tok)


def _leader_word(tok: Tok) -> bool:
    """Dots and specks alone, or a dot leader OCR read as one letter over and over ("eee", "ooooo") or
    as letters it was all but unsure of ("«sisi" at 0.0); never figures masked or unknown
    ("##/##/####": a value seen and not read)."""
    text = tok.text.rstrip(":")
    if all(c in _SPECKS for c in text):
        return True
    letters = [c for c in text if c.isalnum()]
    if len(letters) >= LEADER_LETTERS and all(c.isalpha() for c in letters) and tok.conf < LEADER_CONF:
        return True
    return len(text) >= LEADER_LETTERS and len(set(text)) == 1 and text[0] in _LEADER_LETTERS


def value_right(line: Line, phrase: Line, hit: Hit, hits: list[Hit], width: float) -> tuple[list[Tok], bool]:
    """The value to the right of a label: the words after it in its phrase, else the next phrase; and
    whether it was found past a word the label ends in that OCR garbled ("PO fo...  010762" for "PO
    NO."), in its phrase or standing as a phrase of its own."""
    nxt = next((h.start for h in hits if h.start >= hit.end), len(phrase.toks))
    toks = [t for t in _past_colon(phrase.toks[hit.end : nxt]) if _meaningful(t)]
    phrases = line.phrases()
    garbled = nxt == len(phrase.toks) and (_garbled_tail(toks) or _sign_as_figure(hit, toks))
    if garbled:
        toks = []
    if toks or nxt < len(phrase.toks):
        if hit.kind in DATE_FIELDS and toks and nxt == len(phrase.toks) and _DATE_PART.match(toks[-1].text):
            # "DATA DA ENCOMENDA, 2026  11  25": the year beside the label, the rest spaced out after it
            return _date_parts_after(phrases, toks), False
        return toks, False
    later = [p for p in phrases if p.x0 > phrase.x1 and not _leader(p)]
    if not garbled and len(later) > 1 and _garbled_tail([t for t in later[0].toks if _meaningful(t)]):
        # a garbled word nearer the label than the value ("PO fo...  010762") may be the label's last
        # word; one nearer the value ("FECHA ..........et 26/11/2026") is what is left of a dot leader
        # or a colon before it, no word of the label's, which a word space would follow
        garbled = later[0].x0 - phrase.x1 < later[1].x0 - later[0].x1
        later = later[1:]
    if not later or later[0].x0 - phrase.x1 > MAX_VALUE_GAP * width:
        return [], False
    if labels.starts_with(later[0].toks, HEADER_LABELS) is not None and not _prefixed(hit, later[0]):
        return [], False
    toks = [t for t in later[0].toks if _meaningful(t)]
    if hit.kind in DATE_FIELDS:
        return _date_parts_after(phrases, toks), garbled
    return toks, garbled


def _sign_as_figure(hit: Hit, toks: Sequence[Tok]) -> bool:
    """Whether the only word left after an order-number label in its phrase is one figure alone
    ("ENCOMENDA N, 9   : 000957" for "ENCOMENDA Nº: 000957") or one mark that is no letter ("ENCOMENDA
    N,2 +   26/99027"): the raised "º" of a number sign, or a speck beside it, read as a figure or a
    sign. No order number is one character; its number stands in the next phrase, found past a
    garbled word, so doubtful (a person confirms it)."""
    if hit.kind != "po_number" or len(toks) != 1 or len(toks[0].text) != 1:
        return False
    return toks[0].text.isdigit() or not toks[0].text.isalpha()


def _prefixed(hit: Hit, phrase: Line) -> bool:
    """Whether `phrase`, after an order-number label, is a number whose first part is a label word ("N/
    Pedido  PO 2026-87301", "Order number:  PO 19552": "PO-" with its hyphen lost): capitals alone, no
    colon, then a word starting with a figure, and nothing more."""
    toks = [t for t in phrase.toks if _meaningful(t)]
    word = labels.starts_with(phrase.toks, HEADER_LABELS)
    return (
        hit.kind == "po_number"
        and word is not None
        and word.kind == "po_number"  # "PO", never another field's label ("GLN 5601000300012")
        and len(toks) == 2  # the prefix and the rest
        and toks[0].text.isupper()
        and toks[0].text.isalpha()
        and toks[1].text[:1].isdigit()
    )


def _garbled_tail(toks: Sequence[Tok]) -> bool:
    """Whether the words left after a label in its phrase are a label word OCR garbled ("fo..." for
    "NO." after "PO"): a word or two of a character or two and marks, no figure, no colon (a colon
    after them is `_past_colon`'s)."""
    return (
        0 < len(toks) <= JUNK_CHARS
        and all(_junk(t) and not has_digit(t.text) and ":" not in t.text for t in toks)
        and any(c.isalpha() for t in toks for c in t.text)
    )


def _date_parts_after(phrases: list[Line], toks: list[Tok]) -> list[Tok]:
    """`toks`, a date's first words, with the figures of the line's phrases after them that stand
    close ("08   /  02   /  23": a date printed in boxes or spaced out stands in several phrases)."""
    toks = list(toks)
    after = [p for p in phrases if p.x0 >= toks[-1].x1]
    for more in after[:MAX_DATE_PARTS]:
        if not (_DATE_PART.match(more.text) or _month_after_day(toks, more.text)):
            break
        if more.x0 - toks[-1].x1 > DATE_PART_GAP * more.height:
            break
        toks += more.toks
    return toks


def _month_after_day(toks: Sequence[Tok], text: str) -> bool:
    """Whether `text` is a month name, with or without its year, and `toks` a day alone before it: the
    rest of a date whose day a monospaced face printed apart ("26   Nov-26")."""
    named = _MONTH_PART.match(fold(text))
    if named is None or named["month"] not in MONTHS:
        return False
    return len(toks) == 1 and _DAY.match(toks[0].text) is not None


SPECK_WORDS = 2  # words of one character each that a line of specks alone holds


def _specks_alone(line: Line) -> bool:
    """Whether `line` holds nothing but a speck or two read as characters, no figure among them ("t"
    between a row of labels and the row of their values): no value of any field."""
    words = [t.text.strip() for t in line.toks]
    return 0 < len(words) <= SPECK_WORDS and all(len(w) <= 1 and not w.isdigit() for w in words)


def value_below(
    page: Page, line: Line, label: list[Tok], others: Sequence[tuple[float, float]] = ()
) -> list[Tok]:
    """The phrase under a label that heads a box (label above value); with `others`, the spans of
    labels beside it in a row of boxes, only the words nearer this label than any of those, or, when
    the value starts where the label starts (boxes set flush left), the words before the next label
    to the right ("13 de diciembre de 2026" under "Fecha entrega" ends nearer the next label's centre)."""
    x0, x1 = label[0].x0, label[-1].x1
    centre = (x0 + x1) / 2
    centres = [(a + b) / 2 for a, b in others]
    right = min((a for a, _ in others if a >= x1), default=page.width)
    index = page.lines.index(line)
    for below in page.lines[index + 1 : index + 3]:
        if below.y0 - line.y1 > 2.2 * line.height:
            return []
        if _specks_alone(below):
            continue  # "t" between "Purchase order no." and "2685669" under it: a speck, no value
        best, overlap = None, 0.0
        for phrase in below.phrases():
            o = min(x1, phrase.x1) - max(x0, phrase.x0)
            if o > overlap:
                best, overlap = phrase, o
        if best is not None:
            if labels.starts_with(best.toks, HEADER_LABELS):
                return []
            flush = abs(best.x0 - x0) <= line.height
            return [
                t
                for t in best.toks
                if _meaningful(t)
                and (
                    (flush and t.x1 <= right)
                    or all(abs(t.cx - centre) < abs(t.cx - other) for other in centres)
                )
            ]
    return []

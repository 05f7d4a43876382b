"""Header fields by their Spanish or English labels: the value to the right of a label, or under it
when the label heads a box; several sightings of a field that agree make it surer (the choice among them
is `header_choice`'s, an order number's misread characters are mended by `header_mends`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parsers.layout import labels, prose, worn
from parsers.layout.calendar_names import MONTHS, weekday_named
from parsers.layout.date_marks_lost import (
    marks_lost,
    run_together,
    short_year_mark_lost,
    spaced_year_first,
    year_first_mark_lost,
    year_mark_lost,
)
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.header_mends import (
    CODE,
    VALUE_EDGE,
    dash_crossed,
    letter_o,
    letter_o_mended,
    lone_bracket,
    lost_separator,
    seven_barless,
    small_capital,
)
from parsers.layout.labels import Hit
from parsers.layout.numbers import repair_digits
from parsers.layout.text import fold, has_digit, token_key
from parsers.layout.vocab import CURRENCIES, HEADER_LABELS, ISO_CURRENCIES

FOOTER_WEIGHT = 0.6  # a sighting on a footer line, against one in the header
MAX_VALUE_GAP = 0.45  # of the page width, between a label and a value to its right
LABEL_JUNK = 4  # words a garbled sign or leader between a label and its colon may stand in
JUNK_CHARS = 2  # letters or digits of a sign OCR garbled ("4:" for "#:")
LEADER_LETTERS = 3  # a dot leader read as one letter this many times or more ("eee", "ooooo")


# below this confidence, a word of letters alone is what OCR made of a dot leader ("«sisi", "weet" for
# "......:"); a word printed as letters is read surer than that
LEADER_CONF = 0.3
_LEADER_LETTERS = "eoc"
BLOCKS = ("ship_to", "supplier", "buyer")
_SPECKS = frozenset(":.,;…'\"`*·_~|‘’“”")  # what a colon, a dot leader or a speck is read as
DATE_FIELDS = ("order_date", "delivery_date")
_DATE_PART = re.compile(r"^[\d\s/.\-]+['’”\"]?$")  # a speck after it read as a quote ("2026”")


# a month name, and the year after it, standing apart from the day before it ("26   Nov-26" printed by
# a monospaced face, the day one phrase, the month and year the next)
_MONTH_PART = re.compile(r"^(?P<month>[a-z]+)\.?(?:[\s/.\-]+\d{2}(?:\d{2})?)?[\s,.]*$")
_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
MAX_DATE_PARTS = 5  # phrases a spaced-out date may stand in
DATE_PART_GAP = 3.0  # text heights between the parts of one spaced-out date
SENTENCE_WORDS = 3  # words of small letters after a one-word order label's value: a sentence
PROSE_LABEL_WORDS = 2  # words an order-date label in running text needs ("order date", not "date")
PROSE_DATE_WORDS = 6  # words after a label in running text that its date may stand in
PROSE_DATE_START = 4  # characters of filler ("el ", "the ") before that date
PROSE_GAP = 3.0  # line heights between a label ending its phrase in running text and the phrase of its date
NEXT_LINE_GAP = 1.5  # text heights between a line and the next one its sentence runs on to
_DATE_LIKE = re.compile(r"^\s*(?:el\s+|the\s+|on\s+|del?\s+)?[\d#?]{1,4}\s*[/.\-]\s*[\d#?]")


# Fields whose label with an unreadable value must be reported rather than ignored.
UNREADABLE_MATTERS = ("po_number", "order_date", "delivery_date", "party_id")


@dataclass
class Candidate:
    """One sighting of a header field: its value, the words it was read from, how sure the layout is."""

    name: str
    value: object
    toks: list[Tok]
    certainty: float
    label: list[Tok] = field(default_factory=list)
    line: Line | None = None
    below: bool = False
    prose: bool = False  # a delivery date its sentence states plainly: sure if the document agrees
    sentence: bool = False  # an order number a sentence states ("our order 23554-26, dated ...")
    # the certainty a second reading of its ink may give a value left doubtful only for how OCR read it
    again: float = 0.0
    # found by a generic label alone ("Date", "Fecha": one word, no colon), likely for that alone
    generic: bool = False
    # its reading borne out by the same value printed again elsewhere on the page (a currency label's
    # code stated by every other sign and code there): as sure as a cross-checked reading
    vouched: bool = False


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


def _value_right(line: Line, phrase: Line, hit: Hit, hits: list[Hit], width: float) -> tuple[list[Tok], bool]:
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
    ("ENCOMENDA N, 9   : 000957" for "ENCOMENDA Nº: 000957"): the raised "º" of a number sign, or a
    speck beside it, read as a figure. No order number is one figure; its number stands in the next
    phrase, found past a garbled word, so doubtful (a person confirms it)."""
    return hit.kind == "po_number" and len(toks) == 1 and len(toks[0].text) == 1 and toks[0].text.isdigit()


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


def _value_below(
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


def _label_row(phrase: Line, hits: list[Hit]) -> bool:
    """Whether the phrase is nothing but two or more labels: the headings of a row of boxes."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    return (
        len(hits) >= 2
        and all(i in covered or not t.key for i, t in enumerate(phrase.toks))
        and not _label_restated(hits)
    )


def _label_restated(hits: list[Hit]) -> bool:
    """Whether a label with its colon is followed right after by another of the same field's, which the
    first introduces ("Entrega: antes de", "Delivery: no later than"): one label running on into its
    value, not the headings of two boxes."""
    ordered = sorted(hits, key=lambda h: h.start)
    return any(a.colon and b.start == a.end and a.kind == b.kind for a, b in itertools.pairwise(ordered))


def _parse(
    name: str, toks: list[Tok], month_first: bool, scanned: bool = False, *, order_known: bool = False
) -> tuple[object, list[Tok], float] | None:
    """The field's value from the words after its label, the words it used, and a certainty factor;
    `scanned` on an OCR page, where a number may have lost a separator; `order_known` when the
    document's own dates say which it writes first, the day or the month."""
    text = " ".join(t.text for t in toks)
    if name in DATE_FIELDS:
        found = find_date(text, month_first=month_first)
        if found is None and scanned:
            found = spaced_year_first(text)  # "DATA DA ENCOMENDA, 2026  11  25"
        if found is None and scanned:
            found = run_together(text, month_first=month_first)  # "Deliver by: 15122026"
        if found is None and scanned:
            found = marks_lost(text, month_first=month_first)  # "Need by: 11 30 2026"
        if found is None and scanned:
            found = short_year_mark_lost(text, month_first=month_first)  # "FECHA: 25.1126"
        if found is None and scanned:
            found = year_mark_lost(text, month_first=month_first)  # "PO date: 2411-2026"
        if found is None and scanned:
            found = year_first_mark_lost(text)  # "Fecha: 2026-1126"
        if found is None:
            return None
        # a day and a month that could be read the other way round ("05.12.26") are settled when the
        # document's own dates say which it writes first (an order dated "23.11.26" on it)
        certainty = found.certainty / found.swap if order_known else found.certainty
        return found.value, date_read_from(toks, found.end), certainty
    if name == "currency":
        for tok in toks:
            code = CURRENCIES.get(tok.key) or (tok.text if tok.text in ISO_CURRENCIES else None)
            if code:
                return code, [tok], SURE
        return None
    if name in ("po_number", "party_id", "doc_number"):
        joined = lost_separator(toks) if name == "po_number" and scanned else None
        if joined is not None:
            return joined
        for tok in toks[:2]:
            value = tok.text.strip(VALUE_EDGE)
            bracket = 0
            if name == "po_number" and scanned:
                value, bracket = lone_bracket(value)
            fixed, repaired = (
                repair_digits(value) if name == "party_id" and value[:1].isdigit() else letter_o(value)
            )
            if name == "po_number" and scanned:
                fixed, small = small_capital(fixed)
                fixed, seven = seven_barless(fixed)
                fixed, dash = dash_crossed(fixed)
                repaired += small + seven + dash + bracket
            if has_digit(fixed) and CODE.match(fixed) and not find_date(fixed):
                if repaired and name != "party_id":
                    return fixed, [tok], DOUBTFUL  # a letter mended in an order number: a person confirms it
                return fixed, [tok], LIKELY if repaired else SURE
        return None
    return (text, toks, SURE) if toks else None


def value_of(name: str, toks: list[Tok], month_first: bool) -> object | None:
    """What the words would give as the value of the field `name` (an order number, a date) after its
    label on a scan; None when they make none."""
    parsed = _parse(name, toks, month_first, scanned=True)
    return parsed[0] if parsed is not None else None


def date_read_from(toks: Sequence[Tok], end: int) -> list[Tok]:
    """The words after a label that a date read from them rests on: up to the word its reading ends in
    (`end`, in the folded text of the words side by side), without the words after it when the first of
    them holds no figure ("6th December 2026 (goods-in closes at 3 pm)."): a date ends with its year,
    its day or its month, so words of letters after it say nothing of it, and how sure OCR was of them
    is no evidence of the date.  A figure right after it may be part of it OCR parted ("05.12.20 26"),
    and a weekday named after it is checked against it ("2 de diciembre de 2026, miércoles"): then
    every word stays."""
    at = 0
    for i, tok in enumerate(toks):
        at += len(fold(tok.text))
        if at >= end:
            rest = toks[i + 1 :]
            plain = rest and not has_digit(rest[0].text) and weekday_named(rest[0].text) is None
            return list(toks[: i + 1] if plain else toks)
        at += 1
    return list(toks)


def candidates(
    page: Page, skip: set[int], *, month_first: bool = False, order_known: bool = False
) -> list[Candidate]:
    """Every labelled header value on the page, outside the lines in `skip` (table lines, by id);
    `month_first` when the document writes its dates month first (parsers.layout.date_order.month_first),
    `order_known` when its own dates say which (so 05/12/2026 in a sentence is no guess).

    A footer line ("Date generated: 18 May 2026 · Order 4471 · Page 1 of 2") is read too, but its
    sightings weigh less than the header's."""
    out: list[Candidate] = []
    for line in page.lines:
        if line.kind not in ("text", "footer") or id(line) in skip:
            continue
        for phrase in _label_phrases(line):
            hits = labels.find(phrase.toks, HEADER_LABELS, garbled=True)
            if not hits and page.source != "text":  # a text layer's labels are as printed
                hits = (
                    _lone_date_label(line, phrase)
                    or _glued_number_sign(phrase)
                    or worn.parted_date_label(line, phrase, HEADER_LABELS)
                )
            order = (month_first, order_known)
            if page.source != "text" and (
                not hits or hits[0].start > 0 or _lone_generic(page, line, phrase, hits, order)
            ):
                # no label, or one after words OCR wore ("BRCHA DEDIDO": "pedido" alone an order
                # number's label), or a lone generic word giving nothing before words OCR wore ("Date
                # jxsued": "Date" alone a label): those words and it may be a date's label worn
                hits = (
                    worn.worn_date_label(line, phrase, HEADER_LABELS)
                    or worn.worn_box_label(line, phrase, HEADER_LABELS, _under(page, line, phrase))
                    or hits
                )
            if page.source != "text" and not any(h.kind in DATE_FIELDS for h in hits):
                hits = _with_parted_date_label(line, phrase, hits)
            row = _label_row(phrase, hits)
            for hit in hits:
                found = _sighting(page, line, phrase, hit, hits, row, order)
                if found is not None and line.kind == "footer":
                    found.certainty *= FOOTER_WEIGHT
                if found is not None:
                    out.append(found)
                # a label mended only in its number sign ("pedido nP": the ring read as a capital)
                # states its number as any: doubtful (`prose.sign_misread`)
                sign = page.source != "text" and prose.sign_misread(phrase, hit.end)
                if hit.kind == "po_number" and line.kind == "text" and (not hit.mended or sign):
                    out += _prose_order(
                        line, phrase, hit, month_first, found is None, scanned=page.source != "text"
                    )
        out += _place_date(line, month_first, scanned=page.source != "text")
    return out


def _with_parted_date_label(line: Line, phrase: Line, hits: list[Hit]) -> list[Hit]:
    """`hits` and a date's label the phrase holds in running text with one word a fax parted in two
    (`worn.parted_in_sentence`: "GOODS REQUI RED BY 04/12/2026."), where it overlaps none of them: the
    words before it may hold another label read as printed or mended ("DELIVERY TS" taken for "delivery
    to" before "O N OR BEFORE 2026-12-06."), which says nothing of the date's."""
    parted = [
        p
        for p in worn.parted_in_sentence(line, phrase, HEADER_LABELS)
        if all(p.start >= h.end or p.end <= h.start for h in hits)
    ]
    return sorted([*hits, *parted], key=lambda h: h.start) if parted else hits


def _lone_generic(page: Page, line: Line, phrase: Line, hits: list[Hit], order: tuple[bool, bool]) -> bool:
    """Whether the only label found in `phrase` is its first word alone, a generic one ("Date", no
    colon), a word of letters after it in the phrase, and it gives no value: what a worn label's first
    word read as printed leaves ("Date jxsued" for "Date issued", its date under it in a box)."""
    if len(hits) != 1 or hits[0].strong or hits[0].start != 0 or hits[0].end >= len(phrase.toks):
        return False
    if not phrase.toks[hits[0].end].key.isalpha():
        return False
    return _sighting(page, line, phrase, hits[0], hits, _label_row(phrase, hits), order) is None


def _under(page: Page, line: Line, phrase: Line) -> Callable[[], list[Tok]]:
    """The words under `phrase` as a box's heading in the row of `line` (`_value_below`), read when asked."""
    others = [(p.x0, p.x1) for p in line.phrases() if p.x1 < phrase.x0 or p.x0 > phrase.x1]
    return lambda: _value_below(page, line, list(phrase.toks), others)


def _lone_date_label(line: Line, phrase: Line) -> list[Hit]:
    """A date's label of one short word OCR misread a letter of, before its colon ("DALE: 23 November
    2026" for "DATE:"): the one-word date label of the same length with the same first letter and one
    other letter different, when one kind of date label is that. Words this short are left alone by the
    one-letter snap (they would match too much); with the colon after them and standing first, as a
    label does, they make the label, mended, so only a date read after them is taken, doubtful. The first
    letter may be the misread one where it is a look-alike of the label's ("bate:" for "Date:")."""
    tok = phrase.toks[0]
    word = tok.key
    if not (tok.text.endswith(":") and 2 <= len(word) <= labels.SHORT_LABEL_WORD and word.isalpha()):
        return []
    kinds = {
        kind
        for kind in DATE_FIELDS
        for (label,) in (p for p in HEADER_LABELS[kind] if len(p) == 1)
        if len(label) == len(word) and label != word and labels.letter_off(word, label)
    }
    after = " ".join(t.text for t in line.toks if t.x0 >= tok.x1)
    if len(kinds) != 1 or find_date(after, mend=False) is None:
        return []  # no date after it: some other word, not a label to report unread
    (kind,) = kinds
    return [Hit(kind, 0, 1, 1, colon=True, mended=True)]


NUMBER_SIGN = "no"  # "Nº", "N°", "No" as the label vocabulary keys them
MIN_GLUED_WORD = 5  # letters of the label word a number sign was run into ("NPedido")


def _glued_number_sign(phrase: Line) -> list[Hit]:
    """A label "Nº <word>" whose º a fax lost and whose space with it, read as one word ("NPedido" for
    "Nº Pedido"): the phrase's only word that names something, the sign's N (or No) then a label word,
    when "Nº" and that word make a label of one kind. Mended, so a value read after or under it is
    doubtful."""
    keyed = [i for i, t in enumerate(phrase.toks) if t.key]
    if len(keyed) != 1:
        return []
    word = phrase.toks[keyed[0]].key
    rests = {word[len(sign) :] for sign in ("n", NUMBER_SIGN) if word.startswith(sign)}
    kinds = {
        kind
        for kind, phrases in HEADER_LABELS.items()
        for rest in rests
        if len(rest) >= MIN_GLUED_WORD and rest.isalpha() and (NUMBER_SIGN, rest) in phrases
    }
    if len(kinds) != 1:
        return []
    (kind,) = kinds
    tok = phrase.toks[keyed[0]]
    return [Hit(kind, keyed[0], keyed[0] + 1, 2, colon=tok.text.rstrip().endswith(":"), mended=True)]


def _label_phrases(line: Line) -> list[Line]:
    """The line's phrases, two or three of them joined where a label of two or more words runs across
    the gaps between them ("DUE  DATE", "DATA  DA  ENCOMENDA" in a monospaced face, whose word space is
    a whole character cell: a phrase a word)."""
    phrases = line.phrases()
    out: list[Line] = []
    i = 0
    while i < len(phrases):
        prev = out[-1] if out else None
        if prev is not None and _label_across(prev, phrases[i]):
            out[-1] = Line(line.page, [*prev.toks, *phrases[i].toks], line.kind)
            i += 1
            continue
        if prev is not None and i + 1 < len(phrases) and _label_across(prev, phrases[i], phrases[i + 1]):
            # the middle word alone makes no label with either side ("DATA | DA | ENCOMENDA")
            out[-1] = Line(line.page, [*prev.toks, *phrases[i].toks, *phrases[i + 1].toks], line.kind)
            i += 2
            continue
        out.append(phrases[i])
        i += 1
    return out


def _label_across(left: Line, *right: Line) -> bool:
    """Whether a label of two or more words starts in `left` and ends in the last of `right`; one of its
    short words may be misread by a letter ("FECHA DF | PEDIDO" for "FECHA DE PEDIDO", `labels.find`
    with `garbled`): the label found is then mended, and the value after it doubtful."""
    toks = [*left.toks, *(t for r in right for t in r.toks)]
    first, last = len(left.toks), len(toks) - len(right[-1].toks)
    hits = labels.find(toks, HEADER_LABELS, garbled=True)
    return any(h.start < first and h.end > last and h.size >= 2 for h in hits)


def _prose_order(
    line: Line, phrase: Line, hit: Hit, month_first: bool, want_number: bool, *, scanned: bool = False
) -> list[Candidate]:
    """An order number stated in a sentence ("nuestro pedido 23554-26, fechado el 24/11/2026") and
    the date joined to it; the number only when no labelled reading of it was found here. On a scan, a
    number whose slash was read as a colon ("164:26") is taken with its slash, doubtful."""
    found = prose.order_number(phrase, hit, scanned=scanned)
    if found is None:
        return []
    value, tok, index = found
    label = [t for t in phrase.toks[hit.start : hit.end] if t.key]
    # a number found past a number sign misread: in the label, mended ("pedido nP"), or a word the
    # label did not take ("pedido in? 699/26")
    skipped = index > hit.end and prose.sign_misread(phrase, hit.end + 1)
    mended = prose.slash_mended(tok, value) or (scanned and (hit.mended or skipped))
    out = (
        [Candidate("po_number", value, [tok], DOUBTFUL if mended else LIKELY, label, line, sentence=True)]
        if want_number
        else []
    )
    dated = prose.date_after(phrase, index, month_first)
    if dated is not None:
        # a date read only once OCR's misreading of it was mended weighs as little as its reading is sure
        when, words = dated
        out.append(Candidate("order_date", when.value, words, min(LIKELY, when.certainty), label, line))
    return out


def _place_date(line: Line, month_first: bool, *, scanned: bool = False) -> list[Candidate]:
    """A letter's opening "Madrid, 24 de noviembre de 2026": the order's date, by the custom of letters."""
    if line.kind != "text":
        return []
    found = prose.place_and_date(line, month_first, scanned=scanned)
    if found is None:
        return []
    # the place is no part of the date: its words are not the date's evidence, nor are they read again
    # with it (a cut-out of the whole line read as one word garbles the date's figures)
    words = list(line.toks)[prose.place_words(line, scanned=scanned) :]
    # a date read only once OCR's misreading of it was mended weighs as little as its reading is sure
    return [Candidate("order_date", found.value, words, min(LIKELY, found.certainty), [], line)]


def _sighting(
    page: Page, line: Line, phrase: Line, hit: Hit, hits: list[Hit], row: bool, order: tuple[bool, bool]
) -> Candidate | None:
    """The field a label found in `phrase` gives, its value read to its right or under it; `order`:
    whether the document writes month first, and whether its own dates say so."""
    month_first = order[0]
    first = next(i for i, t in enumerate(phrase.toks) if t.key)
    if hit.start != first and not hit.colon and not row:
        return _in_prose(page, line, phrase, hit, order)  # a label word inside running text
    if hit.start != first and hit.kind == "order_date" and hit.size == 1:
        return None  # "Launch Date:", "Valid Date:": some other date, not the order's
    if (
        hit.kind == "po_number"
        and not hit.strong
        and (_sentence_after(phrase, hit) or prose.titled(phrase, hit))
    ):
        return None  # "Order 11246, as amended, requires ...": a sentence, no labelled order number
    label = [t for t in phrase.toks[hit.start : hit.end] if t.key]
    if row and hit.kind in BLOCKS:
        return Candidate(hit.kind, None, [], SURE, label, line, below=True)
    alone = not row and hit.start == first and hit.end >= len(phrase.toks)
    if hit.mended and not (hit.colon or row or alone):
        return None  # a label OCR misread a short word of stands as labels do: before a colon, over a box
    if row:
        others = [(phrase.toks[h.start].x0, phrase.toks[h.end - 1].x1) for h in hits if h != hit]
        toks, below, garbled = _value_below(page, line, label, others), True, False
    else:
        (toks, garbled), below = _value_right(line, phrase, hit, hits, page.width), False
    if not toks and alone:
        if hit.kind in BLOCKS:
            return Candidate(hit.kind, None, [], SURE, label, line, below=True)
        toks, below = _value_below(page, line, label), True
    if hit.kind in BLOCKS:
        return Candidate(hit.kind, None, toks, SURE, label, line) if toks else None
    scanned = page.source != "text"
    parsed = _parse(hit.kind, toks, month_first, scanned, order_known=order[1])
    if parsed is None and alone and not below:
        # a row of labels in boxes, each its own phrase ("Document Date    Page"): the value is under it
        others = [(p.x0, p.x1) for p in line.phrases() if p.x1 < phrase.x0 or p.x0 > phrase.x1]
        under = _value_below(page, line, label, others)
        parsed = _parse(hit.kind, under, month_first, scanned, order_known=order[1]) if under else None
        toks, below = (under, True) if parsed is not None else (toks, below)
    if parsed is None:
        if toks and hit.strong and hit.kind in UNREADABLE_MATTERS:
            return Candidate(hit.kind, None, toks, 0.0, label, line, below)  # seen, unreadable
        return None
    value, used, sure = parsed
    # a label read only once a short word OCR misread in it was mended: a person confirms its value;
    # so too a value under a label OCR misread a word of ("PEDIOO:", a title's "PEDIDO DE COMPRA" read
    # garbled, over the postal code of the address under it): a misread word alone, nothing beside it,
    # is no sure label, and the words under it need not be its value
    # and a value found past a garbled word the label ends in ("PO fo...  010762")
    garbled = garbled and not below
    strength = (
        DOUBTFUL
        if hit.mended or garbled or (below and _misread_label(label))
        else SURE
        if hit.strong
        else LIKELY
    )
    generic = strength == LIKELY and not hit.strong
    # an order number doubtful only for a letter O mended in it ("0C/26/61293"): its ink read again, and
    # inked as the letter O, may make it as sure as its label (`parsers.layout.recheck`)
    lettered = hit.kind == "po_number" and scanned and sure == DOUBTFUL and len(used) == 1
    again = strength if lettered and letter_o_mended(used[0].text, str(value)) else 0.0
    return Candidate(hit.kind, value, used, sure * strength, label, line, below, generic=generic, again=again)


def _misread_label(label: Sequence[Tok]) -> bool:
    """Whether OCR read a word of the label other than as printed: found only once it was snapped to
    the label word one letter away (`cleanup.snap`)."""
    return any(t.key != token_key(t.text) for t in label)


def _sentence_after(phrase: Line, hit: Hit) -> bool:
    """Whether the words after a label's value run on as a sentence (several words of small letters)."""
    rest = [t.text.strip(",;.:()") for t in phrase.toks[hit.end + 1 :]]
    return sum(1 for w in rest if w.isalpha() and w.islower()) >= SENTENCE_WORDS


def _in_prose(page: Page, line: Line, phrase: Line, hit: Hit, order: tuple[bool, bool]) -> Candidate | None:
    """A delivery date in running text ("... servir antes del 05/12/2026", "required by 3 Dec 2026"):
    the date right after the label. Prose is no form: the date is doubtful (a person confirms it)
    unless its sentence plainly asks for delivery on that one date, and the date cannot be read two
    ways; then it is sure for the sentence, and the order checks it against the rest of the document.
    Figures there that make no date are a date seen but not read. Any other field's label in prose
    is no label."""
    month_first, order_known = order
    if hit.kind != "delivery_date" and not (hit.kind == "order_date" and hit.size >= PROSE_LABEL_WORDS):
        return None
    phrase = _run_on(line, phrase, hit)
    toks = phrase.toks[hit.end : hit.end + PROSE_DATE_WORDS]
    label = [t for t in phrase.toks[hit.start : hit.end] if t.key]
    text = " ".join(t.text for t in toks)
    found = find_date(text, month_first=month_first)
    if found is None and page.source != "text":
        found = marks_lost(text, month_first=month_first)  # "para el dia 12.12 2026."
    if found is not None and len(prose.without_weekday(text[: found.start])) <= PROSE_DATE_START:
        # a two-digit year leaves only the century in doubt, which the order date settles; the day
        # and the month are settled by the document's own dates, or by a month written in letters
        decided = order_known or found.month_named
        plain = found.certainty == SURE or (decided and found.certainty >= LIKELY)
        # a label found only once a word the fax parted was joined is no plain statement: a person
        # confirms its date (`worn.parted_in_sentence`)
        if (
            hit.kind == "delivery_date"
            and plain
            and not hit.mended
            and _stated(page, line, phrase, hit, month_first)
        ):
            return Candidate(hit.kind, found.value, toks, SURE, label, line, prose=True)
        return Candidate(hit.kind, found.value, toks, min(DOUBTFUL, found.certainty), label, line)
    if toks and _DATE_LIKE.match(text):
        return Candidate(hit.kind, None, toks, 0.0, label, line)  # seen, unreadable
    return None


def _run_on(line: Line, phrase: Line, hit: Hit) -> Line:
    """`phrase` with the line's next phrase after it when the label in running text ends the phrase and
    that phrase stands within a few letters of it: a sentence a gap parted ("Entrega: antes de]
    12.12.26", the "l" lost; "DELIVER NO LATER THAN  03.12.26." in a monospaced face, whose word space
    is a whole character cell). A date far to the right is some other box's, not the sentence's."""
    if hit.end < len(phrase.toks):
        return phrase
    after = [p for p in line.phrases() if p.x0 >= phrase.x1]
    if not after or after[0].x0 - phrase.x1 > PROSE_GAP * line.height:
        return phrase
    return Line(line.page, [*phrase.toks, *after[0].toks], line.kind)


def _stated(page: Page, line: Line, phrase: Line, hit: Hit, month_first: bool) -> bool:
    """Whether the sentence holding a delivery label in running text plainly asks for delivery on one
    date: the sentence from its start in this phrase to its end, on the next line when it runs on."""
    before = prose.sentence_start(" ".join(t.text for t in phrase.toks[: hit.start]))
    after = " ".join(t.text for t in phrase.toks[hit.start :])
    end = prose.sentence_end(after)
    if end is None:
        index = page.lines.index(line)
        nxt = page.lines[index + 1] if index + 1 < len(page.lines) else None
        if nxt is not None and nxt.y0 - line.y1 <= NEXT_LINE_GAP * line.height:
            more = nxt.text
            after += " " + more[: prose.sentence_end(more) or len(more)]
    else:
        after = after[:end]
    return prose.delivery_stated(f"{before} {after}", month_first)

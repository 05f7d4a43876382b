"""Header fields by their Spanish or English labels: the value to the right of a label, or under it
when the label heads a box; several sightings of a field that agree make it surer (the choice among them
is `header_choice`'s, an order number's misread characters are mended by `header_mends`). Where a label's
value stands is `value_words`'s, how it is read `header_values`'s, and labels OCR or the face spoiled are
found by `header_labels`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parsers.layout import labels, prose, worn
from parsers.layout.date_marks_lost import marks_lost
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL, LIKELY, SURE
from parsers.layout.geometry import Line, Page, Tok
from parsers.layout.header_labels import (
    glued_number_sign,
    label_phrases,
    label_row,
    lone_date_label,
    with_parted_date_label,
)
from parsers.layout.header_mends import letter_o_mended
from parsers.layout.header_values import DATE_FIELDS, parse_value
from parsers.layout.labels import Hit
from parsers.layout.text import token_key
from parsers.layout.value_words import value_below, value_right
from parsers.layout.vocab import HEADER_LABELS

FOOTER_WEIGHT = 0.6  # a sighting on a footer line, against one in the header
BLOCKS = ("ship_to", "supplier", "buyer")
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
        for phrase in label_phrases(line):
            hits = labels.find(phrase.toks, HEADER_LABELS, garbled=True)
            if not hits and page.source != "text":  # a text layer's labels are as printed
                hits = (
                    lone_date_label(line, phrase)
                    or glued_number_sign(phrase)
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
                hits = with_parted_date_label(line, phrase, hits)
            row = label_row(phrase, hits)
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


def _lone_generic(page: Page, line: Line, phrase: Line, hits: list[Hit], order: tuple[bool, bool]) -> bool:
    """Whether the only label found in `phrase` is its first word alone, a generic one ("Date", no
    colon), a word of letters after it in the phrase, and it gives no value: what a worn label's first
    word read as printed leaves ("Date jxsued" for "Date issued", its date under it in a box)."""
    if len(hits) != 1 or hits[0].strong or hits[0].start != 0 or hits[0].end >= len(phrase.toks):
        return False
    if not phrase.toks[hits[0].end].key.isalpha():
        return False
    return _sighting(page, line, phrase, hits[0], hits, label_row(phrase, hits), order) is None


def _under(page: Page, line: Line, phrase: Line) -> Callable[[], list[Tok]]:
    """The words under `phrase` as a box's heading in the row of `line` (`value_below`), read when asked."""
    others = [(p.x0, p.x1) for p in line.phrases() if p.x1 < phrase.x0 or p.x0 > phrase.x1]
    return lambda: value_below(page, line, list(phrase.toks), others)


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
    words = list(line.toks)[prose.place_words(line, month_first, scanned=scanned) :]
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
        toks, below, garbled = value_below(page, line, label, others), True, False
    else:
        (toks, garbled), below = value_right(line, phrase, hit, hits, page.width), False
    if not toks and alone:
        if hit.kind in BLOCKS:
            return Candidate(hit.kind, None, [], SURE, label, line, below=True)
        toks, below = value_below(page, line, label), True
    if hit.kind in BLOCKS:
        return Candidate(hit.kind, None, toks, SURE, label, line) if toks else None
    scanned = page.source != "text"
    parsed = parse_value(hit.kind, toks, month_first, scanned, order_known=order[1])
    if parsed is None and alone and not below:
        # a row of labels in boxes, each its own phrase ("Document Date    Page"): the value is under it
        others = [(p.x0, p.x1) for p in line.phrases() if p.x1 < phrase.x0 or p.x0 > phrase.x1]
        under = value_below(page, line, label, others)
        parsed = parse_value(hit.kind, under, month_first, scanned, order_known=order[1]) if under else None
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

"""Header words read again: the order number or date (one word, or the words of one line a date is
made of) the layout reader is sure of but for its characters (`parsers.layout.recheck`), when OCR was
not sure of them, is cut from the page holding its own ink alone (`parsers.ocr.cutouts.cut_out`: no
neighbouring line's, other word's or rule's) and read again, upscaled and at the page's resolution
(`--psm 7`, any character).  When both readings say exactly what the page's reading said (spaces
aside, and an order number's letters in either case when the layout took them as capitals), each with
confidence, three reads at two scales and two segmentations agree: the field is as sure as its label
makes it and the surest of them.  When one of the two says it too but unsure, it
neither vouches nor gainsays: the field is read a third way (one raw line, `--psm 13`), which must say
it with confidence to stand in for it.  So is one that says it but for one letter or figure read as a
symbol that is no letter, figure or mark ("23/11/202€" for "23/11/2026"): it lost that character to the
fax and says no other value.  Any other outcome leaves the field as read, in doubt, for a
person to see; so a field the first reading says otherwise (not blurred) is not read the second way.
A date the page read parted by a gap ("26/1 1/2026") must be said joined, in one word, by each reading
(`Recheck.whole`): one that parts it too says no more than the page did.  A date the page read with an
opening bracket before its first two or four figures that nothing closes ("(04/12/26") is said by a
reading with or without it (`_unbracketed`): no figure of the date can stand there.

An order number with a word of figures a word space or less beside it on its line is doubtful before
any of that (`doubt_parted`): OCR may have parted one number in two ("OC/26/1 4512"), and the layout
took one part; read again alone, that part would agree with itself and still be short.  So is one
with a stroke of no letter or figure beside it within its text's height ("OC/26/4612 |" for
"OC/26/46123"): a character lost to the fax but for one stroke, which a reading of the number's own
box would not see either.

A header field (order or customer number, a date) or a line's code with ink beside it that OCR read
unsurely and the word cleanup dropped as a speck (`doubt_dropped_ink`) is doubtful after all of that:
the dropped ink may be part of the value ("1 22261 61" for "F-22261", the "1" a "F-" read at 0.17 over
the box's height), and a reading of the value's own box would agree with itself and still be short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.calendar_names import month_beyond_misreading
from parsers.layout.cleanup import dropped_ink
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.geometry import PHRASE_GAP
from parsers.layout.header_mends import letter_o_mended, letter_o_places
from parsers.layout.recheck import Recheck, same_date_words
from parsers.layout.text import fold
from parsers.ocr.cutouts import Cell, ReadCells, cell_options, cut_out
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage

UNSURE = 0.8  # a field below this confidence is read again (validation's floor)
ALIKE = 0.8  # confidence each reading again must have to vouch for the field
# what a box rule, a speck or a quotation mark beside the word adds at its edges when cut out alone
EDGES = "|¦[]{}\"'“”‘’«»`.,:;-_~*"


def doubt_parted(orders: Sequence[CapturedOrder], pages: Sequence[PageWords]) -> list[CapturedOrder]:
    """`orders` with each order number that stands a word space or less from a word with figures on
    its line made doubtful (module docstring)."""
    by_number = {p.number: p for p in pages}
    out = []
    for order in orders:
        found = order.evidence_for("po_number")
        where = found.provenance if found else None
        if found is None or where is None or where.box is None or where.page not in by_number:
            out.append(order)
            continue
        if found.confidence > DOUBTFUL and _parted(where.box, by_number[where.page]):
            order = order.with_confidence("po_number", DOUBTFUL)
        out.append(order)
    return out


def _parted(box: tuple[float, float, float, float], page: PageWords) -> bool:
    """Whether a word with a figure, or a stroke that may be what is left of one, stands beside `box` on
    its line, a word space or less from it."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    for word in page.words:
        overlap = min(y1, word.y1) - max(y0, word.y0)
        if overlap < height / 2 or not (any(c.isdigit() for c in word.text) or _stroke(word, box)):
            continue
        gap = max(x0 - word.x1, word.x0 - x1)
        if 0 <= gap <= PHRASE_GAP * height:
            return True
    return False


# the fields whose value a piece of dropped ink beside it may belong to
_INKED_FIELDS = re.compile(
    r"^(?:po_number|buyer\.party_id|order_date|requested_delivery_date"
    r"|lines\[\d+\]\.(?:item_code|buyer_item_code|supplier_item_code|gtin|requested_delivery_date))$"
)
INK_GAP = 0.6  # of the value's text height: about a character's width, the most dropped ink stands off


def doubt_dropped_ink(orders: Sequence[CapturedOrder], pages: Sequence[PageWords]) -> list[CapturedOrder]:
    """`orders` with each header field or line code that has ink beside it which OCR read unsurely and
    the word cleanup dropped (`parsers.layout.cleanup.dropped_ink`) made doubtful (module docstring):
    on its line (over half the value's height), touching the value's box or a character's width or
    less from it, read with less confidence than a field needs (`UNSURE`)."""
    by_number = {p.number: [w for w in dropped_ink(p.words) if w.confidence < UNSURE] for p in pages}
    out = []
    for order in orders:
        for found in order.evidence:
            where = found.provenance
            if (
                found.confidence > DOUBTFUL
                and _INKED_FIELDS.match(found.field)
                and where.box is not None
                and any(_beside(where.box, w) for w in by_number.get(where.page or 0, ()))
            ):
                order = order.with_confidence(found.field, DOUBTFUL)
        out.append(order)
    return out


def _beside(box: tuple[float, float, float, float], word: Word) -> bool:
    x0, y0, x1, y1 = box
    height = y1 - y0
    overlap = min(y1, word.y1) - max(y0, word.y0)
    gap = max(x0 - word.x1, word.x0 - x1)
    return overlap >= height / 2 and gap <= INK_GAP * height


def _stroke(word: Word, box: tuple[float, float, float, float]) -> bool:
    """Whether `word` is a mark of no letter or figure ("|", ":", "'") standing within the text's
    height, neither a speck nor a rule: a character of the number that OCR lost but for a stroke
    ("OC/26/4612 |" for "OC/26/46123") looks so, where a box's rule reaches past the text and a full
    stop keeps to its foot."""
    _, y0, _, y1 = box
    height = y1 - y0
    if not word.text.strip() or word.text.strip(EDGES):
        return False
    tall = word.y1 - word.y0
    inside = word.y0 >= y0 - height / 8 and word.y1 <= y1 + height / 8
    return inside and tall >= height / 2


def spare_way(read_pages: Callable[..., list[PageWords]], page: OcrOptions) -> ReadCells:
    """The third way a field is read again, when one of the first two said it only unsure: upscaled,
    any character, as one raw line (`--psm 13`: no layout analysis of the cut-out at all), a reading
    that goes its own way where the first two share Tesseract's line finding."""
    return partial(read_pages, options=replace(cell_options(page, whitelist=""), psm=13))


def confirm(
    orders: Sequence[CapturedOrder],
    rechecks: Sequence[Recheck],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
    spare: ReadCells | None = None,
) -> list[CapturedOrder]:
    """`orders` with each field of `rechecks` that every way in `reads` reads alike vouched for; a
    field one of them read alike but unsure is read once more the `spare` way, which may stand in for it
    (module docstring)."""
    wanted: list[tuple[Recheck, Evidence, Cell]] = []
    for check in rechecks:
        found = orders[check.order].evidence_for(check.path)
        if found is None or found.confidence >= UNSURE:
            continue
        where = found.provenance
        if where.page is None or where.box is None:
            continue
        wanted.append((check, found, Cell(check.path, where.page, where.box)))
    if not wanted:
        return list(orders)
    # the word (or the words of a date, spaces aside) as the page's reading had it
    # (or what the check says it must read: a total the order's sums mended)
    printed = [
        "".join((check.says or found.provenance.raw or "").split()).strip(EDGES) for check, found, _ in wanted
    ]
    dated = [check.path.endswith("date") for check, _, _ in wanted]
    printed = [_unbracketed(text) if date_ else text for text, date_ in zip(printed, dated, strict=True)]
    # a date the page read parted by a gap ("26/1 1/2026"): a reading must say it in one word
    whole = [check.whole for check, _, _ in wanted]
    # an order number whose letter O was mended ("0C/26/61293"): a reading's O or 0 there says the same
    lettered = [
        mended_letter_o(orders[check.order], check.path, found.provenance) for check, found, _ in wanted
    ]
    # an order number the layout put upright ("Oc-2026-93546" for OC-2026-93546): a reading in either
    # case says the same
    upright = [
        _upright(orders[check.order], check.path, printed[n]) for n, (check, _, _) in enumerate(wanted)
    ]
    readings: list[list[float | None]] = [[] for _ in wanted]
    # a reading that lost one character to a symbol ("23/11/202€") neither vouches nor gainsays
    blurred: list[list[bool]] = [[] for _ in wanted]
    # a field printed as nothing is vouched for by no reading, nor one a way read as another value (not
    # blurred): neither is read again (the next way), no reading could change what becomes of it
    open_ = [n for n in range(len(wanted)) if printed[n]]
    if not open_:
        return list(orders)
    crops = cut_out([cell for _, _, cell in wanted], images, pages, alone=True)
    for read in reads:
        if not open_:
            break
        for n, again in zip(open_, read([crops[n] for n in open_]), strict=True):
            readings[n].append(_said(printed[n], again, dated[n], lettered[n], upright[n], whole[n]))
            blurred[n].append(_blurred(printed[n], again))
        # the reading said another value: its None leaves the field unvouched whatever comes next
        open_ = [n for n in open_ if readings[n][-1] is not None or blurred[n][-1]]
    # read alike by every way, all but one with confidence (or that one blurred): the spare way may
    # stand in for that one
    short = [
        n
        for n, got in enumerate(readings)
        if len(got) > 1
        and all(c is not None or blur for c, blur in zip(got, blurred[n], strict=True))
        and sum(c is None or c < ALIKE for c in got) == 1
    ]
    if spare is not None and short:
        for n, words in zip(short, spare([crops[n] for n in short]), strict=True):
            kept = [c for c in readings[n] if c is not None and c >= ALIKE]
            readings[n] = [*kept, _said(printed[n], words, dated[n], lettered[n], upright[n], whole[n])]
    out = list(orders)
    for n, (check, found, _) in enumerate(wanted):
        order = out[check.order]
        confidences = readings[n]
        if not printed[n] or None in confidences or min(c for c in confidences if c is not None) < ALIKE:
            continue
        sure = round(check.certainty * min(c for c in confidences if c is not None), 3)
        if sure > found.confidence:
            out[check.order] = order.with_confidence(check.path, sure)
    return out


def _said(
    value: str,
    words: PageWords,
    dated: bool = False,
    lettered: bool = False,
    upright: bool = False,
    whole: bool = False,
) -> float | None:
    """The reading's confidence if it says exactly `value` (edges and spaces aside), else None; a date
    (`dated`) may say it with a separator `value` was read with another for, when it is a date as it
    stands (`parsers.layout.recheck.same_date_words`); an order number whose letter O was mended
    (`lettered`) with an O or a 0 where the letter stands, either case; one the layout took in capitals
    (`upright`, `_upright`) in either case.  With `whole`, only a reading of one word says it: a date
    the page read parted by a gap ("26/1 1/2026"), which a reading that parts it too leaves unsettled."""
    ordered = sorted(words.words, key=lambda w: w.x0)
    text = "".join("".join(w.text.split()) for w in ordered).strip(EDGES)
    text = _unbracketed(text) if dated else text
    inked = [w for w in ordered if w.text.strip(EDGES)]
    if whole and (len(inked) != 1 or len(inked[0].text.split()) != 1):
        return None
    same = (
        text == value
        or (dated and same_date_words(value, text))
        or (upright and text.upper() == value.upper())
    )
    if not inked or not (same or (lettered and _lettered(text) == _lettered(value))):
        return None
    # a date's month name read exactly as printed, far from every other month's, needs no confidence;
    # nor does a word that only joins its parts ("de"): read alike, it holds no figure of the date
    weighed = [w for w in inked if not (dated and (month_beyond_misreading(w.text) or joins_date(w.text)))]
    return min(w.confidence for w in weighed or inked)


# an opening bracket before a date's first figures when they are two or four: no figure stands before them
_BRACKET_BEFORE = re.compile(r"^\((?=(?:\d{2}|\d{4})\D)")


def _unbracketed(text: str) -> str:
    """A date's reading without an opening bracket read before it that nothing in it closes, where its
    first figures are two or four ("(04/12/26"): no figure of a date stands before them, so the bracket
    (or a speck read as one) is no part of the date, and a reading without it says the same figures.
    Before one figure ("(4/12/26") it may be a 1 that lost its foot ("14/12/26"), and is kept."""
    return text[1:] if ")" not in text and _BRACKET_BEFORE.match(text) else text


def mended_letter_o(order: CapturedOrder, path: str, where: Provenance) -> bool:
    """Whether the field `path` is an order number read as `where.raw` with a letter O mended in it
    (`parsers.layout.header_mends.letter_o_mended`: "0C/26/61293" for OC/26/61293)."""
    return path == "po_number" and letter_o_mended(where.raw or "", str(order.po_number))


def _upright(order: CapturedOrder, path: str, printed: str) -> bool:
    """Whether the field `path` is an order number the layout took as its page's reading `printed` with
    every letter a capital (`parsers.layout.header_mends.small_capital`: "Oc-2026-93546" is OC-2026-93546):
    its letters' case is no part of the order, so a reading again in either case says it.  A number
    left with small letters is not: a reading in capitals would vouch for letters the order lacks."""
    number = str(order.po_number or "")
    return path == "po_number" and bool(printed) and number == printed.upper()


def _lettered(text: str) -> str:
    """An order number's reading with its letters upright and the letter O at each place where an O or
    a 0 stands in a part that is letters but for it (`parsers.layout.header_mends.letter_o_places`)."""
    places = set(letter_o_places(text))
    return "".join("O" if i in places else c for i, c in enumerate(text.upper()))


# marks that stand between figures or after them in what a field prints: read for a figure, they may
# be the field's own (a number or date ended early), so they are never taken for a figure lost
_MARKS = ".,:;/-"


def _blurred(value: str, words: PageWords) -> bool:
    """Whether the reading says `value` (edges and spaces aside) but for one letter or figure read as a
    symbol that is no letter, figure or mark ("23/11/202€" for "23/11/2026"): a character lost to the
    fax in that reading, which says no other value, so neither vouches for `value` nor gainsays it."""
    ordered = sorted(words.words, key=lambda w: w.x0)
    text = "".join("".join(w.text.split()) for w in ordered).strip(EDGES)
    if len(text) != len(value) or not value:
        return False
    apart = [(a, b) for a, b in zip(value, text, strict=True) if a != b]
    if len(apart) != 1:
        return False
    printed, read = apart[0]
    return printed.isalnum() and not read.isalnum() and read not in _MARKS and not read.isspace()


# the words a date in words joins its day, month and year with ("24 de noviembre de 2026"), as
# `parsers.layout.dates` reads them
DATE_JOINERS = frozenset({"de", "del"})


def joins_date(text: str) -> bool:
    """Whether `text` is a word a date in words only joins its parts with (`DATE_JOINERS`).  A date read
    again must say every word exactly as the page's reading did; a joining word so read holds no figure
    and no month, and no misreading of it changes the date, however unsure Tesseract was of its letters
    (its two letters have no word around them for the engine to check them against)."""
    return fold(text) in DATE_JOINERS

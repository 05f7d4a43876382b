"""Header labels read again: a phrase the layout found beside a value of a field the order lacks, that
may be that field's label OCR garbled (`parsers.layout.relabel`: "N¢ pedido" for "Nº pedido"), is cut
from the page and read alone (one line, upscaled, any character).  When that reading is a label of a
field the value could be, its words take the phrase's place and the page is read again; the second
reading is kept only when it fills a field that was missing and leaves every other header field and
every line as it was.  A field so found is doubtful, whatever its value's own reading: its label was
read only the second time, so a person confirms it (and no re-reading of the value lifts that).  Not
so where the page's own reading said the same words but for a lone character among them ("Order r
date:" for "Order date:", a speck read as a letter), or the same letters but for one read as another,
spaces aside ("Ordermumber:" for "Order number:", the second reading sure of every word): the label was
then read twice alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import Extraction
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.geometry import read_page
from parsers.layout.relabel import FIELDS, LabelSpot, says_label
from parsers.layout.vocab import HEADER_LABELS
from parsers.ocr.cutouts import Cell, ReadCells, cut_out
from parsers.ocr.images import PageImage

Extractor = Callable[[Sequence[PageWords]], Extraction]
EDGE_CONF = 0.5  # a character or mark at the edge of the reading below this: a neighbour's ink caught
LABEL_CONF = 0.5  # confidence every word of the label read again must have
# confidence every word of a label read again must have to settle a page's reading a letter off it
# (`_one_letter_off`): validation's floor for a field
SURE_WORD = 0.8
# the header fields compared between the two readings of the page
_HEADER = (
    "po_number",
    "order_date",
    "requested_delivery_date",
    "currency",
    "total",
    "net_total",
    "tax_total",
)


def reread_labels(
    extraction: Extraction,
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    read: ReadCells,
    extract: Extractor,
) -> Extraction:
    """The extraction, with the fields a label read again gives (module docstring); the pages' words
    are left as read."""
    spots = extraction.labels
    if not spots:
        return extraction
    said = read(cut_out([Cell("label", s.page, s.box) for s in spots], images, pages))
    trial = list(pages)
    kinds: set[str] = set()
    unconfirmed: set[str] = set()  # labels the page's own reading did not say too
    for spot, again in zip(spots, said, strict=True):
        words = _label_words(again)
        if not words or not says_label(read_page(replace(again, words=tuple(words))), spot.kinds):
            continue
        first = next((_inside(p, spot) for p in pages if p.number == spot.page), [])
        if not _read_alike(first, words):
            unconfirmed |= set(spot.kinds)
        trial = [_placed(p, spot, words) if p.number == spot.page else p for p in trial]
        kinds |= set(spot.kinds)
    if not kinds:
        return extraction
    second = extract(trial)
    gained = _gained(extraction.orders, second.orders, {FIELDS[k] for k in kinds})
    if gained is None:
        return extraction
    doubted = [paths & {FIELDS[k] for k in unconfirmed} for paths in gained]
    orders = tuple(_doubtful(order, paths) for order, paths in zip(second.orders, doubted, strict=True))
    rechecks = tuple(r for r in second.rechecks if r.path not in doubted[r.order])
    return replace(second, orders=orders, rechecks=rechecks, labels=())


def _inside(page: PageWords, spot: LabelSpot) -> list[Word]:
    """The page's words whose centres stand in the spot's box, left to right."""
    x0, y0, x1, y1 = spot.box
    return sorted((w for w in page.words if x0 <= w.cx <= x1 and y0 <= w.cy <= y1), key=lambda w: w.x0)


def _read_alike(first: Sequence[Word], again: Sequence[Word]) -> bool:
    """Whether the page's own reading of a label's phrase said the words its reading again says, but
    for a lone character among them ("Order r date:" and "Order date:"): a speck read as a letter, which
    kept the layout from the label, and the second reading that left it out.  The label was then read
    twice alike, not only the second time.  So it was where the page's reading says the label's letters
    but for one read as another, its spaces aside ("Ordermumber:" for "Order number:"), and the reading
    again says every word of it surely (`_one_letter_off`)."""
    kept = [w.text for w in first if sum(c.isalnum() for c in w.text) > 1 or len(w.text.strip()) > 1]
    return bool(kept) and (kept == [w.text for w in again] or _one_letter_off(kept, again))


def _one_letter_off(first: Sequence[str], again: Sequence[Word]) -> bool:
    """Whether the page's reading `first` of a label's phrase spells the words read again `again`, each
    read with `SURE_WORD` confidence or more, letter for letter but for at most one letter read as
    another, the words' spaces and the letters' case aside.  Two readings of the ink (the page's and
    the cut-out's, each its own line finding) then say one label: the one letter they differ in is the
    page's misreading, which the sure reading settles.  Not where the page's reading is itself a label, of
    any field ("to", a supplier's, is a letter from "PO"; "entregar en" from "entregar el"): the two
    readings then name two labels, and the one read once stays so.  A letter dropped or added, two
    letters off, or a word read again unsure leaves the label read once."""
    page = "".join("".join(first).split()).casefold()
    cut = "".join("".join(w.text for w in again).split()).casefold()
    if len(page) != len(cut) or any(w.confidence < SURE_WORD for w in again):
        return False
    apart = [(a, b) for a, b in zip(page, cut, strict=True) if a != b]
    if not apart:
        return True  # the same letters, a space lost or misplaced ("Or dernumber:")
    return len(apart) == 1 and all(c.isalpha() for c in apart[0]) and _letters(page) not in _ANY_LABEL


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


# every header label of any field, as its letters and figures alone, spaces and marks aside
_ANY_LABEL = frozenset(_letters("".join(p)) for phrases in HEADER_LABELS.values() for p in phrases)


def _label_words(again: PageWords) -> list[Word]:
    """The words read again, left to right, without a character or mark at either edge read unsure
    (a neighbour's ink the cut-out caught); none when a word left is read unsure."""
    words = sorted((w for w in again.words if w.text.strip()), key=lambda w: w.x0)
    while words and _edge(words[0]):
        words = words[1:]
    while words and _edge(words[-1]):
        words = words[:-1]
    if any(w.confidence < LABEL_CONF for w in words):
        return []
    return words


def _edge(word: Word) -> bool:
    return word.confidence < EDGE_CONF and sum(c.isalnum() for c in word.text) <= 1


def _placed(page: PageWords, spot: LabelSpot, words: Sequence[Word]) -> PageWords:
    """`page` with its words in the spot's box given up for `words`, spread over the box by their
    lengths (a space's width between them)."""
    x0, y0, x1, y1 = spot.box
    inside = _inside(page, spot)
    kept = tuple(w for w in page.words if w not in inside)
    chars = sum(len(w.text) for w in words) + len(words) - 1
    step = (x1 - x0) / max(1, chars)
    line, block = (inside[0].line, inside[0].block) if inside else (None, None)
    placed, at = [], x0
    for w in words:
        end = at + step * len(w.text)
        placed.append(Word(w.text, at, y0, end, y1, w.confidence, line, block))
        at = end + step
    return replace(page, words=kept + tuple(placed))


def _gained(
    before: Sequence[CapturedOrder], after: Sequence[CapturedOrder], wanted: set[str]
) -> list[set[str]] | None:
    """The fields among `wanted` each order of `after` has that it lacked in `before`, when it gains at
    least one and every other header field and every line is as it was; else None."""
    if len(before) != len(after):
        return None
    out: list[set[str]] = []
    for old, new in zip(before, after, strict=True):
        if old.lines != new.lines:
            return None
        got = set()
        for path in _HEADER:
            was, now = getattr(old, path), getattr(new, path)
            if was == now:
                continue
            if was is not None or path not in wanted:
                return None
            got.add(path)
        out.append(got)
    return out if any(out) else None


def _doubtful(order: CapturedOrder, paths: set[str]) -> CapturedOrder:
    for path in paths:
        found = order.evidence_for(path)
        if found is not None and found.confidence > DOUBTFUL:
            order = order.with_confidence(path, DOUBTFUL)
    return order

"""Header fields printed once and read with confidence, whose figures may still be look-alikes.

Nothing pins an order number, order date or delivery date the page prints once: no sum adds up to it, no
master data names it, no second copy agrees with it.  Tesseract's word confidence does not tell a figure
read right from one read as its look-alike: on a normal fax a "4" whose crossbar the line lost reads "1"
at 0.9 and more, in every reading.  So each such field the order would flow on with is cut from the
page, its own ink alone (`parsers.ocr.cutouts.cut_out`), and read twice more, upscaled, any character: as
one line (`--psm 7`), asking the LSTM for the alternatives of every character (`OcrOptions.rivals`,
`Word.rival`), and as one word (`--psm 8`).  The field stays as sure as it was only when both readings
say its figures (and, for an order number, its letters) exactly as the page's reading did, and no figure
had another figure as an alternative with a probability of `RIVAL` or more; any other outcome makes it
doubtful, for a person to see.  On the tuning faxes the readings again disagreeing caught most figures
read wrong with confidence; a likely rival figure caught few more, and only a strong one is heeded.  A
field the first reading already leaves doubtful is not read the second way, nor read at all one its ink
alone leaves doubtful (below): no reading could change what becomes of it.

A value whose words are printed a second time on the page, read alike, is left alone: the second
copy pins it.

A date read again with its day and month as the page read them but a year one figure off, years from
the day the fax was sent ("24 de noviembre de 2076" for 2026, the one-word reading of a letter's
dateline), says no other date the order can bear: the sending day in the fax's header line puts that
year back at the page's (`parsers.ocr.years.placed`, how a year so misread on the page is mended).
Such a reading neither vouches nor gainsays; the other reading must still say the date alike, and the
page's date must lie in its place by the sending day.

No reading of the cut-out helps where the fax line changed the ink itself: a "P" whose bowl lost its
closing stroke is an "F" to every recogniser (Tesseract's LSTM each way, and gocr and ocrad, tried on the
tuning faxes' cut-outs: docs/fax.md, faxfa2).  An order number printed once whose letters read as the
usual "PO" with its "P" so slipped (`SLIPPED`: "FO-6900") is doubtful however alike it reads.  So is one
whose "/" is inked as a 7 whose bar the line lost, which reads "/" each way ("PO/2114" for PO72114):
within its figures' band, a figure's pitch from the figure beside it
(`parsers.ocr.figure_glyphs.slash_within_figures`; read again alike and with no other doubt, it carries
the hold `ProblemCode.SLASH_OR_SEVEN` that only the customer's own earlier numbers printed with slashes so
may lift, `core.capture.services.deciding.settle_prefix`), and one whose "1" is inked as a 4 that lost
its crossbar ("P91459" for P94459): as wide as a figure, standing on its stem alone
(`figure_glyphs.one_a_barless_four`). So is one read with a "P" whose ink shows no closed bowl
("P-56955" for F-56955: a serif F whose arm the line lost, its serifs down its right side,
`letter_glyphs.p_without_bowl`), also where the F's bar runs into the hyphen after it,
and one read with an E or F whose foot says the other (`letter_glyphs.e_or_f_otherwise`).

An order number or a date read with a "3" whose ink reaches its left edge in the middle of both its
bowls is doubtful however alike it reads: an 8 that lost part of its left strokes on the line, read
"3" by every reading with the engine's highest confidence and no 8 among its alternatives ("03/12/2026"
for 08/12, faxtl20; `figure_glyphs.three_inked_as_eight`, faxfd21).  Neither the LSTM's confidence in each
character nor its alternatives tell such a figure from one read right (docs/fax.md, faxfd21).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from core.capture.domain.layout import PageWords
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Provenance
from parsers.layout.dates import find_date
from parsers.layout.evidence import DOUBTFUL
from parsers.layout.header_mends import letter_o_places
from parsers.ocr.cutouts import Cell, ReadCells, cell_options, cut_out
from parsers.ocr.engine import OcrOptions
from parsers.ocr.figure_glyphs import (
    letter_o_inked,
    one_a_barless_four,
    slash_within_figures,
    three_inked_as_eight,
)
from parsers.ocr.geometry import UprightPages
from parsers.ocr.images import PageImage
from parsers.ocr.letter_glyphs import e_or_f_otherwise, p_without_bowl, t_stem_aside
from parsers.ocr.recheck import EDGES, UNSURE, mended_letter_o
from parsers.ocr.years import in_place, placed

# the header fields nothing but their own ink pins, when printed once
FIELDS = ("po_number", "order_date", "requested_delivery_date")
# the probability of another figure in a figure's place that leaves the field in doubt: measured on
# the tuning faxes (docs/fax.md, faxconf1)
RIVAL = 0.8
# "PO" (purchase order), the usual letters of an order number, as a fax line leaves them when its "P"
# loses the stroke closing its bowl ("F") or gains a streak under it (read as the leg of an "R" or a
# second bowl, "B"): read so, the letters are far likelier "PO" slipped than an order so numbered
SLIPPED = frozenset({"FO", "RO", "BO"})


def ways_to_read(read_pages: Callable[..., list[PageWords]], page: OcrOptions) -> list[ReadCells]:
    """How a field is read again here, upscaled and any character: as one line (`--psm 7`), each word's
    `rival` asked for, and as one word (`--psm 8`), a segmentation of its own."""
    line = replace(cell_options(page, whitelist=""), rivals=True)
    word = replace(line, psm=8, rivals=False)
    return [partial(read_pages, options=line), partial(read_pages, options=word)]


def doubt_lookalikes(
    orders: Sequence[CapturedOrder],
    images: Sequence[PageImage],
    pages: Sequence[PageWords],
    reads: Sequence[ReadCells],
    sent: date | None = None,
) -> list[CapturedOrder]:
    """`orders` with each header field of `FIELDS` that is printed once and read sure made doubtful
    unless its cut-out, read again each way of `reads`, says it alike with no figure a likely
    look-alike; `sent`, the day the fax header says the fax was sent, may put back a date's year a
    reading again misread (module docstring)."""
    wanted: list[tuple[int, str, Provenance]] = []
    for n, order in enumerate(orders):
        for path in FIELDS:
            found = order.evidence_for(path)
            if found is None or found.confidence < UNSURE:
                continue
            where = found.provenance
            if where.page is None or where.box is None or not where.raw:
                continue
            # a letter O mended is settled by its ink alone, however often its reading is printed
            if printed_twice(where.raw, pages) and not mended_letter_o(order, path, where):
                continue
            wanted.append((n, path, where))
    if not wanted:
        return list(orders)
    upright = UprightPages(images, pages)
    # what the field's ink says before any reading: a field it leaves doubtful is not read again, no
    # reading could vouch for it
    ones = [_inked_letter_o(upright, where) if path == "po_number" else [] for _, path, where in wanted]
    inked = [
        _inked_doubt(upright, orders[n], path, where, one)
        for (n, path, where), one in zip(wanted, ones, strict=True)
    ]
    # a slash inked as a 7's stem would be: read again all the same, a customer's format may settle it
    slashed = [
        path == "po_number" and not doubted and _inked_slash(upright, where)
        for (_, path, where), doubted in zip(wanted, inked, strict=True)
    ]
    open_ = [i for i, doubted in enumerate(inked) if not doubted]
    alike: list[list[bool]] = [[] for _ in wanted]
    if open_:
        cells = [Cell(path, where.page or 0, where.box or (0.0, 0.0, 0.0, 0.0)) for _, path, where in wanted]
        crops = cut_out(cells, images, pages, alone=True)
        for read in reads:
            if not open_:
                break
            for i, again in zip(open_, read([crops[i] for i in open_]), strict=True):
                n, path, where = wanted[i]
                day = getattr(orders[n], path)
                # a reading whose only other figure is a year the sending day puts back: neither way
                if (
                    isinstance(day, date)
                    and sent is not None
                    and in_place(path, day, sent)
                    and year_put_back(path, day, again, sent)
                ):
                    continue
                alike[i].append(steady(where.raw or "", again, letters=path == "po_number", letter_o=ones[i]))
            # a field one way read otherwise stays doubtful whatever the next way reads: not read again
            open_ = [i for i in open_ if all(alike[i])]
    out = list(orders)
    for i, (n, path, where) in enumerate(wanted):
        if inked[i] or not alike[i] or not all(alike[i]):
            out[n] = out[n].with_confidence(path, DOUBTFUL)
        elif slashed[i]:
            out[n] = out[n].with_confidence(path, DOUBTFUL).with_problems(_slash_held(where))
    return out


def _slash_held(where: Provenance) -> Problem:
    """The hold on an order number whose only doubt is a slash inked as a 7 that lost its bar would be,
    every reading again saying it alike: the customer's own earlier numbers may settle it
    (`core.capture.services.deciding.settle_prefix`)."""
    return Problem(
        ProblemCode.SLASH_OR_SEVEN,
        f"order number {(where.raw or '').strip()}: its slash keeps within its figures, as a 7 whose bar"
        " the fax lost does; confirm it unless the customer's earlier orders are numbered so",
        field="po_number",
    )


def _inked_doubt(
    upright: UprightPages, order: CapturedOrder, path: str, where: Provenance, one: Sequence[int]
) -> bool:
    """Whether the field's ink alone leaves it doubtful, however it reads again: an order number whose
    prefix slipped or a glyph inked as another figure (`_inked_otherwise`), a letter O mended where the
    ink (`one`, `_inked_letter_o`) does not show it, or a 3 inked as an 8 (`_inked_as_eight`)."""
    number = path == "po_number"
    slipped = number and (slipped_prefix(where.raw or "") or _inked_otherwise(upright, where))
    # a letter O mended in the number ("0C/26/61293") stands only where its ink shows the letter
    slipped = slipped or (mended_letter_o(order, path, where) and not one)
    return slipped or _inked_as_eight(upright, where)


def year_put_back(path: str, day: date, words: PageWords, sent: date) -> bool:
    """Whether the reading `words` of the date field `path` says the day and month of `day` but a year
    that the sending day `sent` puts back at the year of `day` (`parsers.ocr.years.placed`)."""
    said = " ".join(w.text for w in sorted(words.words, key=lambda w: w.x0))
    for month_first in (False, True):
        found = find_date(said, month_first=month_first, mend=False)
        if found is not None and found.value != day and placed(path, found.value, sent) == day:
            return True
    return False


def slipped_prefix(value: str) -> bool:
    """Whether the order number `value` has letters standing alone that read as "PO" with its "P"
    slipped on the fax line (`SLIPPED`)."""
    return any(letters in SLIPPED for letters in re.findall(r"[A-Z]+", value.upper()))


def steady(value: str, words: PageWords, *, letters: bool, letter_o: Sequence[int] = ()) -> bool:
    """Whether the reading `words` says the figures of `value` (and its letters, with `letters`) in the
    same order, and none of its words had another figure as a likely alternative for one of its own;
    at the places `letter_o` of `value`, inked as the letter O, a 0 and an O say the same."""
    ordered = sorted(words.words, key=lambda w: w.x0)
    said = _key("".join(w.text for w in ordered), letters)
    printed = _key(value, letters)
    # the places in the key: `value`'s characters less those the key drops
    ones = {len(_key(value[:i], letters)) for i in letter_o}
    if len(said) != len(printed) or not printed:
        return False
    for i, (a, b) in enumerate(zip(printed, said, strict=True)):
        if a != b and not (i in ones and {a, b} <= {"0", "O"}):
            return False
    return all(w.rival is None or w.rival < RIVAL for w in ordered)


def _inked_letter_o(upright: UprightPages, where: Provenance) -> list[int]:
    """The places in the order number read as `where.raw` where its O or 0 is inked as the letter O
    (`parsers.ocr.figure_glyphs.letter_o_inked`); none when the ink does not show it."""
    raw = (where.raw or "").strip()
    places = letter_o_places(raw)
    if not places or where.page is None or where.box is None:
        return []
    return places if letter_o_inked(upright(where.page), where.box, raw, places) else []


def _inked_slash(upright: UprightPages, where: Provenance) -> bool:
    """Whether a slash of the order number read as `where.raw` keeps within its figures' band, as a 7
    that lost its bar does (`parsers.ocr.figure_glyphs.slash_within_figures`)."""
    if where.page is None or where.box is None:
        return False
    return slash_within_figures(upright(where.page), where.box, (where.raw or "").strip())


def _inked_otherwise(upright: UprightPages, where: Provenance) -> bool:
    """Whether a glyph of the order number read as `where.raw` is inked as a figure the fax line spoilt
    into what every reading says (the slash aside, `_inked_slash`): a 1 as wide as a figure on its stem
    alone, as a 4 that lost its crossbar is (`figure_glyphs.one_a_barless_four`), or a "P" without the
    closed bowl of one, as a serif F whose arm the line lost is (`letter_glyphs.p_without_bowl`, also
    for a first letter run into the glyph after it), or an "F" with an E's foot bar or an "E" without
    one (`letter_glyphs.e_or_f_otherwise`), or a "T" whose
    stem stands at one end of its bar, as an F's whose arm and foot the line lost does
    (`letter_glyphs.t_stem_aside`)."""
    if where.page is None or where.box is None:
        return False
    image, raw = upright(where.page), (where.raw or "").strip()
    return (
        one_a_barless_four(image, where.box, raw)
        or p_without_bowl(image, where.box, raw)
        or e_or_f_otherwise(image, where.box, raw)
        or t_stem_aside(image, where.box, raw)
    )


def _inked_as_eight(upright: UprightPages, where: Provenance) -> bool:
    """Whether a "3" of the field read as `where.raw` is inked as an 8 that lost part of its left
    strokes (`parsers.ocr.figure_glyphs.three_inked_as_eight`)."""
    if where.page is None or where.box is None:
        return False
    return three_inked_as_eight(upright(where.page), where.box, (where.raw or "").strip())


def _key(text: str, letters: bool) -> str:
    """The characters of `text` two readings of one value must share: its figures, and with `letters`
    its letters too (case aside)."""
    return "".join(c for c in text.upper() if c.isdigit() or (letters and c.isalpha()))


def printed_twice(raw: str, pages: Sequence[PageWords]) -> bool:
    """Whether the value read as the one word `raw` stands as a word of its own more than once on the
    pages (marks at its edges aside): a second printed copy read alike."""
    value = raw.strip(EDGES)
    if not value or " " in value:
        return False
    return sum(w.text.strip(EDGES) == value for p in pages for w in p.words) > 1

"""An extracted order's header fields recorded with their evidence: the value picked for each,
the order number's printings weighed, the parties and the delivery date (for parsers.layout.extract)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from core.capture.domain.order import (
    DocumentKind,
)
from parsers.layout import (
    date_century,
    document,
    header,
    header_choice,
    header_values,
    items,
    parties,
    recheck,
    rows,
)
from parsers.layout.address import Address
from parsers.layout.calendar_names import names_month_of, names_weekday_of, weekday_named
from parsers.layout.codes import two_faced, valid_gtin
from parsers.layout.dates import within_lead
from parsers.layout.evidence import DOUBTFUL, LIKELY, WRONG, Recorder
from parsers.layout.geometry import Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.order_checks import date_of
from parsers.layout.text import one_substituted

GLN_DIGITS = 13
DIGITS_CONF = 0.93  # OCR confidence an order number of digits alone must have to be taken unchecked
HEADER_FIELDS = (
    ("po_number", "po_number"),
    ("order_date", "order_date"),
    ("delivery_date", "requested_delivery_date"),
    ("party_id", "buyer.party_id"),
    ("currency", "currency"),
)


def picks_of(found: list[Candidate], pages: list[Page]) -> dict[str, Candidate | None]:
    """The best sighting of each header field."""
    picks = {name: header_choice.choose(found, name) for name, _ in HEADER_FIELDS}
    picks["po_number"] = header_choice.outnumbered(picks["po_number"], found, pages)
    for name in header_values.DATE_FIELDS:
        picks[name] = header_choice.mend_year(picks[name], pages)
    header_choice.mend_month(picks, pages)
    if picks["po_number"] is None and document.kind(pages) in (
        DocumentKind.ORDER,
        DocumentKind.ORDER_CONFIRMATION,
    ):
        # an order's "Document Number" is its order number; an invoice's is the invoice's
        picks["po_number"] = header_choice.choose(found, "doc_number")
    return picks


def record_header(
    rec: Recorder, picks: dict[str, Candidate | None], found: list[Candidate], ocr: bool, pages: list[Page]
) -> None:
    """Each header field's evidence: how sure its reading is, or that its label was seen unread."""
    for name, path in HEADER_FIELDS:
        pick = picks[name]
        if pick is not None:
            # a GLN's check digit vouches for its digits, whatever OCR thought of them
            gln = name == "party_id" and len(str(pick.value)) == GLN_DIGITS and valid_gtin(str(pick.value))
            certainty = pick.certainty
            if ocr and name == "delivery_date":  # a two-figure year in its place after the order's date
                certainty = date_century.delivery_certainty(pick, date_of(picks["order_date"]))
            if ocr and name == "party_id" and not gln and two_faced(str(pick.value)):
                certainty = min(certainty, DOUBTFUL)  # "0C-095042" or "OC-095042": a person must look
            # an order number so waits on a problem of its own (`order_checks.two_faced_held`), the
            # reading as sure as it is otherwise, for a customer's history to judge
            # "OG-2026-89709" for OC-, "PC-" for PO-: held by a problem of its own (`order_checks.
            # prefix_held`), the reading as sure as it is otherwise, for a customer's history to judge
            # "982192" for 082192: a person must look, unless other printings read alike vouch for it
            alike = name == "po_number" and _printed_alike(pick, pages)
            if ocr and name in ("po_number", "party_id") and not gln and _digits_unsure(pick) and not alike:
                certainty = min(certainty, DOUBTFUL)
            if ocr and recheck.prefix_taken_for_label(pick):
                certainty = min(certainty, DOUBTFUL)  # "PO" "41505" for PO-41505: a person must look
            toks = _surest_printing(pick, pages) if ocr and name == "po_number" else pick.toks
            if isinstance(pick.value, date):
                # a weekday named with the date that falls on it bears it out: its own reading counts
                # not; one the date does not fall on says one of the two was misread
                named = {d for t in toks if (d := weekday_named(t.text)) is not None}
                if named - {pick.value.weekday()}:
                    certainty = min(certainty, DOUBTFUL)
                toks = [t for t in toks if not names_weekday_of(t.text, pick.value)] or toks
            rec.add(path, toks, certainty, verified=gln or pick.vouched, weighed=_weighed(pick, toks, ocr))
            continue
        unread = next((c for c in found if c.name == name and c.value is None and c.toks), None)
        if unread is not None:  # the label is there, its value cannot be read
            rec.add(path, unread.toks, WRONG)


def _weighed(pick: Candidate, toks: list[Tok], ocr: bool) -> list[Tok]:
    """The words of a scanned date `pick` whose OCR confidence counts: all but its month's name where
    no misreading of two letters makes that name another month's ("diciembre" read at 0.59: no other
    month is within three letters of it), so that the date is as sure as its figures are read.  Its
    figures are still weighed, and looked at again (`parsers.ocr.lookalike`) before the order flows."""
    if not ocr or not isinstance(pick.value, date):
        return []
    return [t for t in toks if not names_month_of(t.text, pick.value)]


def parties_read(
    rec: Recorder, pages: list[Page], found: list[Candidate], skip: set[int], language: str | None
) -> tuple[dict[str, Address], dict[str, list[Tok]]]:
    """The labelled party blocks (the letterhead for a buyer without one), and each block's words."""
    by_number = {p.number: p for p in pages}
    addresses = {}
    block_toks: dict[str, list[Tok]] = {}
    for name in header.BLOCKS:
        cand = header_choice.choose_block(found, name)
        if cand is not None:
            address, toks = parties.read_block(by_number, cand, language)
            if name == "buyer" and parties.a_person(cand, address):
                continue  # "COMPRADOR ....: Joana Pereira": who buys, not whom for; the letterhead says
            addresses[name] = address
            parties.record(rec, name, addresses[name], toks, True)
            block_toks[name] = [*cand.label, *toks]
    if "buyer" not in addresses:
        addresses["buyer"], toks = parties.letterhead(pages[0], skip, language)
        parties.record(rec, "buyer", addresses["buyer"], toks, False)
    return addresses, block_toks


def delivery_of(
    picks: dict[str, Candidate | None], drafts: list[rows.Draft], built: list[items.Built], rec: Recorder
) -> date | None:
    """The header's delivery date; else the date the lines give (an ERP printout prints it per line):
    the earliest of them, the day the customer first needs goods (each line keeps its own date).
    When every line prints that one date, each line's is a copy of it: the order's date is read from
    the surest of them, not from the first line's alone (a speck on one copy says nothing of the
    others). A line's date before the order's own date, or further after it than an order asks for, was
    misread ("07/17/26" read month first among "07/12/26"s, a year a figure off): it is no first day of
    need while another line's date falls in time, and the lines then disagree, so the date is doubtful."""
    delivery = date_of(picks["delivery_date"])
    line_dates = [b.line.requested_delivery_date for b in built if b.line.requested_delivery_date]
    if delivery is not None or not line_dates:
        return delivery
    ordered = date_of(picks["order_date"])
    in_time = [d for d in line_dates if ordered is None or within_lead(d, ordered)]
    delivery = min(in_time or line_dates)
    agree = len(line_dates) == len(built) and len(set(line_dates)) == 1  # lines that disagree: doubtful
    dated = [
        d.subs.get("delivery", [])
        for d, b in zip(drafts, built, strict=True)
        if b.line.requested_delivery_date == delivery
    ]
    toks = max(dated, key=lambda ts: min((t.conf for t in ts), default=0.0)) if agree else dated[0]
    rec.add("requested_delivery_date", toks, LIKELY if agree else DOUBTFUL)
    return delivery


def prose_delivery(
    picks: dict[str, Candidate | None], found: list[Candidate], built: list[items.Built], *, ocr: bool
) -> Candidate | None:
    """A delivery date its sentence states plainly stays sure only when the document agrees: it is not
    before the order's date nor implausibly far after it, and no other delivery date on the document
    (another sentence, a label, a line's own date, a date seen but not read) differs from it. On a scan
    it stays doubtful: a misread digit in running text has nothing beside it to give it away."""
    pick = picks["delivery_date"]
    if pick is None or not pick.prose or pick.certainty <= DOUBTFUL:
        return pick
    wanted, ordered = date_of(pick), date_of(picks["order_date"])
    others = [c.value for c in found if c.name == "delivery_date"]
    lines = [b.line.requested_delivery_date for b in built if b.line.requested_delivery_date]
    agrees = all(v == pick.value for v in [*others, *lines])
    if wanted is None or ordered is None or not within_lead(wanted, ordered) or not agrees:
        return replace(pick, certainty=DOUBTFUL)
    if not ocr or _corroborated(pick, wanted, found, lines):
        return pick
    # only its figures are in doubt: when they stand as one word, that word alone is the evidence, and
    # a second reading of its ink that says the same may settle it (parsers.layout.recheck)
    words = recheck.date_words(pick.toks, wanted)
    named = {d for t in pick.toks if (d := weekday_named(t.text)) is not None}
    if words is None or named - {wanted.weekday()}:  # a weekday it does not fall on: one was misread
        return replace(pick, certainty=DOUBTFUL)
    return replace(pick, toks=words, certainty=DOUBTFUL, again=pick.certainty)


def _corroborated(pick: Candidate, wanted: date, found: list[Candidate], lines: list[date]) -> bool:
    """Whether a delivery date read on a scan from running text is borne out by other ink: the same
    date read elsewhere (a labelled date, the lines' own dates), or its weekday printed with it."""
    mine = {(t.page, t.x0, t.y0) for t in pick.toks}
    same = [c for c in found if c.name == "delivery_date" and c.value == wanted]
    elsewhere = [c for c in same if not mine & {(t.page, t.x0, t.y0) for t in c.toks}]
    return bool(elsewhere) or wanted in lines or any(names_weekday_of(t.text, wanted) for t in pick.toks)


def _digits_unsure(pick: Candidate) -> bool:
    """An identifier of digits alone (and marks: "26/75212"), with no check digit, that OCR was not
    quite sure of: digits have no word around them for Tesseract to check a look-alike against (a
    dot-matrix "0" read as "9" at 0.90), and a lost prefix ("OC-") leaves digits alone too."""
    value = str(pick.value)
    unsure = min((t.conf for t in pick.toks), default=0.0) < DIGITS_CONF
    return unsure and not any(c.isalpha() for c in value)


# sentence marks a printing of the number in running text may carry at its edges ("4527630355.")
_AROUND = ".,;:()[]"


def _printed_alike(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether the order number `pick`, one word, is printed again elsewhere on `pages` (a reference
    line, a footer, each page's header) as a word of its own read as the very same characters (marks
    at its edges aside), and one printing at least was read with the confidence digits alone need
    (`DIGITS_CONF`).  A fax line spoils each printing's ink on its own: a figure misread in one is
    not misread alike in another printed apart from it, and one read sure says the figures as they
    are.  A word read twice over itself (boxes that overlap) is one printing, not two."""
    if len(pick.toks) != 1:
        return False
    mine = pick.toks[0]
    value = mine.text.strip(_AROUND)
    if not value:
        return False
    printings = [mine]
    for tok in (t for p in pages for line in p.lines for t in line.toks):
        if tok.text.strip(_AROUND) == value and not any(_overlap(tok, o) for o in printings):
            printings.append(tok)
    return len(printings) > 1 and max(t.conf for t in printings) >= DIGITS_CONF


def _surest_printing(pick: Candidate, pages: Sequence[Page]) -> list[Tok]:
    """The words the order number `pick` is read from as evidence: its own, or another printing of it
    on the pages read surer (a reference line, a footer, a sentence restating it), a word of its own
    read as the very same characters (marks at its edges aside).  Two printings on different ink are
    two readings that agree, and the number is as sure as the surer of them (`_printed_alike`).  Not
    where any word on the pages says the number with one character otherwise: printings that disagree
    pin neither."""
    if len(pick.toks) != 1:
        return pick.toks
    mine = pick.toks[0]
    value = mine.text.strip(_AROUND)
    if not value:
        return pick.toks
    printings = [mine]
    for tok in (t for p in pages for line in p.lines for t in line.toks):
        text = tok.text.strip(_AROUND)
        if any(_overlap(tok, o) for o in printings):
            continue
        if text != value and one_substituted(text, value):
            return pick.toks  # a printing that says another number
        if text == value:
            printings.append(tok)
    surest = max(printings, key=lambda t: t.conf)
    return [surest] if surest.conf > mine.conf else pick.toks


def _overlap(a: Tok, b: Tok) -> bool:
    """Whether the words `a` and `b` are on one page with boxes that share some area."""
    return a.page == b.page and min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)

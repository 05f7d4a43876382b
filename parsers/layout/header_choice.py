"""The choice among a header field's sightings: the best-supported value (`choose`), the order number
the document prints more often (`outnumbered`), a date's year or month a fax misread put right by the
document's other dates (`mend_year`, `mend_month`), and a party's first block (`choose_block`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from parsers.layout.date_order import month_first, month_misread, order_decided
from parsers.layout.dates import find_date, within_lead
from parsers.layout.evidence import DOUBTFUL, SURE
from parsers.layout.geometry import Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.header_mends import MIN_SUFFIX, SEPARATORS, VALUE_EDGE
from parsers.layout.text import one_substituted


def choose(found: list[Candidate], name: str) -> Candidate | None:
    """The best-supported value of a field; doubtful when the document gives two different values."""
    sightings = [c for c in found if c.name == name and c.value is not None]
    if not sightings:
        return None
    support: dict[object, float] = {}
    for c in sightings:
        support[c.value] = support.get(c.value, 0.0) + c.certainty
    for short in list(support):
        # "100563" on later pages, "PO100563" on the first: one number, printed in full once
        fuller = [v for v in support if v != short and _fuller(v, short)]
        if len(fuller) == 1:
            support[fuller[0]] += support.pop(short)
            sightings = [c for c in sightings if c.value != short]
    ranked = sorted(support.items(), key=lambda kv: -kv[1])
    best_value = ranked[0][0]
    best = max((c for c in sightings if c.value == best_value), key=lambda c: c.certainty)
    rivals = [v for v, s in ranked[1:] if s >= 0.8 * ranked[0][1]]
    if rivals:
        return Candidate(
            name,
            best.value,
            best.toks,
            min(best.certainty, DOUBTFUL),
            best.label,
            best.line,
            prose=best.prose,
            sentence=best.sentence,
        )
    if len([c for c in sightings if c.value == best_value]) > 1:
        best = _surest_copy(best, sightings) if name in PINNED_BY_COPIES else best
        return Candidate(
            name,
            best.value,
            best.toks,
            min(SURE, best.certainty + 0.1),
            best.label,
            best.line,
            prose=best.prose,
            sentence=best.sentence,
        )
    return best


# fields whose printings on other ink, read alike, pin one another: what the page's reading of the
# surest of them says, the others say too
PINNED_BY_COPIES = ("po_number", "order_date")


def _surest_copy(best: Candidate, sightings: list[Candidate]) -> Candidate:
    """The sighting of `best`'s value read surest (its certainty times its words' least OCR confidence),
    when every sighting says that one value and that copy is printed on ink of its own, apart from
    `best`'s; `best` otherwise.  Two printings of one value on different ink are two readings: a fax
    spoils each on its own, so a figure misread in one is not misread alike in the other, and the value
    is as sure as the surer reading of it (a letter's dateline "Madrid, 23 Noviembre, 2026", its year
    read at 0.62, and its opening sentence "pedido nº 672/26 de fecha 23 Noviembre, 2026" read at
    0.85).  Printings that say two values pin neither (`choose` holds the value then)."""
    if any(c.value != best.value for c in sightings):
        return best

    def sure(c: Candidate) -> float:
        return c.certainty * min((t.conf for t in c.toks), default=0.0)

    surest = max(sightings, key=sure)
    if sure(surest) <= sure(best) or any(_same_ink(a, b) for a in surest.toks for b in best.toks):
        return best
    return surest


def _same_ink(a: Tok, b: Tok) -> bool:
    """Whether the words `a` and `b` are one printing: on one page with boxes that share some area."""
    return a.page == b.page and min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.y1, b.y1) > max(a.y0, b.y0)


def outnumbered(pick: Candidate | None, found: list[Candidate], pages: Sequence[Page]) -> Candidate | None:
    """The order number the document prints more often where its sightings disagree by one look-alike
    figure or letter ("4599879306" under one label, "4599879300" under another, and "4599879300" again
    in the page's title, after a word no vocabulary has): on a scan, each word of the document that is
    one of the two values counts as a copy of it, and the value with more copies is taken, doubtful (a
    person confirms it); any other pick as it is."""
    if pick is None or pick.certainty > DOUBTFUL or all(p.source == "text" for p in pages):
        return pick
    values = {str(c.value) for c in found if c.name == "po_number" and c.value is not None}
    rivals = [v for v in values if v != pick.value and one_substituted(v, str(pick.value))]
    if len(rivals) != 1:
        return pick
    copies = dict.fromkeys((str(pick.value), rivals[0]), 0)
    for page in pages:
        for line in page.lines:
            for tok in line.toks:
                text = tok.text.strip(VALUE_EDGE)
                if text in copies:
                    copies[text] += 1
    if copies[rivals[0]] <= copies[str(pick.value)]:
        return pick
    best = max(
        (c for c in found if c.name == "po_number" and c.value == rivals[0]), key=lambda c: c.certainty
    )
    return replace(best, certainty=min(best.certainty, DOUBTFUL))


MIN_YEAR_GAP = 2  # years between a date and the document's other dates before it may be a misreading
YEAR_MAJORITY = 3  # times as many other dates with the year a misread one is mended to as with its own
YEAR_WITNESSES = 2  # other dates on the document that must agree on the year a misread one is mended to


# the years an order is dated in (as `dates` reads a two-figure year): a date read outside them, with
# a figure of its year misread ("23.11.7026"), needs only one other date as witness of its year
CENTURY = range(2000, 2100)


def mend_year(pick: Candidate | None, pages: Sequence[Page], month_first: bool = False) -> Candidate | None:
    """A date whose year OCR misread by one figure ("24.11.2626", "2426-11-26") where most of the
    document's other dates give a year one figure away (and two or more years off, and at least two of
    them, or one where the year read is of no year an order is dated in: "23.11.7026" beside a delivery
    in 2026): that year, doubtful (a person confirms it); any other pick as it is."""
    if pick is None or not isinstance(pick.value, date) or all(p.source == "text" for p in pages):
        return pick  # a text layer's figures are as printed
    own = {id(t) for t in pick.toks}
    years: dict[int, int] = {}
    for page in pages:
        for line in page.lines:
            for phrase in line.phrases():
                if any(id(t) in own for t in phrase.toks):
                    continue
                found = find_date(phrase.text, month_first=month_first)
                if found is not None:
                    years[found.value.year] = years.get(found.value.year, 0) + 1
    year = pick.value.year
    if not years:
        return pick
    best, count = max(years.items(), key=lambda kv: kv[1])
    if YEAR_MAJORITY * years.get(year, 0) >= count:
        return pick  # the document prints this year too, about as often as any other
    a, b = str(year), str(best)
    witnesses = 1 if year not in CENTURY and best in CENTURY else YEAR_WITNESSES
    if count < witnesses or len(a) != len(b) or sum(x != y for x, y in zip(a, b, strict=True)) != 1:
        return pick
    if abs(year - best) < MIN_YEAR_GAP:
        return pick  # ordered in December for January: next year's dates are no misreading
    try:
        value = pick.value.replace(year=best)
    except ValueError:  # the 29th of February in a year without it
        return pick
    return replace(pick, value=value, certainty=min(pick.certainty, DOUBTFUL))


def mend_month(picks: dict[str, Candidate | None], pages: Sequence[Page]) -> None:
    """The order and delivery dates in `picks`, each put right in place where OCR misread a figure of
    its month into a number over 12 ("02.17.2026" for 02.12.2026) on a scan whose other dates are
    written day first: read as printed it is a month-first date no other date on the page is like.
    Where exactly one month a figure from the one read puts the date on the right side of the other
    date field (an order on or before its delivery, the delivery within `MAX_LEAD_DAYS` of it), that
    date, doubtful; otherwise the date as read, doubtful too (its month is a misreading)."""
    if all(p.source == "text" for p in pages):
        return  # a text layer's figures are as printed
    for name, other in (("order_date", "delivery_date"), ("delivery_date", "order_date")):
        pick = picks.get(name)
        if pick is None or not isinstance(pick.value, date):
            continue
        options = month_misread(" ".join(t.text for t in pick.toks))
        if not options or not _day_first_elsewhere(pick, pages):
            continue
        witness = picks.get(other)
        fits = [d for d in options if isinstance(witness, Candidate) and _in_order(name, d, witness.value)]
        value = fits[0] if len(fits) == 1 else pick.value
        picks[name] = replace(pick, value=value, certainty=min(pick.certainty, DOUBTFUL))


def _day_first_elsewhere(pick: Candidate, pages: Sequence[Page]) -> bool:
    """Whether the document's numeric dates other than `pick`'s say it writes the day first."""
    own = {id(t) for t in pick.toks}
    texts = [
        phrase.text
        for page in pages
        for line in page.lines
        for phrase in line.phrases()
        if not any(id(t) in own for t in phrase.toks)
    ]
    return order_decided(texts) and not month_first(texts)


def _in_order(name: str, value: date, witness: object) -> bool:
    """Whether `value`, as the field `name`, stands where it may beside the other date field's value."""
    if not isinstance(witness, date):
        return False
    ordered, wanted = (value, witness) if name == "order_date" else (witness, value)
    return within_lead(wanted, ordered)


def _fuller(value: object, short: object) -> bool:
    """Whether `value` is `short` with a prefix of letters ("PO100563" for "100563")."""
    a, b = str(value), str(short)
    prefix = a[: -len(b)]
    bare = prefix[:-1] if prefix[-1:] in SEPARATORS else prefix  # "PO-" before "19552"
    return isinstance(value, str) and len(b) >= MIN_SUFFIX and a.endswith(b) and bare.isalpha()


def choose_block(found: list[Candidate], name: str) -> Candidate | None:
    """The first labelled block of a party (ship-to, supplier, buyer) in reading order."""
    return next((c for c in found if c.name == name), None)

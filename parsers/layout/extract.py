"""The layout-independent extractor: words on pages -> captured orders with per-field evidence.

No templates: tables are found by their column words, header fields by their labels, and numbers are
read under the document's decimal mark and checked against each other (quantity × price = amount,
lines = total, carried-forward subtotals) to choose between readings and to say how sure each field is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from core.capture.domain.layout import PageWords
from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    DocumentKind,
    Party,
    Problem,
    ProblemCode,
    Severity,
    UnreadField,
)
from core.capture.domain.promo_codes import PROMO_REFERENCE, codes_in
from parsers.layout import (
    document,
    generic,
    header,
    header_choice,
    item_basis,
    item_columns,
    item_numbers,
    items,
    page_basis,
    parties,
    quantity_marks,
    recheck,
    relabel,
    rows,
    shaped,
    specks,
    tax_choice,
    tax_rates,
    totals,
    unheaded,
)
from parsers.layout.address import Address
from parsers.layout.arith import line_value
from parsers.layout.carried_lines import by_carried
from parsers.layout.codes import closed_letter, two_faced, valid_gtin
from parsers.layout.currencies import currency_sign
from parsers.layout.dates import MAX_LEAD_DAYS, month_first, names_weekday_of, order_decided, weekday_named
from parsers.layout.evidence import DOUBTFUL, LIKELY, WRONG, Recorder
from parsers.layout.geometry import Page, Tok, read_page
from parsers.layout.header import Candidate
from parsers.layout.numbers import decide_mark, looks_numeric, sign_on_code, sign_on_word, strip_money
from parsers.layout.pages import carried_over, groups, without_copies
from parsers.layout.recheck import Recheck
from parsers.layout.table import Region, find_regions
from parsers.layout.text import has_digit, one_substituted, parted_at
from parsers.layout.vocab import CURRENCIES, DOLLAR_SIGN, ENGLISH, ISO_CURRENCIES, SPANISH

GLN_DIGITS = 13
DIGITS_CONF = 0.93  # OCR confidence an order number of digits alone must have to be taken unchecked
DELIVERY = "requested_delivery_date"
HEADER_FIELDS = (
    ("po_number", "po_number"),
    ("order_date", "order_date"),
    ("delivery_date", "requested_delivery_date"),
    ("party_id", "buyer.party_id"),
    ("currency", "currency"),
)


@dataclass(frozen=True)
class Basis:
    """The units (10, 100, 1000) that line `line` of order `order` prints its price for, as its row
    or its price heading states them (`item_basis.stated_basis`): a cell of that price read again prints
    the price of that many units."""

    order: int
    line: int
    units: int


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class QuantityCell:
    """Where line `line` of order `order` prints its quantity, which OCR did not read there (the layout
    reader worked it out of the amount): the row's band across the quantity column, page and box in
    the pixels the page's words were read in.  Read again alone, that cell may say the quantity."""

    order: int
    line: int
    page: int
    box: Box


@dataclass(frozen=True)
class Extraction:
    """The orders found in a document's pages, and problems not tied to one order."""

    orders: tuple[CapturedOrder, ...]
    problems: tuple[Problem, ...] = ()
    rechecks: tuple[Recheck, ...] = ()  # fields a second reading of their ink may settle (OCR only)
    # the lines whose price the page states is for 10, 100 or 1,000 units (OCR only)
    bases: tuple[Basis, ...] = ()
    # the quantity cells of lines whose quantity OCR did not read (OCR only)
    quantities: tuple[QuantityCell, ...] = ()
    # phrases that may be labels OCR garbled, beside a value of a field an order lacks (OCR only)
    labels: tuple[relabel.LabelSpot, ...] = ()


def extract_orders(pages: Sequence[PageWords]) -> Extraction:
    """Read every order in `pages` (one document, pages in order; text layer or OCR words)."""
    read = without_copies([read_page(p) for p in pages])
    regions = shaped.add_regions(read, unheaded.add_regions(read, find_regions(read)))
    skip = {id(line) for r in regions for line in (*r.heading, *r.lines)}
    texts = [line.text for page in read for line in page.lines]
    us_dates, known = month_first(texts), order_decided(texts)
    seen = [header.candidates(page, skip, month_first=us_dates, order_known=known) for page in read]
    orders: list[CapturedOrder] = []
    rechecks: list[Recheck] = []
    bases: list[Basis] = []
    quantities: list[QuantityCell] = []
    headed = {r.page for r in regions if r.heading}
    carried = {r.page + 1 for r in regions if r.ended_by == "carried"} | carried_over(read, regions)
    for group in groups(read, seen, headed - carried):
        numbers = {read[i].number for i in group}
        found = _order(
            [read[i] for i in group],
            [c for i in group for c in seen[i]],
            [r for r in regions if r.page in numbers],
            skip,
            us_dates,
            order_known=known,
        )
        if found is not None:
            order, again, stated, unread = found
            rechecks += [replace(check, order=len(orders)) for check in again]
            bases += [Basis(len(orders), line, units) for line, units in stated]
            quantities += [QuantityCell(len(orders), line, page, box) for line, page, box in unread]
            orders.append(order)
    if not orders:
        problem = Problem(
            ProblemCode.UNREADABLE,
            "no purchase order found: no line-item table and no order number could be read",
            field="lines",
            severity=Severity.REVIEW,
        )
        return Extraction((), (problem,))
    missing = {name for name, path in relabel.FIELDS.items() for o in orders if getattr(o, path) is None}
    spots = relabel.spots(read, seen, skip, missing, us_dates)
    return Extraction(
        tuple(orders),
        rechecks=tuple(rechecks),
        labels=spots,
        bases=tuple(bases),
        quantities=tuple(quantities),
    )


def _text(pages: list[Page]) -> str:
    return "\n".join(line.text for page in pages for line in page.lines)


def _language(pages: list[Page]) -> str | None:
    keys = [t.key for p in pages for line in p.lines for t in line.toks]
    es, en = sum(k in SPANISH for k in keys), sum(k in ENGLISH for k in keys)
    return None if es == en == 0 else ("es" if es >= en else "en")


def _codes_by_amounts(toks: list[Tok]) -> list[str]:
    """ISO codes written beside an amount, the next word on its line ("1.234,50 MXN", "MXN 99.00",
    "Total MXN    32,109.70") that no sign or word of CURRENCIES names already (those count as signs)."""
    out = []
    for i, tok in enumerate(toks):
        code = tok.text.strip("()[]")
        if code not in ISO_CURRENCIES or tok.key in CURRENCIES:
            continue
        beside = [toks[j] for j in (i - 1, i + 1) if 0 <= j < len(toks)]
        if any(looks_numeric(t.text) and has_digit(t.text) for t in beside):
            out.append(code)
    return out


def _at_sign(toks: Sequence[Tok], i: int) -> bool:
    """Whether the word `toks[i]`, a sign alone, is an e-mail address's "@" OCR read as one."""
    before = toks[i - 1].text if i > 0 else None
    after = toks[i + 1].text if i + 1 < len(toks) else None
    return strip_money(toks[i].text)[1] is None and parted_at(before, after)


_CENTS = re.compile(r"\d[.,]\d{2}$")


def _to_the_cent(text: str) -> bool:
    """Whether the word is a figure written to the cent ("822.41", "€4,75"): money on its line."""
    return _CENTS.search(strip_money(text)[0]) is not None


def _currency(
    found: list[Candidate],
    drafts: list[rows.Draft],
    pages: list[Page],
    skip: set[int],
    taxed: tax_rates.WithTax | None = None,
) -> Candidate | None:
    """The currency the page's signs and codes say, sure when they all agree.  The sign on a tax that
    is the net total's share at the rate its line prints, and with it makes the total, is left out: the
    three are one sum, in one currency, and a sign OCR read otherwise there ("£53,42" among euros) says
    none of its own.  Nor does a line of the table whose price and amount carry signs of two
    currencies (`items.currencies`): its amount is its quantity at its price, one sum, so one of the
    two signs is misread, and the line cannot say which.  Nor does a sign glued to a word of letters
    ("$.L.," for the company's "S.L.,", `numbers.sign_on_word`): a letter the fax spoilt, no currency.
    Nor, on a scan, does a sign before a code's figures ("€6600" for the postcode "66600", "€-3002" for
    "C-3002": `numbers.sign_on_code`) on a line that writes no figure to the cent: no money stands there."""
    besides = taxed.tax_toks if taxed is not None and tax_rates.at_printed_rate(taxed, pages) else []
    chosen = header_choice.choose(found, "currency")
    if chosen is None:
        return _by_signs(drafts, pages, skip, besides)
    # a labelled currency read unsure ("VALUTA: EUR" at 0.82) that every other sign and code on the
    # page states too ("Totale (EUR)", the prices' "€") is printed again there: those copies vouch for
    # its reading; one that any of them gainsays stays as read
    signed = _by_signs(drafts, pages, skip, [*besides, *chosen.toks])
    if signed is not None and signed.value == chosen.value and signed.certainty >= SIGNS_AGREE:
        return replace(chosen, vouched=True)
    return chosen


SIGNS_AGREE = 0.95  # how sure the page's currency is when every sign and code on it states it


def _by_signs(
    drafts: list[rows.Draft], pages: list[Page], skip: set[int], besides: list[Tok]
) -> Candidate | None:
    """The currency the signs and codes of the page state (but those `besides`), sure when they all
    agree (`_currency`)."""
    codes = items.currencies(drafts)
    named: set[str] = set()  # ISO codes printed as words ("Total MXN")
    for page in pages:
        for line in page.lines:
            if line.kind == "text":
                coded = page.source != "text" and not any(_to_the_cent(t.text) for t in line.toks)
                signs = [
                    c
                    for i, t in enumerate(line.toks)
                    if (c := currency_sign(t))
                    and not _at_sign(line.toks, i)
                    and not sign_on_word(t.text)
                    and not (coded and sign_on_code(t.text))
                    and t not in besides
                ]
                signs += _codes_by_amounts(line.toks)
                if id(line) in skip and len(set(signs)) > 1:
                    continue  # a line of the table with signs of two currencies: one is misread
                codes += signs
            named |= {t.text for t in line.toks if t.text in ISO_CURRENCIES}
    dollar = named & DOLLAR_SIGN
    if len(dollar) == 1 and "USD" not in dollar:
        # "$" is the peso's or the Canadian dollar's sign as well: the code the document names decides
        (code,) = dollar
        codes = [code if c == "USD" else c for c in codes]
    if not codes:
        return None
    ranked = sorted(set(codes), key=lambda c: (-codes.count(c), c))
    best = ranked[0]
    if len(ranked) > 1 and codes.count(ranked[1]) == codes.count(best):
        return Candidate("currency", best, [], WRONG)  # as many signs for another currency
    return Candidate("currency", best, [], SIGNS_AGREE if codes.count(best) == len(codes) else DOUBTFUL)


def _order(
    pages: list[Page],
    found: list[Candidate],
    regions: list[Region],
    skip: set[int],
    us_dates: bool,
    *,
    order_known: bool = False,
) -> tuple[CapturedOrder, list[Recheck], list[tuple[int, int]], list[tuple[int, int, Box]]] | None:
    """The order on `pages`, the fields (as of order 0) worth reading again on a scan, the lines
    (index, units) whose price the page states is for many units, on a scan, and the lines (index,
    page, box) whose quantity cell OCR did not read, where that cell is (`_unread_quantities`);
    `order_known` when the document's own dates say which it writes first, the day or the month."""
    language = _language(pages)
    ocr = any(p.source != "text" for p in pages)
    drafts = rows.drafts(regions, ocr=ocr)
    seen = totals.seen_in(pages, skip)
    picks = _picks(_not_in_lines(found, drafts), pages)
    if not drafts and picks["po_number"] is None:
        return None
    rec = Recorder()
    dating = items.LineDating(_date(picks["order_date"]), order_known)
    mark, built, values, total = _lines(
        drafts, seen, language, rec, ocr=ocr, us_dates=us_dates, dating=dating
    )
    problems = _table_problems(drafts, values, seen, mark)
    taxed = tax_choice.with_tax(seen, total, mark, pages, skip)
    lines_tax: Decimal | None = None
    picks["currency"] = _currency(found, drafts, pages, skip, taxed)
    picks["delivery_date"] = _prose_delivery(picks, found, built, ocr=ocr)
    _record_header(rec, picks, found, ocr, pages)
    if taxed is not None:
        net_read = total.reading is not None and taxed.net == total.reading.value
        # a net total read only with the figure after its cents left out is doubtful, as a mended tax is
        net_certainty = total.certainty if net_read else min(total.certainty, DOUBTFUL)
        rec.add("net_total", total.toks, net_certainty, verified=total.verified and net_read)
        # the tax is the totals' difference, not the figure OCR read, or the net it is the share of was
        # mended: a person confirms it
        if taxed.mended or taxed.net_mended:
            rec.add("tax_total", taxed.tax_toks, min(total.certainty, DOUBTFUL))
        else:
            rec.add("tax_total", taxed.tax_toks, total.certainty, verified=total.verified)
        # the total is the net plus the tax, not the figure OCR read, or vouches for a net that was mended
        if taxed.total_mended or taxed.net_mended:
            rec.add("total", taxed.total_toks, min(total.certainty, DOUBTFUL))
        else:
            rec.add("total", taxed.total_toks, total.certainty, verified=total.verified)
    elif total.reading is not None:
        rec.add("total", total.toks, total.certainty, verified=total.verified)
        # a tax the lines' share at its printed rate that makes the total with them, no net read: the
        # tax as read (validation.sums ties the two to the lines where each line is read sure)
        added = None if None in values else sum((v for v in values if v is not None), Decimal(0))
        tax_toks = tax_rates.tax_of_lines(seen, total, added, mark, pages)
        if tax_toks is not None and added is not None:
            lines_tax = total.reading.value - added  # the tax as read: the total is the lines plus it
            rec.add("tax_total", tax_toks, total.certainty)
        elif (of_total := _tax_of_total(rec, values, seen, total, mark, pages)) is not None:
            lines_tax = of_total[1]
            rec.add("tax_total", of_total[0], min(total.certainty, DOUBTFUL))
        else:
            left = totals.unaccounted(seen, total, mark)
            if left is not None:
                problems.append(Problem(ProblemCode.TOTAL_MISMATCH, left, field="total"))
    _junk_left_out(rec, seen, taxed, total)
    unread_total = totals.unread_below(pages, total, skip, mark) if ocr and taxed is None else None
    if unread_total is not None:
        rec.lower("total", DOUBTFUL)
        problems.append(Problem(ProblemCode.TOTAL_MISMATCH, unread_total, field="total"))
    addresses, block_toks = _parties(rec, pages, found, skip, language)
    delivery = _delivery(picks, drafts, built, rec)
    if ocr:
        problems += _scan_checks(rec, picks, delivery, total)
    again = (
        [
            *_rechecks(picks, delivery, pages, us_dates, (found, drafts)),
            *(Recheck(0, path, certainty) for path, certainty in _line_rechecks(built, drafts, pages)),
            *_mended_total_recheck(taxed, total),
        ]
        if ocr
        else []
    )
    order = CapturedOrder(
        po_number=str(picks["po_number"].value) if picks["po_number"] else None,
        order_date=_date(picks["order_date"]),
        requested_delivery_date=delivery,
        currency=str(picks["currency"].value) if picks["currency"] else None,
        buyer=parties.party(addresses["buyer"], str(picks["party_id"].value) if picks["party_id"] else None),
        supplier=parties.party(addresses["supplier"]) if "supplier" in addresses else Party(),
        ship_to=parties.party(addresses["ship_to"]) if "ship_to" in addresses else Party(),
        lines=tuple(b.line for b in built),
        total=taxed.total if taxed else total.reading.value if total.reading else None,
        net_total=taxed.net if taxed else None,
        tax_total=taxed.tax if taxed else lines_tax,
        references=tuple((PROMO_REFERENCE, code) for code in codes_in(_text(pages))),
        language=language,
        kind=document.kind(pages),
        identifiers=document.printed_identifiers(pages, block_toks),
        unread=_unread(pages, found, picks, delivery, drafts, skip, us_dates, [b.line for b in built])
        + (document.money_unplaced(drafts, [b.line for b in built]) if ocr else ()),
        evidence=tuple(rec.items),
        problems=tuple(problems),
    )
    stated = (
        [(i, n) for i, (d, b) in enumerate(zip(drafts, built, strict=True)) if (n := _basis(d, b))]
        if ocr
        else []
    )
    return order, again, stated, _unread_quantities(drafts, built) if ocr else []


def _unread_quantities(drafts: list[rows.Draft], built: list[items.Built]) -> list[tuple[int, int, Box]]:
    """The lines (index, page, box) with a quantity no word of their row gave (the layout reader worked
    it out of the amount), whose quantity cell's place on the page is known (`row_cells.quantity_box`)."""
    return [
        (i, d.page, d.qty_box)
        for i, (d, b) in enumerate(zip(drafts, built, strict=True))
        if d.qty_box is not None and b.line.quantity is not None and not b.toks["quantity"]
    ]


def _tax_of_total(
    rec: Recorder,
    values: Sequence[Decimal | None],
    seen: list[totals.Seen],
    total: totals.Chosen,
    mark: str,
    pages: list[Page],
) -> tuple[list[Tok], Decimal] | None:
    """The printed tax the chosen total is made of at its printed rate (`tax_rates.tax_of_total`), taken
    only while a line's amount is unread or read unsure: the lines read so far cannot say the total is
    not the one the page prints with that tax (a figure of theirs may be misread, and the numbers read
    again check a line against the total less the tax).  Where every amount was read sure and they do
    not make the total less the tax (a line lost), the tax is left untaken and the total waits."""
    sure = [
        (c := rec.confidence(f"lines[{i}].amount")) is not None and c >= page_basis.SURE_AMOUNT
        for i in range(len(values))
    ]
    if all(v is not None and s for v, s in zip(values, sure, strict=True)):
        return None
    return tax_rates.tax_of_total(seen, total, mark, pages)


def _basis(draft: rows.Draft, built: items.Built) -> int | None:
    """The units the line's price is for as the page states them (`item_basis.stated_basis`), else as the
    page's amounts say them where the line was read so (`page_basis`): its price cell read again prints
    the price of that many units."""
    price = built.solved.unit_price
    return item_basis.stated_basis(draft) or (page_basis.noted_basis(price.note) if price else None)


def _rechecks(
    picks: dict[str, Candidate | None],
    delivery: date | None,
    pages: list[Page],
    us_dates: bool,
    seen: tuple[list[Candidate], list[rows.Draft]],
) -> list[Recheck]:
    """The header fields (of order 0: its path, layout certainty, and what a reading must say when not
    what the page's reading said) a second reading of their ink may settle on a scan;
    `seen`: every sighting of a header field, and the table's rows. An order date found by a generic
    label alone is offered as sure where no other date could be the one the label names (`generic`)."""
    found, drafts = seen
    claimed = [t for d in drafts for t in d.subs.get("delivery", [])]
    out = []
    # two dates read too far apart (`_scan_checks`): a reading of their ink again that says the same
    # figures vouches for the reading, not for the date ("2076/12/14" read alike every way for 2026)
    apart = _dates_apart(picks, delivery)
    for name, path in (("po_number", "po_number"), ("order_date", "order_date"), ("delivery_date", DELIVERY)):
        pick = picks[name]
        if pick is None or (name == "delivery_date" and _date(pick) != delivery):
            continue  # the delivery date taken from the lines is no header field's
        if apart and name != "po_number":
            continue
        if name == "po_number" and closed_letter(str(pick.value)):
            continue  # "OG-" read again is "OG-" still: no reading of that ink says whether it is "OC-"
        if recheck.worth_rechecking(pick, pages, us_dates):
            if generic.unambiguous(pick, found, pages, claimed, month_first=us_dates):
                pick = generic.sure(pick)
            # a date read parted by a gap ("26/1 1/2026"): the readings must say it joined, in one word
            parted = recheck.parted_date(pick, us_dates)
            out.append(Recheck(0, path, recheck.recheck_certainty(pick, us_dates), parted, bool(parted)))
        elif recheck.prose_worth_rechecking(pick, pages) or recheck.mended_worth_rechecking(pick, pages):
            out.append(Recheck(0, path, pick.again))
        elif recheck.sentence_worth_rechecking(pick, pages) and not two_faced(str(pick.value)):
            # "0C-095042" or "OC-095042": read again, still either
            out.append(Recheck(0, path, pick.certainty))
        elif recheck.label_in_sentence_worth_rechecking(pick, pages) and not two_faced(str(pick.value)):
            out.append(Recheck(0, path, LIKELY))  # as sure as a number the sentence states
        elif recheck.likely_worth_rechecking(pick, pages) and not two_faced(str(pick.value)):
            out.append(Recheck(0, path, pick.certainty))  # as sure as its label, read again alike
    return out


def _junk_left_out(
    rec: Recorder, seen: list[totals.Seen], taxed: tax_rates.WithTax | None, total: totals.Chosen
) -> None:
    """A total read only with a lone figure or money sign after it left out ("33423.73 5": a sign the
    fax read as a figure) is doubtful: a person confirms it unless the line amounts, each read sure, add
    up to it exactly (`validation.sums`: the ink's figures and the sum then say the same amount)."""
    chosen = [("net_total" if taxed else "total", total.toks)]
    if taxed is not None:
        chosen += [("tax_total", taxed.tax_toks), ("total", taxed.total_toks)]
    for path, toks in chosen:
        if totals.junk_left_out(seen, toks):
            rec.lower(path, DOUBTFUL)


def _mended_total_recheck(taxed: tax_rates.WithTax | None, total: totals.Chosen) -> list[Recheck]:
    """A total with tax OCR read a figure off the net total plus its tax (`tax_choice.with_tax`: "439,53"
    under 407,94 and 81,59 at 20 %) is the one sum the order's figures allow, where the net total is the
    lines' sum and the tax the net's share at its printed rate; it is taken mended and doubtful.  Its
    ink read again, saying the mended figures ("489,53") with confidence, vouches for it: the sums and
    a second reading of the figure agree.  Offered only where the net total is the lines' sum."""
    if taxed is None or not taxed.total_mended or not total.verified or not taxed.total_toks:
        return []
    says = tax_rates.printed_as(" ".join(t.text for t in taxed.total_toks), taxed.total)
    return [Recheck(0, "total", total.certainty, says)] if says else []


def _line_rechecks(
    built: list[items.Built], drafts: list[rows.Draft], pages: list[Page]
) -> list[tuple[str, float]]:
    """The lines' own delivery dates (path, layout certainty) a second reading of their ink may settle on
    a scan: each in its place by the order's date (`items.line_date_certainty`), printed alone after its
    label as a date as it stands (`parsers.layout.recheck.line_date_worth_rechecking`)."""
    out = []
    for i, (b, d) in enumerate(zip(built, drafts, strict=True)):
        when = b.line.requested_delivery_date
        toks = d.subs.get("delivery", [])
        if (
            when is None
            or b.date_certainty < LIKELY
            or not recheck.line_date_worth_rechecking(toks, when, pages)
        ):
            continue
        out.append((f"lines[{i}].requested_delivery_date", b.date_certainty))
    return out


def _unread(
    pages: list[Page],
    found: list[Candidate],
    picks: dict[str, Candidate | None],
    delivery: date | None,
    drafts: list[rows.Draft],
    skip: set[int],
    us_dates: bool,
    lines: Sequence[CapturedLine] = (),
) -> tuple[UnreadField, ...]:
    """Fields the page shows unread: labels without a readable value, rows not read, stray dates."""
    unread = document.unread_fields(found, {**picks, "delivery_date": delivery}) + document.unread_rows(
        drafts, lines
    )
    if delivery is None and not any(u.field == "requested_delivery_date" for u in unread):
        known = {d for d in (_date(picks["order_date"]),) if d is not None}
        unread += document.unlabelled_dates(pages, skip, known, month_first=us_dates)
    return unread


def _not_in_lines(found: list[Candidate], drafts: list[rows.Draft]) -> list[Candidate]:
    """The header's sightings without the dates printed under order lines ("Fecha entrega: …" below each
    line of an ERP printout): where lines carry their own delivery dates, a delivery date at or below the
    first line of its page is one of those, whether or not it was attached to its line (the last one
    before a page's carried total may not be), and the order's date is taken from the lines."""
    if not any(d.subs.get("delivery") for d in drafts):
        return found
    top: dict[int, float] = {}
    for d in drafts:
        for toks in d.cells.values():
            for t in toks:
                top[t.page] = min(top.get(t.page, t.y0), t.y0)
    return [
        c
        for c in found
        if c.name != "delivery_date" or not any(t.page in top and t.y0 >= top[t.page] for t in c.toks)
    ]


def _picks(found: list[Candidate], pages: list[Page]) -> dict[str, Candidate | None]:
    """The best sighting of each header field."""
    picks = {name: header_choice.choose(found, name) for name, _ in HEADER_FIELDS}
    picks["po_number"] = header_choice.outnumbered(picks["po_number"], found, pages)
    for name in header.DATE_FIELDS:
        picks[name] = header_choice.mend_year(picks[name], pages)
    header_choice.mend_month(picks, pages)
    if picks["po_number"] is None and document.kind(pages) in (
        DocumentKind.ORDER,
        DocumentKind.ORDER_CONFIRMATION,
    ):
        # an order's "Document Number" is its order number; an invoice's is the invoice's
        picks["po_number"] = header_choice.choose(found, "doc_number")
    return picks


def _lines(
    drafts: list[rows.Draft],
    seen: list[totals.Seen],
    language: str | None,
    rec: Recorder,
    *,
    ocr: bool,
    us_dates: bool,
    dating: items.LineDating | None = None,
) -> tuple[str, list[items.Built], list[Decimal | None], totals.Chosen]:
    """The lines' numbers read under the document's decimal mark and settled against the printed
    total: the mark, the built lines, each line's value and the total chosen."""
    mark, mark_sure = decide_mark(items.number_texts(drafts) + [s.toks[-1].text for s in seen], language)
    cents = ocr and item_numbers.prints_cents(drafts, [s.toks[-1].text for s in seen if s.toks])
    paged = page_basis.page_bases(drafts, mark) if ocr else {}
    built = [
        items.build(
            d,
            i,
            mark,
            mark_sure,
            rec,
            ocr=ocr,
            month_first=us_dates,
            dating=dating,
            cents=cents,
            page_basis=paged.get(d.page),
        )
        for i, d in enumerate(drafts)
    ]
    built = item_columns.by_columns(built, mark) if ocr else built
    built = item_columns.by_column_marks(built, mark) if ocr else built
    built = quantity_marks.by_quantity_format(built, mark) if ocr else built
    built = quantity_marks.by_whole_column(built, mark) if ocr else built
    built = specks.whole_quantities(built, mark) if ocr else built
    values, total = _sum_up(built, seen, mark)
    settled = totals.settle([b.solved for b in built], seen, mark)
    if settled is not None:
        built = [items.settled(b, s) for b, s in zip(built, settled, strict=True)]
        values, total = _sum_up(built, seen, mark)
    elif any(b.solved.options for b in built):
        # no printed total chooses: each open line's cheapest repair, which stays doubtful, unless the
        # lines would then seem to add up to the total by that guess
        guessed = [items.settled(b, totals.likeliest(b.solved)) for b in built]
        if not _sum_up(guessed, seen, mark)[1].verified:
            built = guessed
            values, total = _sum_up(built, seen, mark)
    carried = by_carried(built, drafts, seen, mark) if ocr else built
    if carried is not built:
        built = carried
        values, total = _sum_up(built, seen, mark)
    for i, b in enumerate(built):
        items.record_numbers(
            rec,
            f"lines[{i}]",
            b.solved,
            b.toks,
            mark_sure,
            verified=total.verified,
            discount=b.line.discount,
            ocr=ocr,
        )
        if drafts[i].guessed:
            _hold_guess(rec, f"lines[{i}]", agrees=b.solved.check == "agrees")
    return mark, built, values, total


GUESSED_CODES = ("item_code", "gtin")


def _hold_guess(rec: Recorder, path: str, *, agrees: bool) -> None:
    """A line read from a table found by its rows' shape alone (`shaped`): which column holds what was
    guessed, so its code is doubtful until master data vouches for it (a product whose price the line's
    agrees with), and its figures unless they make quantity × price = amount on the line."""
    for name in (*GUESSED_CODES, *(() if agrees else ("quantity", "unit_price", "amount"))):
        rec.lower(f"{path}.{name}", DOUBTFUL)


def _table_problems(
    drafts: list[rows.Draft], values: list[Decimal | None], seen: list[totals.Seen], mark: str
) -> list[Problem]:
    """Rows the numbering says are there but were not read, and carried-forward sums that disagree."""
    problems = [
        Problem(
            ProblemCode.UNREADABLE,
            f"position {d.position}: the numbering says a row is there, but it could not be read",
            field=f"lines[{i}]",
        )
        for i, d in enumerate(drafts)
        if d.missing and d.position is not None
    ]
    sums: dict[int, Decimal] = {}
    for d, v in zip(drafts, values, strict=True):
        sums[d.page] = sums.get(d.page, Decimal(0)) + (v or Decimal(0))
    for bad in totals.carried_mismatches(seen, sums, mark):
        problems.append(
            Problem(
                ProblemCode.TOTAL_MISMATCH, f"carried-forward subtotal does not add up: {bad}", field="lines"
            )
        )
    return problems


def _record_header(
    rec: Recorder, picks: dict[str, Candidate | None], found: list[Candidate], ocr: bool, pages: list[Page]
) -> None:
    """Each header field's evidence: how sure its reading is, or that its label was seen unread."""
    for name, path in HEADER_FIELDS:
        pick = picks[name]
        if pick is not None:
            # a GLN's check digit vouches for its digits, whatever OCR thought of them
            gln = name == "party_id" and len(str(pick.value)) == GLN_DIGITS and valid_gtin(str(pick.value))
            certainty = pick.certainty
            if ocr and name in ("po_number", "party_id") and not gln and two_faced(str(pick.value)):
                certainty = min(certainty, DOUBTFUL)  # "0C-095042" or "OC-095042": a person must look
            if ocr and name == "po_number" and closed_letter(str(pick.value)):
                certainty = min(certainty, DOUBTFUL)  # "OG-2026-89709", both printings, for OC-: the same
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
            rec.add(path, toks, certainty, verified=gln or pick.vouched)
            continue
        unread = next((c for c in found if c.name == name and c.value is None and c.toks), None)
        if unread is not None:  # the label is there, its value cannot be read
            rec.add(path, unread.toks, WRONG)


def _parties(
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


def _delivery(
    picks: dict[str, Candidate | None], drafts: list[rows.Draft], built: list[items.Built], rec: Recorder
) -> date | None:
    """The header's delivery date; else the date the lines give (an ERP printout prints it per line):
    the earliest of them, the day the customer first needs goods (each line keeps its own date).
    When every line prints that one date, each line's is a copy of it: the order's date is read from
    the surest of them, not from the first line's alone (a speck on one copy says nothing of the
    others). A line's date before the order's own date, or further after it than an order asks for, was
    misread ("07/17/26" read month first among "07/12/26"s, a year a figure off): it is no first day of
    need while another line's date falls in time, and the lines then disagree, so the date is doubtful."""
    delivery = _date(picks["delivery_date"])
    line_dates = [b.line.requested_delivery_date for b in built if b.line.requested_delivery_date]
    if delivery is not None or not line_dates:
        return delivery
    ordered = _date(picks["order_date"])
    in_time = [d for d in line_dates if ordered is None or 0 <= (d - ordered).days <= MAX_LEAD_DAYS]
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


def _prose_delivery(
    picks: dict[str, Candidate | None], found: list[Candidate], built: list[items.Built], *, ocr: bool
) -> Candidate | None:
    """A delivery date its sentence states plainly stays sure only when the document agrees: it is not
    before the order's date nor implausibly far after it, and no other delivery date on the document
    (another sentence, a label, a line's own date, a date seen but not read) differs from it. On a scan
    it stays doubtful: a misread digit in running text has nothing beside it to give it away."""
    pick = picks["delivery_date"]
    if pick is None or not pick.prose or pick.certainty <= DOUBTFUL:
        return pick
    wanted, ordered = _date(pick), _date(picks["order_date"])
    others = [c.value for c in found if c.name == "delivery_date"]
    lines = [b.line.requested_delivery_date for b in built if b.line.requested_delivery_date]
    agrees = all(v == pick.value for v in [*others, *lines])
    if wanted is None or ordered is None or not 0 <= (wanted - ordered).days <= MAX_LEAD_DAYS or not agrees:
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


def _scan_checks(
    rec: Recorder, picks: dict[str, Candidate | None], delivery: date | None, total: totals.Chosen
) -> list[Problem]:
    """On a scan, a fact not found may be a fact OCR did not read; dates far apart were misread."""
    facts = {
        "order_date": picks["order_date"],
        "requested_delivery_date": delivery,
        "currency": picks["currency"],
        "total": total.reading,
    }
    if _dates_apart(picks, delivery):
        # one of the two years or months was misread ("2025-12-07" for 2026): neither is sure
        rec.lower("order_date", DOUBTFUL)
        rec.lower("requested_delivery_date", DOUBTFUL)
    return [_not_read(path) for path, value in facts.items() if value is None]


def _dates_apart(picks: dict[str, Candidate | None], delivery: date | None) -> bool:
    """Whether the order date and the delivery date read are further apart than an order asks for, or
    the delivery before the order: one of them was misread, and which the two dates cannot tell."""
    ordered = _date(picks["order_date"])
    return bool(ordered and delivery and not 0 <= (delivery - ordered).days <= MAX_LEAD_DAYS)


def _sum_up(
    built: list[items.Built], seen: list[totals.Seen], mark: str
) -> tuple[list[Decimal | None], totals.Chosen]:
    """Each line's value, and the order total chosen against their sum (none when a line has no value)."""
    values = [line_value(b.solved) for b in built]
    line_sum = (
        sum((v for v in values if v is not None), Decimal(0)) if values and None not in values else None
    )
    return values, totals.choose(seen, line_sum, mark)


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


def _not_read(path: str) -> Problem:
    return Problem(
        ProblemCode.UNREADABLE,
        f"no {path.replace('_', ' ')} could be read on the scanned page(s); it may be there unread",
        field=path,
    )


def _date(pick: Candidate | None) -> date | None:
    return pick.value if pick is not None and isinstance(pick.value, date) else None

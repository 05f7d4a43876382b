"""The layout-independent extractor: words on pages -> captured orders with per-field evidence.

No templates: tables are found by their column words, header fields by their labels, and numbers are
read under the document's decimal mark and checked against each other (quantity × price = amount,
lines = total, carried-forward subtotals) to choose between readings and to say how sure each field is.
The order's lines are read in order_lines, its header fields recorded in order_header, its currency
chosen in order_currency, and what is left to check listed in order_checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from core.capture.domain.layout import PageWords
from core.capture.domain.order import (
    CapturedOrder,
    Party,
    Problem,
    ProblemCode,
    Severity,
)
from core.capture.domain.promo_codes import PROMO_REFERENCE, codes_in
from parsers.layout import (
    document,
    header,
    items,
    line_dating,
    parties,
    printed_totals,
    relabel,
    rows,
    shaped,
    tax_choice,
    tax_rates,
    totals,
    unheaded,
)
from parsers.layout.carried_again import CARRIED_OFF, CarriedSums, carried_sums
from parsers.layout.date_order import month_first, order_decided
from parsers.layout.evidence import DOUBTFUL, Recorder
from parsers.layout.geometry import Page, read_page
from parsers.layout.header import Candidate
from parsers.layout.order_checks import (
    date_of,
    header_rechecks,
    junk_recorded,
    line_basis,
    line_rechecks,
    mended_total_recheck,
    not_in_lines,
    scan_checks,
    total_tax_read,
    unread_of,
)
from parsers.layout.order_currency import currency_read
from parsers.layout.order_header import delivery_of, parties_read, picks_of, prose_delivery, record_header
from parsers.layout.order_lines import lines_read, table_problems
from parsers.layout.pages import carried_over, groups, without_copies
from parsers.layout.recheck import Recheck
from parsers.layout.table import Region, find_regions
from parsers.layout.vocab import ENGLISH, SPANISH


@dataclass(frozen=True)
class Basis:
    """The units (10, 100, 1000) that line `line` of order `order` prints its price for, as its row
    or its price heading states them (`item_basis.stated_basis`): a cell of that price read again prints
    the price of that many units."""

    order: int
    line: int
    units: int


Box = tuple[float, float, float, float]
# an order found: the order, its fields worth reading again, its lines' stated price units, its unread
# quantity cells, and its carried-forward subtotals to check again (`_order`)
_Found = tuple[
    CapturedOrder, list[Recheck], list[tuple[int, int]], list[tuple[int, int, Box]], CarriedSums | None
]


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
    # carried-forward subtotals that did not add up, to check again once number cells are read again
    carried: tuple[CarriedSums, ...] = ()


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
    carried_checks: list[CarriedSums] = []
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
            order, again, stated, unread, sums = found
            if sums is not None:
                carried_checks.append(replace(sums, order=len(orders)))
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
        carried=tuple(carried_checks),
    )


def _text(pages: list[Page]) -> str:
    return "\n".join(line.text for page in pages for line in page.lines)


def _language(pages: list[Page]) -> str | None:
    keys = [t.key for p in pages for line in p.lines for t in line.toks]
    es, en = sum(k in SPANISH for k in keys), sum(k in ENGLISH for k in keys)
    return None if es == en == 0 else ("es" if es >= en else "en")


def _order(
    pages: list[Page],
    found: list[Candidate],
    regions: list[Region],
    skip: set[int],
    us_dates: bool,
    *,
    order_known: bool = False,
) -> _Found | None:
    """The order on `pages`, the fields (as of order 0) worth reading again on a scan, the lines
    (index, units) whose price the page states is for many units, on a scan, the lines (index,
    page, box) whose quantity cell OCR did not read, where that cell is (`_unread_quantities`), and on
    a scan whose carried-forward subtotals do not add up, what checking them again needs
    (`carried_again`); `order_known` when the document's own dates say which it writes first, the day
    or the month."""
    language = _language(pages)
    ocr = any(p.source != "text" for p in pages)
    drafts = rows.drafts(regions, ocr=ocr)
    seen = printed_totals.seen_in(pages, skip)
    picks = picks_of(not_in_lines(found, drafts), pages)
    if not drafts and picks["po_number"] is None:
        return None
    rec = Recorder()
    dating = line_dating.LineDating(date_of(picks["order_date"]), order_known)
    mark, built, values, total = lines_read(
        drafts, seen, language, rec, ocr=ocr, us_dates=us_dates, dating=dating
    )
    problems = table_problems(drafts, values, seen, mark)
    taxed = tax_choice.with_tax(seen, total, mark, pages, skip)
    lines_tax: Decimal | None = None
    picks["currency"] = currency_read(found, drafts, pages, skip, taxed)
    picks["delivery_date"] = prose_delivery(picks, found, built, ocr=ocr)
    record_header(rec, picks, found, ocr, pages)
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
        elif (of_total := total_tax_read(rec, values, seen, total, mark, pages)) is not None:
            lines_tax = of_total[1]
            rec.add("tax_total", of_total[0], min(total.certainty, DOUBTFUL))
        else:
            left = totals.unaccounted(seen, total, mark)
            if left is not None:
                problems.append(Problem(ProblemCode.TOTAL_MISMATCH, left, field="total"))
    junk_recorded(rec, seen, taxed, total)
    unread_total = totals.unread_below(pages, total, skip, mark) if ocr and taxed is None else None
    if unread_total is not None:
        rec.lower("total", DOUBTFUL)
        problems.append(Problem(ProblemCode.TOTAL_MISMATCH, unread_total, field="total"))
    addresses, block_toks = parties_read(rec, pages, found, skip, language)
    delivery = delivery_of(picks, drafts, built, rec)
    if ocr:
        problems += scan_checks(rec, picks, delivery, total)
    again = (
        [
            *header_rechecks(picks, delivery, pages, us_dates, (found, drafts)),
            *(Recheck(0, path, certainty) for path, certainty in line_rechecks(built, drafts, pages)),
            *mended_total_recheck(taxed, total),
        ]
        if ocr
        else []
    )
    order = CapturedOrder(
        po_number=str(picks["po_number"].value) if picks["po_number"] else None,
        order_date=date_of(picks["order_date"]),
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
        unread=unread_of(pages, found, picks, delivery, drafts, skip, us_dates, [b.line for b in built])
        + (document.money_unplaced(drafts, [b.line for b in built]) if ocr else ()),
        evidence=tuple(rec.items),
        problems=tuple(problems),
    )
    stated = (
        [(i, n) for i, (d, b) in enumerate(zip(drafts, built, strict=True)) if (n := line_basis(d, b))]
        if ocr
        else []
    )
    off = ocr and any(p.message.startswith(CARRIED_OFF) for p in problems)
    sums = carried_sums(drafts, seen, mark) if off else None
    return order, again, stated, _unread_quantities(drafts, built) if ocr else [], sums


def _unread_quantities(drafts: list[rows.Draft], built: list[items.Built]) -> list[tuple[int, int, Box]]:
    """The lines (index, page, box) with a quantity no word of their row gave (the layout reader worked
    it out of the amount), whose quantity cell's place on the page is known (`row_cells.quantity_box`)."""
    return [
        (i, d.page, d.qty_box)
        for i, (d, b) in enumerate(zip(drafts, built, strict=True))
        if d.qty_box is not None and b.line.quantity is not None and not b.toks["quantity"]
    ]

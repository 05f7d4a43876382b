"""What an extracted order's reading leaves to check: fields worth reading again on a scan,
fields not read, dates far apart, a total's tax, junk left out (for parsers.layout.extract)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    Problem,
    ProblemCode,
    UnreadField,
)
from parsers.layout import (
    document,
    generic,
    item_basis,
    items,
    page_basis,
    recheck,
    rows,
    tax_rates,
    totals,
)
from parsers.layout.codes import closed_letter, two_faced
from parsers.layout.dates import within_lead
from parsers.layout.evidence import DOUBTFUL, LIKELY, Recorder
from parsers.layout.geometry import Page, Tok
from parsers.layout.header import Candidate
from parsers.layout.recheck import Recheck

DELIVERY = "requested_delivery_date"


def total_tax_read(
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


def line_basis(draft: rows.Draft, built: items.Built) -> int | None:
    """The units the line's price is for as the page states them (`item_basis.stated_basis`), else as the
    page's amounts say them where the line was read so (`page_basis`): its price cell read again prints
    the price of that many units."""
    price = built.solved.unit_price
    return item_basis.stated_basis(draft) or (page_basis.noted_basis(price.note) if price else None)


def header_rechecks(
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
    # two dates read too far apart (`scan_checks`): a reading of their ink again that says the same
    # figures vouches for the reading, not for the date ("2076/12/14" read alike every way for 2026)
    apart = _dates_apart(picks, delivery)
    for name, path in (("po_number", "po_number"), ("order_date", "order_date"), ("delivery_date", DELIVERY)):
        pick = picks[name]
        if pick is None or (name == "delivery_date" and date_of(pick) != delivery):
            continue  # the delivery date taken from the lines is no header field's
        if apart and name != "po_number":
            continue
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


def junk_recorded(
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


def mended_total_recheck(taxed: tax_rates.WithTax | None, total: totals.Chosen) -> list[Recheck]:
    """A total with tax OCR read a figure off the net total plus its tax (`tax_choice.with_tax`: "439,53"
    under 407,94 and 81,59 at 20 %) is the one sum the order's figures allow, where the net total is the
    lines' sum and the tax the net's share at its printed rate; it is taken mended and doubtful.  Its
    ink read again, saying the mended figures ("489,53") with confidence, vouches for it: the sums and
    a second reading of the figure agree.  Offered only where the net total is the lines' sum."""
    if taxed is None or not taxed.total_mended or not total.verified or not taxed.total_toks:
        return []
    says = tax_rates.printed_as(" ".join(t.text for t in taxed.total_toks), taxed.total)
    return [Recheck(0, "total", total.certainty, says)] if says else []


def line_rechecks(
    built: list[items.Built], drafts: list[rows.Draft], pages: list[Page]
) -> list[tuple[str, float]]:
    """The lines' own delivery dates (path, layout certainty) a second reading of their ink may settle on
    a scan: each in its place by the order's date (`line_dating.line_date_certainty`), printed alone after its
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


def unread_of(
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
        known = {d for d in (date_of(picks["order_date"]),) if d is not None}
        unread += document.unlabelled_dates(pages, skip, known, month_first=us_dates)
    return unread


def not_in_lines(found: list[Candidate], drafts: list[rows.Draft]) -> list[Candidate]:
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


def scan_checks(
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
    return [
        *(_not_read(path) for path, value in facts.items() if value is None),
        *prefix_held(picks),
        *two_faced_held(picks),
    ]


def prefix_held(picks: dict[str, Candidate | None]) -> list[Problem]:
    """On a scan, an order number with a letter the fax may have opened or closed (`codes.closed_letter`:
    "PC-2026-42693" for PO-, "OG-" for OC-) waits: no reading of the same ink tells them apart. Only
    the customer's own earlier numbers may (`core.capture.services.deciding.settle_prefix`)."""
    pick = picks["po_number"]
    if pick is None or not closed_letter(str(pick.value)):
        return []
    return [
        Problem(
            ProblemCode.PREFIX_LETTER,
            f"order number {pick.value}: a letter of it may be another the fax opened or closed (an O"
            " read C, a C read G); confirm it unless the customer's earlier orders are numbered so",
            field="po_number",
        )
    ]


def two_faced_held(picks: dict[str, Candidate | None]) -> list[Problem]:
    """On a scan, an order number with a character where its letters and figures meet that looks like
    both (`codes.two_faced`: "PC26088411", its "2" perhaps a "Z"; "P02641628", its "0" perhaps an "O")
    waits: nothing on the page tells which it was. Only the customer's own earlier numbers may
    (`core.capture.services.deciding.settle_prefix`); its reading is judged as any other's."""
    pick = picks["po_number"]
    if pick is None or not two_faced(str(pick.value)):
        return []
    return [
        Problem(
            ProblemCode.LETTER_OR_FIGURE,
            f"order number {pick.value}: a character where its letters and figures meet may be either (a 2"
            " or a Z, a 0 or an O); confirm it unless the customer's earlier orders are numbered so",
            field="po_number",
        )
    ]


def _dates_apart(picks: dict[str, Candidate | None], delivery: date | None) -> bool:
    """Whether the order date and the delivery date read are further apart than an order asks for, or
    the delivery before the order: one of them was misread, and which the two dates cannot tell."""
    ordered = date_of(picks["order_date"])
    return bool(ordered and delivery and not within_lead(delivery, ordered))


def _not_read(path: str) -> Problem:
    return Problem(
        ProblemCode.UNREADABLE,
        f"no {path.replace('_', ' ')} could be read on the scanned page(s); it may be there unread",
        field=path,
    )


def date_of(pick: Candidate | None) -> date | None:
    return pick.value if pick is not None and isinstance(pick.value, date) else None

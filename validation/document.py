"""Checks on what the document says about itself: what kind of document it is, the fields it shows but
whose values were not read, and whether its printed totals agree with its lines and with each other.

Nothing the document states may be lost on the way to an accepted order: a label seen without its
value, a total that disagrees, or a document that is no order at all goes to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, DocumentKind, Problem, ProblemCode
from core.kernel.domain.money import minor_units, quantum

CENT = Decimal("0.01")
# How the review queue names what a document is (after "this document is ...").
KIND_NAMES = {
    DocumentKind.INVOICE: "an invoice",
    DocumentKind.CREDIT_NOTE: "a credit note",
    DocumentKind.DELIVERY_NOTE: "a delivery note",
    DocumentKind.QUOTE: "a quote",
    DocumentKind.ORDER_CONFIRMATION: "an order confirmation (a supplier's answer to an order)",
    DocumentKind.OTHER: "no order (a letter, a newsletter or a notice)",
}
FIELD_NAMES = {
    "po_number": "order number",
    "order_date": "order date",
    "requested_delivery_date": "delivery date",
    "total": "total",
    "net_total": "net total",
    "tax_total": "tax",
    "currency": "currency",
    "lines": "order line",
}


def check_kind(order: CapturedOrder) -> Iterator[Problem]:
    """Only an order may flow on: anything else sent to the order inbox waits for a person."""
    if order.kind is DocumentKind.ORDER:
        return
    name = KIND_NAMES.get(order.kind, f"a {order.kind.value.replace('_', ' ')}")
    yield Problem(
        ProblemCode.NOT_AN_ORDER,
        f"this document is {name}, not an order; take it as an order only if it is one",
        field="kind",
    )


def check_unread(order: CapturedOrder) -> Iterator[Problem]:
    """Each field the document labels but whose value the reader could not read, named."""
    for unread in order.unread:
        what = FIELD_NAMES.get(unread.field, unread.field.replace("_", " "))
        # a date standing where no label is read before it ("12.12.26 en horario de mañana.") has no
        # label to quote: an empty one ('') would tell the clerk nothing to look for
        shown = repr(unread.label.strip()) if unread.label.strip() else f"a date that may be its {what}"
        yield Problem(
            ProblemCode.FIELD_NOT_READ,
            f"the document shows {shown} but its {what} could not be read; enter it from the document",
            field=unread.field,
        )


def check_page_facts(order: CapturedOrder) -> Iterator[Problem]:
    """What every order read from a page states, missed by the reader: its date (purchase orders are
    dated), each line's price where the others print theirs (`_column_gaps`), and the total of lines
    that carry amounts (a page that prices its lines adds them up).
    Sheets and e-mail bodies are not pages: their evidence has no box on a page."""
    if not any(e.provenance.box for e in order.evidence):
        return
    named = {u.field for u in order.unread}
    if order.order_date is None and "order_date" not in named:
        yield Problem(
            ProblemCode.FIELD_NOT_READ,
            "no order date was read from the page, and an order states its date; read it off the document",
            field="order_date",
        )
    yield from _column_gaps(order)
    priced = bool(order.lines) and all(line.amount is not None for line in order.lines)
    if priced and order.total is None and order.net_total is None and "total" not in named:
        yield Problem(
            ProblemCode.FIELD_NOT_READ,
            "the lines carry amounts but no total was read from the page; read it off the document",
            field="total",
        )


def _column_gaps(order: CapturedOrder) -> Iterator[Problem]:
    """A page that prints a unit price for one of its lines prints one for each: the column runs down
    the whole table. A line read without the price its neighbours carry had it printed and not read,
    and the order may not flow on without it, even where the line's amount and quantity are sure (a
    price is what the customer agreed to pay; an amount divided by a quantity need not give it)."""
    if not any(line.unit_price is not None for line in order.lines):
        return
    for i, line in enumerate(order.lines):
        if line.unit_price is None:
            yield Problem(
                ProblemCode.FIELD_NOT_READ,
                f"line {i + 1} has no unit price although the other lines print theirs;"
                " read it off the document",
                field=f"lines[{i}].unit_price",
            )


# A whole date written in figures: 2026-12-04, 04/12/2026, 4.12.2026 (a product's text never needs one).
_DATE = re.compile(
    r"(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))(?![\d/.-])"
)


def check_line_texts(order: CapturedOrder) -> Iterator[Problem]:
    """A date standing in a line's text that the order carries nowhere was printed and not read as a
    date: a reader that ran a "delivery: 04/12/2026" column or note into the description. Named, so a
    person reads it off the document instead of the order flowing on without it."""
    known = {order.order_date, order.requested_delivery_date}
    known |= {line.requested_delivery_date for line in order.lines}
    for i, line in enumerate(order.lines):
        for m in _DATE.finditer(line.description or ""):
            if not _dates(m) & known:  # an impossible date ("31/11/2026") is carried nowhere either
                yield Problem(
                    ProblemCode.FIELD_NOT_READ,
                    f"line {i + 1}'s text holds the date {m.group(0)!r}, which the order carries nowhere;"
                    " read the delivery date off the document",
                    field=f"lines[{i}].requested_delivery_date",
                )
                break


def _dates(m: re.Match[str]) -> set[date | None]:
    """The dates the figures may mean: year first, else day/month and month/day."""
    if m.group(1):
        parts = [(int(m.group(1)), int(m.group(2)), int(m.group(3)))]
    else:
        a, b, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
        parts = [(year, b, a), (year, a, b)]
    found: set[date | None] = set()
    for year, month, day in parts:
        try:
            found.add(date(year, month, day))
        except ValueError:
            continue
    return found


def check_totals(order: CapturedOrder) -> Iterator[Problem]:
    """The printed sums must agree: the lines with the net total, net and tax with the total, and the
    lines with the total when no tax is printed (with tax but no net total: lines and tax)."""
    lines = _lines_sum(order)
    net, tax, total = order.net_total, order.tax_total, order.total
    # each line may have been rounded to cents before it was added up
    rounding = CENT + CENT / 2 * len(order.lines)
    sums: list[tuple[str, Decimal | None, Decimal | None, Decimal, str]] = [
        ("net_total", lines, net, rounding, f"the lines add up to {lines}, not to the net total {net}")
    ]
    if net is not None and tax is not None:
        sums.append(
            (
                "total",
                net + tax,
                total,
                CENT,
                f"the net total {net} and the tax {tax} add up to {net + tax}, not to the total {total}",
            )
        )
    elif tax is None:
        sums.append(
            ("total", lines, total, rounding, f"the lines add up to {lines}, not to the total {total}")
        )
    elif lines is not None:
        sums.append(
            (
                "total",
                lines + tax,
                total,
                rounding,
                f"the lines ({lines}) and the tax {tax} add up to {lines + tax}, not to the total {total}",
            )
        )
    for path, added, printed, allowed, message in sums:
        if added is not None and printed is not None and abs(added - printed) > allowed:
            yield Problem(ProblemCode.TOTAL_MISMATCH, message, field=path)
    yield from _past_the_minor_unit(order)


def _past_the_minor_unit(order: CapturedOrder) -> Iterator[Problem]:
    """A printed sum in figures finer than its currency's smallest coin: no document totals a dollar
    order to a tenth of a cent, so a third decimal on a USD or EUR total is a figure the reading added
    (a speck after "71.01" read "71.012"), and the sums, which allow a cent of rounding, would not tell."""
    places, coin = minor_units(order.currency or ""), quantum(order.currency or "")
    for path, printed in (
        ("net_total", order.net_total),
        ("tax_total", order.tax_total),
        ("total", order.total),
    ):
        if printed is not None and printed != printed.quantize(coin):
            yield Problem(
                ProblemCode.TOTAL_MISMATCH,
                f"the {path.replace('_', ' ')} {printed} has more decimals than"
                f" {order.currency or 'the currency'} counts ({places}): a figure may have been misread",
                field=path,
            )


def _lines_sum(order: CapturedOrder) -> Decimal | None:
    """The lines' amounts (else quantity × unit price) added up; None when a line has neither (the
    line checks report that line) or there are no lines."""
    if not order.lines:
        return None
    values = []
    for line in order.lines:
        if line.amount is not None:
            values.append(line.amount)
        elif line.quantity is not None and line.unit_price is not None:
            values.append((line.quantity * line.unit_price).quantize(CENT))
        else:
            return None
    return sum(values, Decimal(0))

"""Checks on what the document says about itself: what kind of document it is, the fields it shows but
whose values were not read, and whether its printed totals agree with its lines and with each other.

Nothing the document states may be lost on the way to an accepted order: a label seen without its
value, a total that disagrees, or a document that is no order at all goes to a person.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, DocumentKind, Problem, ProblemCode

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
        yield Problem(
            ProblemCode.FIELD_NOT_READ,
            f"the document shows {unread.label.strip()!r} but its {what} could not be read;"
            " enter it from the document",
            field=unread.field,
        )


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

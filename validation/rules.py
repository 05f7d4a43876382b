"""Checks on a captured order; each returns problems with stable codes and never raises."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Problem,
    ProblemCode,
    Severity,
    line_net,
    shown_under,
)
from core.capture.domain.resolution import LineTerms
from core.kernel.domain.model import Customer, Product
from core.kernel.domain.phone import same_number
from validation.sums import tied_totals
from validation.terms import PRICE_TOLERANCE, close
from validation.units import fold, kind_of, looks_like

# An order dated further ahead than this is suspicious (time zones allow a day).
FUTURE_SLACK = timedelta(days=1)
# An order read from a page (fax, scan, PDF) dated longer than this before it arrived is looked at by a
# person: it is rare for a written order, and a misread digit ("06" for "26") looks just like it.
PAGE_ORDER_AGE = timedelta(days=14)
# quantity × price within this of a line amount: the amount printed to the cent
CENT_ROUNDING = Decimal("0.0051")
CENT = Decimal("0.01")
# A field read with less confidence than this (OCR confidence × layout certainty) needs a person.
CONFIDENCE_FLOOR = 0.8
# The fields whose doubt decides: identifiers, dates, numbers (by path or path ending).
CODE_FIELDS = (".item_code", ".gtin", ".buyer_item_code", ".supplier_item_code")
DECISIVE_FIELDS = (
    "po_number",
    "order_date",
    "requested_delivery_date",
    "currency",
    "buyer.party_id",
    "total",
    ".quantity",
    ".unit_price",
    ".amount",
    *CODE_FIELDS,
)


def check_header(order: CapturedOrder, today: date) -> Iterator[Problem]:
    if not order.po_number:
        yield Problem(ProblemCode.MISSING_PO_NUMBER, "the order carries no order number", field="po_number")
    if not order.lines:
        # a person decides: an unreadable table is more likely than an order of nothing
        yield Problem(ProblemCode.NO_LINES, "no order lines were found", field="lines")
    if order.function == "cancel":
        yield Problem(
            ProblemCode.CANCELLATION,
            "the message cancels an earlier order; a clerk must confirm the cancellation",
            field="function",
        )
    if order.order_date and order.order_date > today + FUTURE_SLACK:
        yield Problem(
            ProblemCode.ORDER_DATE_IN_FUTURE,
            f"order date {order.order_date.isoformat()} lies in the future",
            field="order_date",
        )
    read = order.evidence_for("order_date")
    if order.order_date and read and read.provenance.box and order.order_date < today - PAGE_ORDER_AGE:
        yield Problem(
            ProblemCode.ORDER_DATE_OLD,
            f"order date {order.order_date.isoformat()} is {(today - order.order_date).days} days before"
            " the order arrived; check the date on the document",
            field="order_date",
        )
    delivery = order.requested_delivery_date
    if delivery and order.order_date and delivery < order.order_date:
        yield Problem(
            ProblemCode.DELIVERY_BEFORE_ORDER,
            f"requested delivery {delivery.isoformat()} is before the order date"
            f" {order.order_date.isoformat()}",
            field="requested_delivery_date",
        )
    elif delivery and delivery < today:
        yield Problem(
            ProblemCode.DELIVERY_IN_PAST,
            f"requested delivery {delivery.isoformat()} has already passed",
            field="requested_delivery_date",
        )


def check_lines(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    terms: tuple[LineTerms, ...] = (),
    tolerance: Decimal = PRICE_TOLERANCE,
) -> Iterator[Problem]:
    """Each line's product, quantity, unit, price, currency and amount. With `terms` (one per line) a
    line ordered in one of the product's packs is no unit mismatch, and its price is compared with the
    price this customer should pay per pack; without, with the product's list price."""
    for i, (line, product) in enumerate(zip(order.lines, products, strict=True)):
        where = f"lines[{i}]"
        if product is None:
            shown = ", ".join(line.codes) or line.description or "no code"
            yield Problem(
                ProblemCode.UNKNOWN_PRODUCT, f"{shown} matches no product", field=f"{where}.item_code"
            )
        if line.quantity is None:
            yield Problem(ProblemCode.MISSING_QUANTITY, "no ordered quantity", field=f"{where}.quantity")
        elif line.quantity <= 0:
            yield Problem(
                ProblemCode.INVALID_QUANTITY,
                f"quantity {line.quantity} is not positive",
                field=f"{where}.quantity",
            )
        elif line.quantity != line.quantity.to_integral_value() and _counted(line, product):
            yield Problem(
                ProblemCode.INVALID_QUANTITY,
                f"quantity {line.quantity} is not a whole number: it is counted in"
                f" {line.unit or (product.unit if product else '')}",
                field=f"{where}.quantity",
            )
        if product is None:
            continue
        yield from _unit_and_price(order, i, product, terms[i] if terms else None, tolerance)
        amount, quantity, unit_price = line.amount, line.quantity, line.unit_price
        if amount is None or quantity is None or unit_price is None:
            continue
        net = line_net(quantity, unit_price, line.discount)
        if not close(net, amount, PRICE_TOLERANCE, absolute=Decimal("0.01")):
            less = "" if line.discount is None else f" less {line.discount} %"
            yield Problem(
                ProblemCode.AMOUNT_MISMATCH,
                f"{quantity} × {unit_price}{less} is not the line amount {amount}",
                field=f"{where}.amount",
            )


COUNTED = frozenset({"piece", "box", "pallet"})  # kinds of unit ordered only in whole numbers


def _counted(line: CapturedLine, product: Product | None) -> bool:
    """Whether the line is ordered in a unit that is counted, never measured (pieces, boxes, pallets):
    the unit it names, else the one the product is sold by."""
    return (kind_of(line.unit) or kind_of(product.unit if product else None)) in COUNTED


def _unit_and_price(
    order: CapturedOrder, i: int, product: Product, terms: LineTerms | None, tolerance: Decimal
) -> Iterator[Problem]:
    line, where = order.lines[i], f"lines[{i}]"
    pack = terms.pack_unit if terms else None
    ordered, sold = kind_of(line.unit), kind_of(pack or product.unit)
    # a word no kind knows as read but one a fax spoilt by a look-alike character: named as such
    slipped = None if ordered else looks_like(line.unit)
    ordered = ordered or slipped
    if ordered and sold and ordered != sold and not (pack and fold(pack) == fold(line.unit or "")):
        by = f"{product.sku} is sold by {product.unit} ({kind_of(product.unit)})"
        read = (
            f"{line.unit} (read so; it looks like a {slipped} unit)"
            if slipped
            else f"{line.unit} ({ordered})"
        )
        yield Problem(
            ProblemCode.UNIT_MISMATCH,
            f"ordered in {read} but " + (f"the code names the pack {pack} ({sold})" if pack else by),
            field=f"{where}.unit",
        )
    price = terms.expected_price if terms else product.price
    promoted = terms is not None and terms.promotion_in_price  # the document took the promotion off
    if (
        line.unit_price is not None
        and price is not None
        and not promoted
        and not close(line.unit_price, price, tolerance)
    ):
        source = terms.price_source if terms and terms.price_source else f"list price {product.price}"
        per = f" per {pack}" if pack else ""
        yield Problem(
            ProblemCode.PRICE_MISMATCH,
            f"unit price {line.unit_price} differs from the price {price}{per} this customer should pay"
            f" ({source})",
            field=f"{where}.unit_price",
        )
    elif price is not None and not promoted and _unchecked_past_cents(line, price):
        yield Problem(
            ProblemCode.LOW_CONFIDENCE,
            f"unit price {line.unit_price} is the price {price} this customer should pay but for figures"
            f" past the cents that the line amount {line.amount} cannot check; confirm it on the document",
            field=f"{where}.unit_price",
        )
    priced = terms is not None and terms.price_source is not None
    if order.currency and product.currency and order.currency != product.currency and not priced:
        yield Problem(
            ProblemCode.CURRENCY_MISMATCH,
            f"order currency {order.currency} differs from the price currency {product.currency}",
            field="currency",
        )


def _unchecked_past_cents(line: CapturedLine, price: Decimal) -> bool:
    """Whether the line's price differs from the `price` the customer should pay only where neither the
    price check nor the line's arithmetic looks: quantity × either price makes the line amount to the
    cent. A fax spoils a price's last zero beside its currency sign ("8,5000 €" read "8,5009"): on one
    carton 1 × 8.5009 is 8.50 as 1 × 8.50 is, and 8.5009 lies within the tolerance of 8.50, so the
    figure the fax made would flow on as the customer's price. Where the amount tells the two apart
    (1000 × 8.5009 is 8500.90, not 8500.00), the amount vouches for the figure read, unless the amount
    itself carries figures past the cents: a line's amount is money printed to the cent, so such a
    figure is a mark the fax made too ("33,50£" read "33,508"), and a price worked out from it or agreeing
    with it (10 × 3.3508) says nothing of the print."""
    quantity, read, amount = line.quantity, line.unit_price, line.amount
    if quantity is None or read is None or amount is None or quantity <= 0 or read == price:
        return False
    if amount != amount.quantize(CENT):
        return True
    return all(abs(line_net(quantity, p, line.discount) - amount) <= CENT_ROUNDING for p in (read, price))


def unsure_fields(doubtful: Iterable[Evidence]) -> Iterator[Problem]:
    """Every decisive field read with less confidence than CONFIDENCE_FLOOR, and not vouched for by a
    cross-check (the fields `in_doubt` found), goes to a person."""
    for item in doubtful:
        if item.confidence >= CONFIDENCE_FLOOR:
            continue
        yield Problem(
            ProblemCode.LOW_CONFIDENCE,
            f"{item.field} was read with confidence {shown_under(item.confidence, CONFIDENCE_FLOOR)}"
            f" (below {CONFIDENCE_FLOOR}); please check it against the document",
            field=item.field,
        )


def in_doubt(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    customer: Customer | None = None,
    *,
    identified: bool = False,
    terms: tuple[LineTerms, ...] = (),
    tolerance: Decimal = PRICE_TOLERANCE,
) -> list[Evidence]:
    """The evidence of the decisive fields that no cross-check vouches for.

    An item code is vouched for by master data when it resolved to a product whose price for this customer
    (`terms`; without them its list price) the line's price, read sure from its own cell, agrees with
    (`_price_read`: a price worked out or read unsure vouches for no code); the buyer's number when it names
    the customer that the number the order was faxed from (or the address it was mailed from) belongs to
    as well, or when the customer was `identified` by something besides that number (a printed tax id,
    e-mail, phone or fax, or the sender): had the number named another customer, that would have been a
    conflict. The order's delivery date is vouched for by its lines when it is the earliest of the dates
    every line prints for itself, each read sure. A total is vouched for when the line amounts, each
    read sure, add up to it exactly (`validation.sums`). The order number is vouched for when its one
    doubt, its slash, was settled by the customer's earlier numbers (`_slash_settled`). The currency is
    not vouched for by the prices' currency: a page showing two currency signs must still reach a person.
    Descriptions, names, addresses and units are not decisive fields and are left out (a unit that
    disagrees with the product's is a problem of its own).
    """
    tied = tied_totals(order, CONFIDENCE_FLOOR)
    return [
        item
        for item in order.evidence
        if item.field.endswith(DECISIVE_FIELDS)
        and item.field not in tied
        and not (item.field.endswith(CODE_FIELDS) and _vouched(order, products, item.field, terms, tolerance))
        and not (item.field == "buyer.party_id" and (identified or _buyer_vouched(order, customer)))
        and not (item.field == "requested_delivery_date" and _delivery_from_lines(order))
        and not (item.field == "po_number" and _slash_settled(order))
    ]


def _slash_settled(order: CapturedOrder) -> bool:
    """Whether the order number's one doubt, a slash inked as a 7 whose bar the fax lost would be, was
    settled by the customer's own earlier numbers printed with slashes so: the note
    `core.capture.services.deciding.settle_prefix` leaves in place of the hold. The OCR reader holds a
    number so only when it was read sure, read again alike, and nothing else doubted it
    (`parsers.ocr.lookalike.doubt_lookalikes`), so the settled number is as sure as it was read."""
    return any(p.code is ProblemCode.SLASH_OR_SEVEN and p.severity is Severity.INFO for p in order.problems)


def _delivery_from_lines(order: CapturedOrder) -> bool:
    """Whether the order's delivery date is the earliest of the dates every line prints for itself, each
    read sure, and was taken from them: a reader that takes the order's date from its lines is unsure
    of it when they disagree (one line wanted a week later), but the earliest of dates each read sure
    is sure, and each line keeps its own date (and its own evidence, checked like any other field).
    A delivery date the page prints for the order itself (a header label's) is a fact of its own: read
    unsure, it waits, whatever the lines say (a "09.12" misread "02.12" can match the earliest line)."""
    dates = [line.requested_delivery_date for line in order.lines]
    if not dates or order.requested_delivery_date is None or None in dates:
        return False
    read = [order.evidence_for(f"lines[{i}].requested_delivery_date") for i in range(len(dates))]
    sure = all(e is not None and e.confidence >= CONFIDENCE_FLOOR for e in read)
    own = order.evidence_for("requested_delivery_date")
    taken = own is None or any(e is not None and _same_place(own, e) for e in read)
    return sure and taken and order.requested_delivery_date == min(d for d in dates if d is not None)


def _same_place(a: Evidence, b: Evidence) -> bool:
    """Whether two readings were made of the same ink: boxes on one page that overlap."""
    p, q = a.provenance, b.provenance
    if p.box is None or q.box is None or p.page != q.page:
        return False
    return p.box[0] < q.box[2] and q.box[0] < p.box[2] and p.box[1] < q.box[3] and q.box[1] < p.box[3]


def _buyer_vouched(order: CapturedOrder, customer: Customer | None) -> bool:
    if customer is None or order.buyer.party_id not in (customer.customer_id, customer.gln):
        return False
    faxed = order.buyer.fax is not None and same_number(
        order.buyer.fax, customer.fax, customer.country or "ES"
    )
    mailed = bool(order.buyer.email and customer.email) and (
        (order.buyer.email or "").lower() == (customer.email or "").lower()
    )
    return faxed or mailed


def _price_read(order: CapturedOrder, index: int) -> bool:
    """Whether line `index`'s price is one the document printed and was read sure enough to vouch for
    another field: not in doubt itself, and read from a cell of its own.  A price worked out from the
    line's amount (recorded where the amount stands: "000" read for 18,000 beside 450,00 on 2.500) or
    read unsure, a lost mark put back, says only what the line's other figures or a guess say: it must
    not lift the doubt of a code read unsure, whatever master data prices that code at (the code's doubt
    survives a mend of the price beside it)."""
    price = order.evidence_for(f"lines[{index}].unit_price")
    if price is None:
        return True  # a price without evidence (a text layer's, a test's): as printed
    if price.confidence < CONFIDENCE_FLOOR:
        return False
    amount = order.evidence_for(f"lines[{index}].amount")
    box = price.provenance.box
    return box is None or amount is None or box != amount.provenance.box


def _vouched(
    order: CapturedOrder,
    products: tuple[Product | None, ...],
    path: str,
    terms: tuple[LineTerms, ...],
    tolerance: Decimal,
) -> bool:
    index = int(path[len("lines[") : path.index("]")]) if path.startswith("lines[") else -1
    if not 0 <= index < min(len(products), len(order.lines)):
        return False
    product, line = products[index], order.lines[index]
    if product is None or line.unit_price is None or not _price_read(order, index):
        return False
    price = terms[index].expected_price if index < len(terms) else product.price
    if index < len(terms) and terms[index].promotion_in_price:
        return True
    return price is not None and close(line.unit_price, price, tolerance)

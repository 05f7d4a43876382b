"""Checks on a captured order; each returns problems with stable codes and never raises.  Which decisive
fields are in doubt, and the problems that says, are in validation.doubt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Problem,
    ProblemCode,
    line_net,
)
from core.capture.domain.resolution import LineTerms
from core.kernel.domain.model import Product
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

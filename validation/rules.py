"""Checks on a captured order; each returns problems with stable codes and never raises."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from core.domain.capture import CapturedOrder, Problem, ProblemCode, Severity
from core.domain.model import Product

# An order dated further ahead than this is suspicious (time zones allow a day).
FUTURE_SLACK = timedelta(days=1)
# A unit price within this fraction of the list price counts as agreeing (rounding in the sender's ERP).
PRICE_TOLERANCE = Decimal("0.005")


def check_header(order: CapturedOrder, today: date) -> Iterator[Problem]:
    if not order.po_number:
        yield Problem(ProblemCode.MISSING_PO_NUMBER, "the order carries no order number", field="po_number")
    if not order.lines:
        yield Problem(ProblemCode.NO_LINES, "the order has no lines", field="lines", severity=Severity.REJECT)
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


def check_lines(order: CapturedOrder, products: tuple[Product | None, ...]) -> Iterator[Problem]:
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
        if product is None:
            continue
        price = product.price
        if line.unit_price is not None and price is not None and not _close(line.unit_price, price):
            yield Problem(
                ProblemCode.PRICE_MISMATCH,
                f"unit price {line.unit_price} differs from the list price {price}",
                field=f"{where}.unit_price",
            )
        if order.currency and product.currency and order.currency != product.currency:
            yield Problem(
                ProblemCode.CURRENCY_MISMATCH,
                f"order currency {order.currency} differs from the price currency {product.currency}",
                field="currency",
            )
        amount, quantity, unit_price = line.amount, line.quantity, line.unit_price
        if amount is None or quantity is None or unit_price is None:
            continue
        if not _close(quantity * unit_price, amount, absolute=Decimal("0.01")):
            yield Problem(
                ProblemCode.AMOUNT_MISMATCH,
                f"{quantity} × {unit_price} is not the line amount {amount}",
                field=f"{where}.amount",
            )


def _close(a: Decimal, b: Decimal, absolute: Decimal = Decimal("0")) -> bool:
    return abs(a - b) <= max(absolute, abs(b) * PRICE_TOLERANCE)

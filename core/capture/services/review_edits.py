"""A clerk's corrections of an order in review: the values typed coerced into the order's fields and
lines, every change in the audit trail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from core.capture.domain.review import AuditEvent
from core.capture.services.review_locks import ReviewError
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, OrderLine
from core.kernel.domain.users import User

HEADER_FIELDS = ("po_number", "customer_id", "order_date", "requested_delivery_date", "currency")
LINE_FIELDS = ("sku", "description", "quantity", "unit", "unit_price", "item_code", "buyer_item_code")


@dataclass(frozen=True)
class LineEdit:
    """A line as the clerk left it; `position` None adds a line."""

    position: int | None
    values: Mapping[str, str]


def _decimal(value: str, field: str) -> Decimal | None:
    text = value.strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ReviewError(f"{field}: {value!r} is not a number") from None


def _date(value: str, field: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReviewError(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None


def coerce(field: str, value: str) -> object:
    """A field's value as the clerk typed it, as the order keeps it (None: left empty)."""
    if field in ("quantity", "unit_price"):
        return _decimal(value, field)
    if field in ("order_date", "requested_delivery_date"):
        return _date(value, field)
    text = value.strip()
    if field == "currency":
        return text.upper() or None
    return text or None


def audit(
    uow: CaptureUnitOfWork, order: Order, user: User, now: datetime, field: str, before: object, after: object
) -> None:
    """One change of a field by a clerk, in the audit trail (nothing when it did not change)."""
    if before == after:
        return
    as_json = [v if v is None or isinstance(v, int | float) else str(v) for v in (before, after)]
    uow.review.add(AuditEvent(order.id or 0, now, "edit", user.id, field, as_json[0], as_json[1]))


def apply_lines(
    uow: CaptureUnitOfWork, order: Order, user: User, now: datetime, lines: Sequence[LineEdit]
) -> None:
    """The order's lines as the clerk left them (kept, changed, added, removed, renumbered), each
    change audited."""
    kept: list[OrderLine] = []
    by_position = {line.position: line for line in order.lines}
    for n, edit in enumerate(lines, start=1):
        line = by_position.pop(edit.position, None) if edit.position is not None else None
        if line is None:
            line = OrderLine(position=n)
            audit(uow, order, user, now, f"lines[{n - 1}]", None, "added")
        for field in LINE_FIELDS:
            if field in edit.values:
                new = coerce(field, edit.values[field])
                if field == "buyer_item_code" and line.buyer_item_code is None and new == line.item_code:
                    continue  # where the buyer gave no code of its own the screen shows the printed one
                audit(uow, order, user, now, f"lines[{n - 1}].{field}", getattr(line, field), new)
                setattr(line, field, new)
        kept.append(line)
    for removed in by_position.values():
        audit(
            uow,
            order,
            user,
            now,
            f"lines[{removed.position - 1}]",
            removed.sku or removed.item_code,
            "removed",
        )
    # positions are unique per order: move every kept line out of the way before renumbering
    for i, line in enumerate(kept):
        line.position = 10_000 + i
    order.lines[:] = kept
    uow.flush()
    for i, line in enumerate(kept, start=1):
        line.position = i
        if line.quantity is not None and line.unit_price is not None:
            line.amount = line.quantity * line.unit_price

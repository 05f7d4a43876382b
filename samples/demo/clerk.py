"""The demo's clerk: settles an order waiting in the review queue the way the review screen does, with
the same service calls (take the order, save the corrections, approve), as the user `demo`, and with
the count of keys the screen would have sent for it (see `keys_to_type`)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from core.capture.services import review
from core.kernel.domain.model import Order
from core.kernel.domain.users import Role, User
from core.kernel.services import auth
from samples.demo.documents import DemoDocument
from samples.demo.host import ACTOR, DemoApp, Say

CLERK = ACTOR  # "demo": the audit trail names who corrected what


def clerk(app: DemoApp) -> User:
    """The demo clerk, made on first use (with a password nobody knows: it only acts from here)."""
    with app.uow() as uow:
        user: User | None = uow.users.by_name(CLERK)
    if user is not None:
        return user
    return auth.create_user(
        app.uow(), CLERK, secrets.token_urlsafe(24), Role.CLERK, app.clock(), display_name="Demo clerk"
    )


def _edits(order: Order, truth: DemoDocument) -> tuple[dict[str, str], list[review.LineEdit]]:
    """The order as the page says it, field by field: what the clerk types over what was read."""
    header = {"po_number": truth.po_number, "customer_id": truth.customer_id}
    positions = sorted(line.position for line in order.lines)
    lines = []
    for n, ((sku, quantity), price) in enumerate(zip(truth.lines, truth.unit_prices, strict=True)):
        values = {"sku": sku, "quantity": str(quantity), "unit_price": str(price)}
        lines.append(review.LineEdit(positions[n] if n < len(positions) else None, values))
    return header, lines


def _same(read: object, typed: str) -> bool:
    if read is None:
        return not typed
    if isinstance(read, Decimal):
        try:
            return Decimal(typed) == read
        except InvalidOperation:
            return False
    return str(read) == typed


def keys_to_type(order: Order, header: Mapping[str, str], lines: Sequence[review.LineEdit]) -> int:
    """The keys a clerk presses on the review screen to put these values over what was read: each field
    that differs is reached with one key (F8, next problem) and typed over (its text is selected on
    arrival), a line added takes one more (Alt+A), and the approval one chord (Ctrl+Enter)."""
    keys = 1
    for field, value in header.items():
        if not _same(getattr(order, field), value):
            keys += 1 + len(value)
    by_position = {line.position: line for line in order.lines}
    for edit in lines:
        line = by_position.get(edit.position) if edit.position is not None else None
        keys += 1 if line is None else 0
        for field, value in edit.values.items():
            if line is None or not _same(getattr(line, field), value):
                keys += 1 + len(value)
    return keys


def settle_in_review(app: DemoApp, order_id: int, truth: DemoDocument, say: Say) -> None:
    """Open the order, correct it to what the document says, approve it; prints what was corrected."""
    user = clerk(app)
    now = app.clock()
    with app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        header, lines = _edits(order, truth)
        keys = keys_to_type(order, header, lines)
    review.acquire(app.uow(), order_id, user, now)
    review.save(app.uow(), order_id, user, now, header, lines, app.validate, keys)
    review.approve(app.uow(), order_id, user, now, app.answer)
    app.run_jobs()
    with app.uow() as uow:
        for event in uow.review.audit(order_id):
            if event.action == "edit" and event.user_id == user.id:
                say(f"clerk {CLERK} corrected {event.field}: {event.before} -> {event.after}")
        order = uow.orders.get(order_id)
        assert order is not None
        say(f"clerk {CLERK} approved order {order_id} ({order.po_number}) -> {order.state}")

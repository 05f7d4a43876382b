"""The review queue: corrections saved with an audit trail, approval and rejection; who works on which
order is in `review_locks`, how the typed values become the order's in `review_edits`, the queue's
listing in `review_queue`, what approval teaches (codes, identifiers) in `learning`; all of it is
used from here."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from core.capture.domain.events import OrderRejected, OrdersAccepted
from core.capture.domain.order import CapturedLine, CapturedOrder, Identifier, IdentifierKind, Party
from core.capture.domain.resolution import LineTerms, MasterData, ResolvedOrder
from core.capture.domain.review import AuditEvent
from core.capture.services.learning import learn, learn_identifiers, unlearn, unlearn_identifier
from core.capture.services.review_edits import HEADER_FIELDS, LineEdit, apply_lines, audit, coerce
from core.capture.services.review_locks import (
    LockState,
    ReviewError,
    acquire,
    holding,
    lock_state,
    release,
)
from core.capture.services.review_queue import queue
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, OrderState
from core.kernel.domain.users import User

# what approval teaches, and the locks, edits and queue of their own modules, for the review pages
__all__ = [
    "HEADER_FIELDS",
    "LineEdit",
    "LockState",
    "ReviewError",
    "acquire",
    "learn",
    "lock_state",
    "queue",
    "release",
    "unlearn",
    "unlearn_identifier",
]
# Problems about the document itself that a clerk's edits do not settle: they stay until approval
# (a field not read stays while the field is still empty).
STANDING = ("not_an_order", "field_not_read")
# keys a clerk may press in an order's form between opening it and one save, approval or rejection:
# more than an hour of steady typing (5 keys a second) is no count the review screen made
MAX_KEYSTROKES = 20_000
Validator = Callable[[CapturedOrder, MasterData, date], ResolvedOrder]
Answer = Callable[[CaptureUnitOfWork, Order, datetime], int]


class BadKeystrokes(ReviewError):
    """The count of keys pressed sent with a review action is negative or beyond what anyone types."""


def checked_keystrokes(count: int | None) -> int | None:
    """The count of keys pressed for a review action, refused when negative or absurd; None: not counted."""
    if count is None:
        return None
    if isinstance(count, bool) or not isinstance(count, int):
        raise BadKeystrokes(f"keystrokes: {count!r} is not a whole number")
    if count < 0:
        raise BadKeystrokes(f"keystrokes: {count} is negative")
    if count > MAX_KEYSTROKES:
        raise BadKeystrokes(f"keystrokes: {count} is more than anyone types at once ({MAX_KEYSTROKES})")
    return count


def save(
    uow: CaptureUnitOfWork,
    order_id: int,
    user: User,
    now: datetime,
    header: Mapping[str, str],
    lines: Sequence[LineEdit],
    validate: Validator,
    keystrokes: int | None = None,
) -> Order:
    """Apply the clerk's corrections (every change audited) and re-check the order; `keystrokes`, the
    keys the clerk pressed in the form for it, is kept with the save (None: not counted)."""
    keystrokes = checked_keystrokes(keystrokes)
    with uow:
        order = holding(uow, order_id, user, now)
        if keystrokes is not None:
            uow.review.add(AuditEvent(order.id or order_id, now, "save", user.id, keystrokes=keystrokes))
        for field in HEADER_FIELDS:
            if field in header:
                new = coerce(field, header[field])
                audit(uow, order, user, now, field, getattr(order, field), new)
                setattr(order, field, new)
        apply_lines(uow, order, user, now, lines)
        recheck(uow, order, validate, now)
        uow.commit()
        return order


def captured_from(order: Order) -> CapturedOrder:
    """The order as it now stands, in the shape validation reads (with the identifiers its document
    printed and the sender, so the customer is found the way capture found it)."""
    printed, sender = [], {}
    for row in order.identifiers:
        kind, value = str(row.get("kind") or ""), str(row.get("value") or "")
        if kind not in IdentifierKind.__members__.values() or not value:
            continue
        if row.get("role") == "sender":
            sender[kind] = value
        else:
            printed.append(Identifier(IdentifierKind(kind), value, role=row.get("role")))
    return CapturedOrder(
        po_number=order.po_number,
        order_date=order.order_date,
        requested_delivery_date=order.requested_delivery_date,
        currency=order.currency,
        buyer=Party(
            party_id=order.buyer_party_id,
            name=order.buyer_name,
            email=sender.get("email"),
            fax=sender.get("fax"),
        ),
        identifiers=tuple(printed),
        references=(("PD", order.promo_code),) if order.promo_code else (),
        lines=tuple(
            CapturedLine(
                line_no=line.line_no,
                item_code=line.sku or line.item_code,
                gtin=line.gtin,
                buyer_item_code=line.buyer_item_code,
                supplier_item_code=line.sku,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
            )
            for line in order.lines
        ),
    )


def recheck(uow: CaptureUnitOfWork, order: Order, validate: Validator, now: datetime) -> None:
    """Validate the corrected order; a customer the clerk chose stands even without a GLN match (and
    against what the document's identifiers say: the clerk has seen them)."""
    captured = captured_from(order)
    if order.customer_id and uow.master.customer(order.customer_id) is not None:
        captured = replace(captured, buyer=Party(party_id=order.customer_id), identifiers=())
    resolved = validate(captured, uow.master, now.date())
    standing = [
        p
        for p in order.problems
        if p.get("code") in STANDING
        and (p.get("code") != "field_not_read" or getattr(order, str(p.get("field")), None) is None)
    ]
    order.problems = standing + [p.as_dict() for p in resolved.problems]
    order.customer_id = resolved.customer_id or order.customer_id
    terms = resolved.terms or tuple(LineTerms() for _ in order.lines)
    for i, (line, sku, term) in enumerate(zip(order.lines, resolved.skus, terms, strict=True)):
        line.sku = sku
        line.base_quantity, line.base_unit = term.base_quantity, term.base_unit
        line.discount, line.promotion = term.discount, term.promotion
        if term.promotion_in_price and term.expected_price is not None:  # shown once, as a discount
            line.unit_price = term.expected_price
        if term.price_source != line.price_source:  # a new quantity, date or customer: another rule
            field = f"lines[{i}].price"
            uow.review.add(
                AuditEvent(order.id or 0, now, "price", None, field, line.price_source, term.price_source)
            )
            line.price_source = term.price_source
    confidence = 1.0 if not resolved.problems else resolved.confidence
    if confidence != order.confidence:  # kept, so calibration can judge the confidence capture gave
        uow.review.add(
            AuditEvent(order.id or 0, now, "rescore", None, "confidence", order.confidence, confidence)
        )
    order.confidence = confidence


def approve(
    uow: CaptureUnitOfWork,
    order_id: int,
    user: User,
    now: datetime,
    answer: Answer,
    keystrokes: int | None = None,
) -> Order:
    """Accept the order as corrected, learn the customer's codes, and send the confirmation; the keys
    pressed in the form since the last save (None: not counted) are kept with the approval."""
    keystrokes = checked_keystrokes(keystrokes)
    with uow:
        order = holding(uow, order_id, user, now)
        missing = [f"line {line.position}" for line in order.lines if not line.sku or line.quantity is None]
        if not order.customer_id:
            raise ReviewError("choose the customer before approving")
        if missing:
            raise ReviewError(f"every line needs a SKU and a quantity: {', '.join(missing)}")
        learn(uow, order, user, now)
        learn_identifiers(uow, order, user, now)
        order.state = OrderState.ACCEPTED  # the decision stays what capture said: it was not touchless
        uow.review.add(AuditEvent(order.id or order_id, now, "approve", user.id, keystrokes=keystrokes))
        uow.emit(OrdersAccepted((order_id,)))
        uow.review.release(order_id)
        answer(uow, order, now)
        uow.commit()
        return order


def reject(
    uow: CaptureUnitOfWork,
    order_id: int,
    user: User,
    now: datetime,
    reason: str,
    answer: Answer,
    keystrokes: int | None = None,
) -> Order:
    """Reject the order and answer so; the keys pressed in the order's form since the last save (None:
    not counted) are kept with the rejection."""
    keystrokes = checked_keystrokes(keystrokes)
    if not reason.strip():
        raise ReviewError("say why the order is rejected")
    with uow:
        order = holding(uow, order_id, user, now)
        order.state = OrderState.REJECTED
        uow.review.add(
            AuditEvent(
                order.id or order_id,
                now,
                "reject",
                user.id,
                "reason",
                None,
                reason.strip(),
                keystrokes=keystrokes,
            )
        )
        uow.emit(OrderRejected(order_id))
        uow.review.release(order_id)
        answer(uow, order, now)
        uow.commit()
        return order

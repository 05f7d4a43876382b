"""The review queue: who works on which order (locks), corrections with an audit trail, approval and
rejection; what approval teaches (codes, identifiers) is in `core.capture.services.learning`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from core.capture.domain.events import OrderRejected, OrdersAccepted
from core.capture.domain.order import CapturedLine, CapturedOrder, Identifier, IdentifierKind, Party
from core.capture.domain.resolution import LineTerms, MasterData, ResolvedOrder
from core.capture.domain.review import AuditEvent, ReviewLock
from core.capture.services.learning import learn, learn_identifiers, unlearn, unlearn_identifier
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, OrderLine, OrderState
from core.kernel.domain.users import User
from core.kernel.errors import ComandaError, NotFound

__all__ = ["learn", "unlearn", "unlearn_identifier"]  # what approval teaches, for the review pages
LOCK_TTL = timedelta(minutes=10)
# Problems about the document itself that a clerk's edits do not settle: they stay until approval
# (a field not read stays while the field is still empty).
STANDING = ("not_an_order", "field_not_read")
HEADER_FIELDS = ("po_number", "customer_id", "order_date", "requested_delivery_date", "currency")
LINE_FIELDS = ("sku", "description", "quantity", "unit", "unit_price", "item_code", "buyer_item_code")
# keys a clerk may press in an order's form between opening it and one save, approval or rejection:
# more than an hour of steady typing (5 keys a second) is no count the review screen made
MAX_KEYSTROKES = 20_000
Validator = Callable[[CapturedOrder, MasterData, date], ResolvedOrder]
Answer = Callable[[CaptureUnitOfWork, Order, datetime], int]


class ReviewError(ComandaError):
    """A review action was refused (locked by someone else, not in review, bad value)."""


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


@dataclass(frozen=True)
class LockState:
    holder: str | None  # user name of whoever holds it, None when free
    until: datetime | None
    mine: bool


def lock_state(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> LockState:
    lock = uow.review.lock(order_id)
    if lock is None or lock.expires_at <= now:
        return LockState(None, None, False)
    holder = uow.users.get(lock.user_id)
    return LockState(holder.username if holder else "?", lock.expires_at, lock.user_id == user.id)


def acquire(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> LockState:
    """Take (or renew) the lock on an order; refused while another clerk holds an unexpired one."""
    assert user.id is not None
    with uow:
        order = _in_review(uow, order_id)
        lock = uow.review.lock(order_id, for_update=True)
        if lock is None:
            mine = ReviewLock(order_id, user.id, now, now + LOCK_TTL)
            lock = uow.review.take(mine)  # another clerk's, when one opened the order at the same moment
            if lock is mine:
                uow.review.add(AuditEvent(order.id or order_id, now, "lock", user.id))
                uow.commit()
                return LockState(user.username, now + LOCK_TTL, True)
        if lock.expires_at > now and lock.user_id != user.id:
            holder = uow.users.get(lock.user_id)
            uow.rollback()
            return LockState(holder.username if holder else "?", lock.expires_at, False)
        lock.user_id, lock.acquired_at, lock.expires_at = user.id, now, now + LOCK_TTL
        uow.commit()
    return LockState(user.username, now + LOCK_TTL, True)


def release(uow: CaptureUnitOfWork, order_id: int, user: User) -> None:
    with uow:
        lock = uow.review.lock(order_id, for_update=True)
        if lock is not None and lock.user_id == user.id:
            uow.review.release(order_id)
            uow.commit()


def _in_review(uow: CaptureUnitOfWork, order_id: int) -> Order:
    order = uow.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    if order.state != OrderState.IN_REVIEW:
        raise ReviewError(f"order {order_id} is {order.state}, not in review")
    return order


def _holding(uow: CaptureUnitOfWork, order_id: int, user: User, now: datetime) -> Order:
    order = _in_review(uow, order_id)
    lock = uow.review.lock(order_id, for_update=True)
    if lock is None or lock.expires_at <= now or lock.user_id != user.id:
        raise ReviewError("open the order first: another clerk may be working on it")
    lock.expires_at = now + LOCK_TTL
    return order


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


def _coerce(field: str, value: str) -> object:
    if field in ("quantity", "unit_price"):
        return _decimal(value, field)
    if field in ("order_date", "requested_delivery_date"):
        return _date(value, field)
    text = value.strip()
    if field == "currency":
        return text.upper() or None
    return text or None


def _audit(
    uow: CaptureUnitOfWork, order: Order, user: User, now: datetime, field: str, before: object, after: object
) -> None:
    if before == after:
        return
    as_json = [v if v is None or isinstance(v, int | float) else str(v) for v in (before, after)]
    uow.review.add(AuditEvent(order.id or 0, now, "edit", user.id, field, as_json[0], as_json[1]))


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
        order = _holding(uow, order_id, user, now)
        if keystrokes is not None:
            uow.review.add(AuditEvent(order.id or order_id, now, "save", user.id, keystrokes=keystrokes))
        for field in HEADER_FIELDS:
            if field in header:
                new = _coerce(field, header[field])
                _audit(uow, order, user, now, field, getattr(order, field), new)
                setattr(order, field, new)
        _apply_lines(uow, order, user, now, lines)
        recheck(uow, order, validate, now)
        uow.commit()
        return order


def _apply_lines(
    uow: CaptureUnitOfWork, order: Order, user: User, now: datetime, lines: Sequence[LineEdit]
) -> None:
    kept: list[OrderLine] = []
    by_position = {line.position: line for line in order.lines}
    for n, edit in enumerate(lines, start=1):
        line = by_position.pop(edit.position, None) if edit.position is not None else None
        if line is None:
            line = OrderLine(position=n)
            _audit(uow, order, user, now, f"lines[{n - 1}]", None, "added")
        for field in LINE_FIELDS:
            if field in edit.values:
                new = _coerce(field, edit.values[field])
                if field == "buyer_item_code" and line.buyer_item_code is None and new == line.item_code:
                    continue  # where the buyer gave no code of its own the screen shows the printed one
                _audit(uow, order, user, now, f"lines[{n - 1}].{field}", getattr(line, field), new)
                setattr(line, field, new)
        kept.append(line)
    for removed in by_position.values():
        _audit(
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
        order = _holding(uow, order_id, user, now)
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
        order = _holding(uow, order_id, user, now)
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


@dataclass(frozen=True)
class QueueRow:
    order: Order
    lock: LockState
    codes: tuple[str, ...]


SORTS = {
    "age": lambda r: r.order.created_at,
    "-age": lambda r: -r.order.created_at.timestamp(),
    "confidence": lambda r: r.order.confidence,
    "customer": lambda r: r.order.customer_id or "~",
    "channel": lambda r: r.order.channel,
}


def queue(
    uow: CaptureUnitOfWork,
    user: User,
    now: datetime,
    *,
    channel: str | None = None,
    customer: str | None = None,
    code: str | None = None,
    sort: str = "age",
) -> list[QueueRow]:
    """Orders waiting for a clerk, oldest first unless asked otherwise, with who holds each."""
    orders = [o for o in uow.orders.list(state=OrderState.IN_REVIEW, limit=5000) if o.id is not None]
    locks = uow.review.locks([o.id for o in orders if o.id is not None])
    rows = []
    for order in orders:
        codes = tuple(sorted({str(p["code"]) for p in order.problems}))
        if channel and order.channel != channel:
            continue
        if customer and (order.customer_id or "") != customer:
            continue
        if code and code not in codes:
            continue
        lock = locks.get(order.id or 0)
        if lock is None or lock.expires_at <= now:
            state = LockState(None, None, False)
        else:
            holder = uow.users.get(lock.user_id)
            state = LockState(holder.username if holder else "?", lock.expires_at, lock.user_id == user.id)
        rows.append(QueueRow(order, state, codes))
    rows.sort(key=SORTS.get(sort, SORTS["age"]))
    return rows

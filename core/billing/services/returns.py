"""Returns: authorising an RMA against an order, receiving the goods back (restocked or scrapped, each a
stock movement valued in the journal), and settling it with a credit note and, for a refund, the
money back (to the card, or by transfer).  The customer is told at each step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from core.billing.domain.approvals import FourEyes, MoneyApproval, MoneyStep
from core.billing.domain.invoicing import Billable, DocumentKind, Invoice, InvoiceLine
from core.billing.domain.ledger import transaction_entry
from core.billing.domain.notices import BillingNoticeKind
from core.billing.domain.payments import TransactionKind, TransactionState
from core.billing.domain.returns import (
    Disposition,
    Receipt,
    Resolution,
    ReturnLine,
    ReturnRequest,
    ReturnState,
    returnable,
)
from core.billing.domain.tax import VatTreatment
from core.billing.services import approvals, payments
from core.billing.services.invoicing import issue
from core.billing.services.notices import tell
from core.billing.services.settlement import apply_credit, open_invoices, settle
from core.billing.services.unit_of_work import BillingUnitOfWork, locked_order
from core.fulfilment.domain.events import StockArrived
from core.fulfilment.domain.stock import AllocationState, MovementKind, StockMovement
from core.kernel.domain.model import Order
from core.kernel.errors import BillingError, IllegalTransition, NotFound

ZERO = Decimal(0)
SCRAP_LOCATION = "RETURNS"  # where scrapped goods are taken in before they are written off


def _shipped(uow: BillingUnitOfWork, order_id: int) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for a in uow.fulfilment.allocations([order_id]).get(order_id, []):
        if a.state is AllocationState.SHIPPED:
            out[a.line_id] = out.get(a.line_id, ZERO) + a.quantity
    return out


def returnable_now(uow: BillingUnitOfWork, order_id: int) -> dict[int, Decimal]:
    """Per order-line id, what was shipped and is not back yet: what a return may ask for now."""
    return returnable(_shipped(uow, order_id), uow.billing.returned_quantities(order_id))


def authorise_return(
    uow: BillingUnitOfWork,
    order_id: int,
    quantities: Mapping[int, Decimal],
    reason: str,
    resolution: Resolution,
    actor: str,
    now: datetime,
) -> ReturnRequest:
    """An RMA for these quantities per order-line position, up to what was shipped and not returned."""
    order = locked_order(uow, order_id)
    allowed = returnable_now(uow, order_id)
    by_position = {line.position: line for line in order.lines}
    lines = []
    for position, quantity in sorted(quantities.items()):
        line = by_position.get(position)
        if line is None or line.id is None or not line.sku:
            raise NotFound(f"order {order_id} has no line {position}")
        can = allowed.get(line.id, ZERO)
        if quantity <= 0 or quantity > can:
            raise BillingError(f"line {position}: {quantity} asked back, {can} shipped and not yet returned")
        lines.append(ReturnLine(line.id, position, line.sku, line.description, quantity))
    if not lines:
        raise BillingError("a return needs at least one line")
    rma = ReturnRequest(
        order_id, order.customer_id or f"order-{order_id}", resolution, reason, now, actor[:64], lines=lines
    )
    uow.billing.add(rma)
    uow.flush()
    assert rma.id is not None
    detail: dict[str, object] = {
        "rma": rma.number,
        "reason": reason,
        "lines": {str(ln.position): str(ln.quantity) for ln in lines},
    }
    tell(uow, order, BillingNoticeKind.RETURN_AUTHORISED, now, ref=rma.id, detail=detail, return_id=rma.id)
    return rma


def receive_return(
    uow: BillingUnitOfWork,
    return_id: int,
    receipts: Sequence[Receipt],
    actor: str,
    now: datetime,
    rule: FourEyes | None = None,
) -> ReturnRequest:
    """The goods arrived back: each received quantity restocked or scrapped, then the return settled
    (a refund only as far as `rule` lets the one receiving give money back)."""
    rma = uow.billing.return_request(return_id, lock=True)
    if rma is None:
        raise NotFound(f"return {return_id} does not exist")
    if rma.state is not ReturnState.AUTHORISED:
        raise IllegalTransition(f"return {rma.number} is {rma.state}: goods can be received once only")
    order = locked_order(uow, rma.order_id)
    by_position = {line.position: line for line in rma.lines}
    movements: list[StockMovement] = []
    for receipt in receipts:
        line = by_position.get(receipt.position)
        if line is None:
            raise NotFound(f"return {rma.number} has no line {receipt.position}")
        if receipt.quantity <= 0 or line.received + receipt.quantity > line.quantity:
            expected = line.quantity - line.received
            raise BillingError(f"line {receipt.position}: {receipt.quantity} received, {expected} expected")
        movements += _movements(uow, order, rma, line, receipt, actor, now)
        line.received += receipt.quantity
        if receipt.disposition is Disposition.SCRAP:
            line.scrapped += receipt.quantity
        else:
            line.restocked += receipt.quantity
    if not movements:
        raise BillingError("nothing was received")
    uow.stock.post(movements, now)
    for sku in sorted({m.sku for m in movements if m.kind is MovementKind.RETURN}):
        uow.emit(StockArrived(sku))
    rma.state, rma.received_at = ReturnState.RECEIVED, now
    detail: dict[str, object] = {
        "rma": rma.number,
        "lines": {
            str(ln.position): {
                "received": str(ln.received),
                "restocked": str(ln.restocked),
                "scrapped": str(ln.scrapped),
            }
            for ln in rma.lines
            if ln.received > 0
        },
    }
    assert rma.id is not None
    tell(uow, order, BillingNoticeKind.RETURN_RECEIVED, now, ref=rma.id, detail=detail, return_id=rma.id)
    settle_return(uow, rma, order, actor, now, rule or FourEyes())
    return rma


def _movements(
    uow: BillingUnitOfWork,
    order: Order,
    rma: ReturnRequest,
    line: ReturnLine,
    receipt: Receipt,
    actor: str,
    now: datetime,
) -> list[StockMovement]:
    """Back in at the place it left from (or where the warehouse says); scrapped goods are taken in
    at the returns location and written off at once."""
    origin = next(
        (
            (a.warehouse, a.location)
            for a in uow.fulfilment.allocations([rma.order_id]).get(rma.order_id, [])
            if a.line_id == line.order_line_id and a.state is AllocationState.SHIPPED
        ),
        None,
    )
    warehouse = receipt.warehouse or (origin[0] if origin else None)
    if warehouse is None or uow.stock.warehouse(warehouse) is None:
        raise NotFound(f"line {line.position}: name the warehouse the goods came back to")
    scrap = receipt.disposition is Disposition.SCRAP
    location = receipt.location or (SCRAP_LOCATION if scrap or origin is None else origin[1])
    level = uow.stock.ensure_level(warehouse, location, line.sku, now)

    def move(kind: MovementKind, delta: Decimal) -> StockMovement:
        return StockMovement(
            at=now,
            stock_id=level.id,
            warehouse=warehouse,
            location=location,
            sku=line.sku,
            kind=kind,
            on_hand_delta=delta,
            order_id=order.id,
            reference=rma.number,
            actor=actor[:64],
        )

    out = [move(MovementKind.RETURN, receipt.quantity)]
    if scrap:
        out.append(move(MovementKind.SCRAP, -receipt.quantity))
    return out


def _invoiced_line(uow: BillingUnitOfWork, order_id: int, order_line_id: int) -> tuple[Invoice, InvoiceLine]:
    for invoice in uow.billing.invoices(order_id=order_id, kind=DocumentKind.INVOICE):  # newest first
        for line in invoice.lines:
            if line.order_line_id == order_line_id:
                return invoice, line
    raise BillingError(f"order line {order_line_id} was never invoiced: nothing to credit")


def settle_return(
    uow: BillingUnitOfWork, rma: ReturnRequest, order: Order, actor: str, now: datetime, rule: FourEyes
) -> Invoice | None:
    """A credit note for what came back, at the invoiced prices and VAT, offset first against what
    the order still owes; then the money back (refund) or the credit left on account (credit)."""
    received = [ln for ln in rma.lines if ln.received > 0]
    if not received:
        rma.state, rma.settled_at = ReturnState.SETTLED, now
        return None
    items, corrects = [], None
    ordered = {line.id: line for line in order.lines}
    for ln in received:
        invoice, invoiced = _invoiced_line(uow, rma.order_id, ln.order_line_id)
        corrects = corrects or invoice
        line = ordered.get(ln.order_line_id)
        quantity = line.in_line_unit(ln.received) if line else ln.received
        items.append(
            Billable(
                description=invoiced.description,
                # units come back as stock counts them; credited in the unit invoiced (a pack's price)
                quantity=quantity,
                unit_price=invoiced.unit_price,
                vat=VatTreatment(invoiced.vat_rate, invoiced.vat_category),
                sku=invoiced.sku,
                gtin=invoiced.gtin,
                unit=invoiced.unit,
                order_line_id=ln.order_line_id,
                line_no=invoiced.line_no,
                buyer_item_code=invoiced.buyer_item_code,
                # goods bought on promotion are credited at what was paid for them
                discount=_returned_discount(invoiced, quantity),
                promotion=invoiced.promotion,
            )
        )
    note = issue(
        uow,
        DocumentKind.CREDIT_NOTE,
        order,
        items,
        now,
        return_id=rma.id,
        corrects=corrects,
        reason=f"{rma.number}: {rma.reason}",
        actor=actor,
    )
    assert note.id is not None
    rma.credit_note_id = note.id
    detail: dict[str, object] = {"credit_note": note.code, "total": str(note.total), "rma": rma.number}
    tell(uow, order, BillingNoticeKind.CREDIT_NOTE, now, ref=note.id, detail=detail, invoice_id=note.id)
    apply_credit(uow, note, open_invoices(uow, note.customer_id, order_id=rma.order_id), now)
    if rma.resolution is Resolution.CREDIT:
        apply_credit(uow, note, open_invoices(uow, note.customer_id), now)  # the rest waits on account
    else:
        _refund_or_ask(uow, order, note, actor, now, rule)
    if rma.resolution is Resolution.CREDIT or note.open_amount == 0:
        rma.state, rma.settled_at = ReturnState.SETTLED, now
    return note


def _refund_or_ask(
    uow: BillingUnitOfWork, order: Order, note: Invoice, actor: str, now: datetime, rule: FourEyes
) -> None:
    """Money goes back at once only when a supervisor received the goods and the amount is within the
    threshold; otherwise the refund waits for a supervisor's (a second one's) approval."""
    left = note.open_amount
    if left <= 0:
        return
    if approvals.is_supervisor(uow, actor) and not rule.needs_second(left, note.currency):
        _pay_back(uow, order, note, actor, now)
        return
    detail: dict[str, object] = {"credit_note_id": note.id, "order_id": order.id}
    approvals.request(uow, MoneyStep.REFUND, note.code, left, note.currency, actor, now, detail)


def refund(uow: BillingUnitOfWork, approved: MoneyApproval, now: datetime) -> Invoice:
    """Carry out a refund a supervisor approved: the credit note's open amount back to the customer."""
    note = uow.billing.invoice(int(str(approved.detail["credit_note_id"])), lock=True)
    if note is None or note.open_amount <= 0:
        raise BillingError(f"credit note {approved.subject} has nothing left to refund")
    order = locked_order(uow, note.order_id)
    _pay_back(uow, order, note, approved.signed, now)
    rma = uow.billing.return_request(note.return_id, lock=True) if note.return_id else None
    if rma is not None and note.open_amount == 0:
        rma.state, rma.settled_at = ReturnState.SETTLED, now
    return note


def _pay_back(uow: BillingUnitOfWork, order: Order, note: Invoice, actor: str, now: datetime) -> None:
    """The credit note's open amount back to the customer: to the card what it paid, the rest by transfer."""
    assert order.id is not None and note.id is not None
    left = note.open_amount
    payment = uow.billing.payment_for_order(order.id, lock=True)
    if payment is not None and payment.refundable > 0 and left > 0:
        amount = min(left, payment.refundable)
        payments.queue(
            uow,
            TransactionKind.REFUND,
            note.customer_id,
            amount,
            note.currency,
            now,
            payment=payment,
            invoice_id=note.id,
            actor=actor,
        )
        left -= amount
    if left > 0:
        payout = payments.queue(
            uow,
            TransactionKind.PAYOUT,
            note.customer_id,
            left,
            note.currency,
            now,
            invoice_id=note.id,
            actor=actor,
        )
        payout.state, payout.done_at, payout.reference = (
            TransactionState.SUCCEEDED,
            now,
            f"transfer {note.code}",
        )
        posting = transaction_entry(payout, now)
        if posting is not None:
            uow.ledger.post(posting)
        settle(uow, note, left, now, "payout", transaction_id=payout.id)
        detail: dict[str, object] = {
            "amount": str(left),
            "currency": note.currency,
            "credit_note": note.code,
            "transfer": True,
        }
        tell(uow, order, BillingNoticeKind.REFUNDED, now, ref=f"payout-{payout.id}", detail=detail)


def _returned_discount(invoiced: InvoiceLine, quantity: Decimal) -> Decimal | None:
    """The invoiced line's promotion allowance in proportion to the units coming back, to the cent."""
    if not invoiced.discount or invoiced.quantity <= 0:
        return None
    if quantity >= invoiced.quantity:
        return invoiced.discount
    return (invoiced.discount * quantity / invoiced.quantity).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )

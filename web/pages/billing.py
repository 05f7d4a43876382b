"""Server-rendered pages of the books: the trial balance, receivables by age, orders held for credit
or payment (a supervisor releases a credit hold here), money steps waiting for a second supervisor (who
approves them here), recent invoices, and a customer's account."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from core.billing.domain.approvals import MoneyApproval
from core.billing.domain.payments import PaymentState
from core.billing.services import books
from core.kernel.domain.model import OrderState
from core.kernel.domain.users import Role
from core.kernel.errors import BillingError, LifecycleError, NotFound, NotPermitted
from web.deps import CurrentUser, IdPath, IsoDate, UowDep, require_role
from web.routes.billing import BillingDep, account_of
from web.templating import render

router = APIRouter(tags=["billing pages"], include_in_schema=False)


@router.get("/billing", response_class=HTMLResponse)
def billing_page(
    request: Request, uow: UowDep, service: BillingDep, user: CurrentUser, message: str = ""
) -> HTMLResponse:
    today = service.clock().date()
    held = []
    for order in uow.orders.list(state=OrderState.ON_HOLD, limit=500):
        hold = uow.fulfilment.last_hold(order.id or 0)
        reason = str(hold.detail.get("reason", "")) if hold else ""
        if reason.startswith(("credit limit", "card payment")):
            held.append((order, reason))
    declined = [
        p
        for p in (uow.billing.payment_for_order(o.id or 0) for o, _ in held)
        if p and p.state is PaymentState.DECLINED
    ]
    return render(
        request,
        "billing.html",
        today=today,
        balances=books.trial_balances(uow),
        ageing=books.receivables(uow, today),
        payables=books.payables(uow, today),
        held=held,
        declined=declined,
        invoices=uow.billing.invoices(limit=30),
        approvals=list(uow.billing.approvals(pending_only=True)),
        message=message,
    )


@router.post(
    "/billing/approvals/{approval_id}/approve", dependencies=[Depends(require_role(Role.SUPERVISOR))]
)
def approve_money_step(approval_id: IdPath, service: BillingDep, user: CurrentUser) -> RedirectResponse:
    """A second supervisor approves a waiting money step from the page; the step is carried out now.
    The service refuses the one who asked, a clerk, and an approval given already."""
    try:
        done = service.approve(approval_id, user.username)
        text = (
            f"approval {done.id}: {done.step.replace('_', ' ')} of {done.amount} {done.currency} "
            f"asked by {done.requested_by}, approved by {done.approved_by}, carried out"
        )
    except (BillingError, LifecycleError, NotFound, NotPermitted) as exc:
        text = str(exc)
    return RedirectResponse(f"/billing?message={quote(text)}", status_code=303)


@router.post(
    "/billing/orders/{order_id}/release-credit", dependencies=[Depends(require_role(Role.SUPERVISOR))]
)
def release_credit(
    order_id: IdPath, service: BillingDep, user: CurrentUser, note: Annotated[str, Form()] = ""
) -> RedirectResponse:
    try:
        done = service.release_credit_hold(order_id, user.username, note)
        text = (
            f"order {order_id}: release waits for a second supervisor (approval {done.id})"
            if isinstance(done, MoneyApproval)
            else f"order {order_id} released"
        )
    except (BillingError, LifecycleError, NotPermitted) as exc:
        text = str(exc)
    return RedirectResponse(f"/billing?message={quote(text)}", status_code=303)


@router.post("/billing/payments")
def receive_payment(
    service: BillingDep,
    user: CurrentUser,
    customer_id: Annotated[str, Form()],
    amount: Annotated[str, Form()],
    reference: Annotated[str, Form()],
) -> RedirectResponse:
    try:
        value = Decimal(amount.replace(",", "."))
        service.receive_payment(customer_id.strip(), value, "EUR", reference.strip(), user.username)
        text = f"{value} EUR from {customer_id} recorded"
    except (InvalidOperation, BillingError, LifecycleError) as exc:
        text = f"not recorded: {exc}"
    return RedirectResponse(f"/billing?message={quote(text)}", status_code=303)


@router.get("/billing/customers/{customer_id}", response_class=HTMLResponse)
def customer_page(
    request: Request, customer_id: str, uow: UowDep, service: BillingDep, user: CurrentUser,
    start: IsoDate = None, end: IsoDate = None,
) -> HTMLResponse:  # fmt: skip
    end = end or service.clock().date()
    start = start or end.replace(day=1)
    return render(
        request,
        "billing_customer.html",
        customer=uow.master.customer(customer_id),
        account=account_of(uow, customer_id),
        statement=books.statement(uow, customer_id, start, end),
        invoices=uow.billing.invoices(customer_id=customer_id, limit=200),
    )

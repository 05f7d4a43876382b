"""`/api/billing/…`: customers' payment terms and cards, an order's payments and documents, invoices and
their PDF, transfers received, credit holds released by a supervisor, write-offs, returns.  The books
themselves are in `web.routes.books`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from core.billing.domain.approvals import MoneyApproval
from core.billing.domain.payments import CustomerAccount, PaymentMethod
from core.billing.domain.returns import Disposition, Receipt, Resolution
from core.billing.services import books
from core.billing.services.billing import Billing
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.kernel.domain.users import Role
from core.kernel.errors import NotFound
from outbound.print.invoice import render_invoice
from web.deps import IdPath, UowDep, require_role
from web.fulfilment_deps import ActorDep
from web.schemas_billing import (
    AccountOut,
    ApprovalOut,
    CardIn,
    CardOut,
    InvoiceOut,
    Note,
    NoticeOut,
    OrderBillingOut,
    PaymentOut,
    ReceiptIn,
    ReceiveIn,
    ReturnIn,
    ReturnOut,
    TermsIn,
    TransactionOut,
)

router = APIRouter(prefix="/api/billing", tags=["billing"])
SUPERVISOR = [Depends(require_role(Role.SUPERVISOR))]
# a money step above the threshold is not done but waits for a second supervisor: 202 and the approval
WAITING: dict[int | str, dict[str, object]] = {
    202: {"model": ApprovalOut, "description": "waiting for a second supervisor's approval"}
}


def waiting(approval: MoneyApproval) -> JSONResponse:
    return JSONResponse(ApprovalOut.model_validate(approval).model_dump(mode="json"), status_code=202)


def get_billing(request: Request) -> Billing:
    service: Billing = request.app.state.oms.billing.service
    return service


BillingDep = Annotated[Billing, Depends(get_billing)]


def today(service: Billing) -> date:
    return service.clock().date()


# -- customers ------------------------------------------------------------------------------------
def account_of(uow: BillingUnitOfWork, customer_id: str) -> CustomerAccount:
    if uow.master.customer(customer_id) is None:
        raise NotFound(f"customer {customer_id} does not exist")
    return uow.billing.account(customer_id) or CustomerAccount(customer_id=customer_id)


@router.get("/customers/{customer_id}", response_model=AccountOut)
def account(customer_id: str, uow: UowDep) -> AccountOut:
    """The customer's payment terms (a customer without any pays on account, net 30, no limit)."""
    return AccountOut.model_validate(account_of(uow, customer_id))


@router.put("/customers/{customer_id}/terms", response_model=AccountOut, dependencies=SUPERVISOR)
def set_terms(customer_id: str, body: TermsIn, service: BillingDep) -> AccountOut:
    saved = service.set_terms(
        customer_id,
        method=PaymentMethod(body.method) if body.method else None,
        terms_days=body.terms_days,
        credit_limit=body.credit_limit,
        no_limit=body.no_limit,
        currency=body.currency,
        vat_number=body.vat_number,
    )
    return AccountOut.model_validate(saved)


@router.post("/customers/{customer_id}/card", response_model=CardOut)
def set_card(customer_id: str, body: CardIn, service: BillingDep, actor: ActorDep) -> CardOut:
    """Keep a card (the processor's token and its last four digits only); orders held because the
    previous card was declined are tried on it at once."""
    retried = service.set_card(customer_id, body.number, body.expiry_month, body.expiry_year, actor)
    with service.uow_factory() as uow:
        saved = account_of(uow, customer_id)
    return CardOut(card_brand=saved.card_brand, card_last4=saved.card_last4, retried_orders=retried)


# -- orders ---------------------------------------------------------------------------------------
def billing_of(uow: BillingUnitOfWork, order_id: IdPath) -> OrderBillingOut:
    order = uow.fulfilment.order(order_id)
    if order is None:
        raise NotFound(f"order {order_id} does not exist")
    payment = uow.billing.payment_for_order(order_id)
    txns = uow.billing.transactions(payment_id=payment.id) if payment else []
    docs = sorted(uow.billing.invoices(order_id=order_id), key=lambda i: i.id or 0)
    return OrderBillingOut(
        order_id=order_id,
        state=str(order.state),
        payment=PaymentOut.model_validate(payment) if payment else None,
        transactions=[TransactionOut.model_validate(t) for t in sorted(txns, key=lambda t: t.id or 0)],
        invoices=[InvoiceOut.model_validate(i) for i in docs],
        returns=[ReturnOut.model_validate(r) for r in uow.billing.returns(order_id=order_id)],
        notices=[NoticeOut.model_validate(n) for n in uow.billing.notices(order_id)],
    )


@router.get("/orders/{order_id}", response_model=OrderBillingOut)
def order_billing(order_id: IdPath, uow: UowDep) -> OrderBillingOut:
    return billing_of(uow, order_id)


@router.post(
    "/orders/{order_id}/release-credit",
    response_model=OrderBillingOut,
    dependencies=SUPERVISOR,
    responses=WAITING,
)
def release_credit(
    order_id: IdPath, body: Note, service: BillingDep, actor: ActorDep
) -> OrderBillingOut | JSONResponse:
    """Let an order held over the customer's credit limit through (a supervisor's decision, kept;
    above the threshold a second supervisor approves it)."""
    done = service.release_credit_hold(order_id, actor, body.note)
    if isinstance(done, MoneyApproval):
        return waiting(done)
    with service.uow_factory() as uow:
        return billing_of(uow, order_id)


@router.post("/orders/{order_id}/retry-payment", response_model=OrderBillingOut)
def retry_payment(order_id: IdPath, service: BillingDep, actor: ActorDep) -> OrderBillingOut:
    service.retry_payment(order_id, actor)
    with service.uow_factory() as uow:
        return billing_of(uow, order_id)


# -- invoices and money in ------------------------------------------------------------------------
@router.get("/invoices", response_model=list[InvoiceOut])
def invoices(
    uow: UowDep,
    customer_id: str | None = None,
    open_only: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[InvoiceOut]:
    found = uow.billing.invoices(customer_id=customer_id, limit=limit)
    return [InvoiceOut.model_validate(i) for i in found if not open_only or i.open_amount > 0]


@router.get("/invoices/{code}", response_model=InvoiceOut)
def invoice(code: str, uow: UowDep) -> InvoiceOut:
    return InvoiceOut.model_validate(books.find_invoice(uow, code))


@router.get("/invoices/{code}/pdf", response_class=Response)
def invoice_pdf(code: str, uow: UowDep) -> Response:
    document = books.find_invoice(uow, code)
    original = uow.billing.invoice(document.corrects_id) if document.corrects_id else None
    account = uow.billing.account(document.customer_id)
    card = account.card_last4 if account and account.method is PaymentMethod.CARD else None
    pdf = render_invoice(
        document, uow.fulfilment.order(document.order_id), original=original, card_last4=card
    )
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{code}.pdf"'}
    )


@router.post(
    "/invoices/{code}/write-off", response_model=InvoiceOut, dependencies=SUPERVISOR, responses=WAITING
)
def write_off(code: str, body: Note, service: BillingDep, actor: ActorDep) -> InvoiceOut | JSONResponse:
    done = service.write_off(code, body.note or "incobrable", actor)
    return waiting(done) if isinstance(done, MoneyApproval) else InvoiceOut.model_validate(done)


# -- money steps waiting for a second supervisor --------------------------------------------------
@router.get("/approvals", response_model=list[ApprovalOut], dependencies=SUPERVISOR)
def approvals(service: BillingDep, pending: bool = True) -> list[ApprovalOut]:
    return [ApprovalOut.model_validate(a) for a in service.approvals(pending_only=pending)]


@router.post("/approvals/{approval_id}/approve", response_model=ApprovalOut, dependencies=SUPERVISOR)
def approve(approval_id: IdPath, service: BillingDep, actor: ActorDep) -> ApprovalOut:
    """A second supervisor (never the one who asked) approves: the step is carried out now."""
    return ApprovalOut.model_validate(service.approve(approval_id, actor))


@router.post("/payments", response_model=TransactionOut, status_code=201)
def receive_payment(body: ReceiptIn, service: BillingDep, actor: ActorDep) -> TransactionOut:
    """A transfer received: applied to the invoices named, else the customer's oldest due first."""
    txn = service.receive_payment(
        body.customer_id, body.amount, body.currency.upper(), body.reference, actor, body.invoices
    )
    return TransactionOut.model_validate(txn)


# -- returns --------------------------------------------------------------------------------------
@router.post("/returns", response_model=ReturnOut, status_code=201)
def authorise_return(body: ReturnIn, service: BillingDep, actor: ActorDep) -> ReturnOut:
    rma = service.authorise_return(body.order_id, body.lines, body.reason, Resolution(body.resolution), actor)
    return ReturnOut.model_validate(rma)


@router.get("/returns/{return_id}", response_model=ReturnOut)
def get_return(return_id: IdPath, uow: UowDep) -> ReturnOut:
    found = uow.billing.return_request(return_id)
    if found is None:
        raise NotFound(f"return {return_id} does not exist")
    return ReturnOut.model_validate(found)


@router.post("/returns/{return_id}/receive", response_model=ReturnOut)
def receive_return(return_id: IdPath, body: ReceiveIn, service: BillingDep, actor: ActorDep) -> ReturnOut:
    receipts = [
        Receipt(ln.position, ln.quantity, Disposition(ln.disposition), ln.warehouse, ln.location)
        for ln in body.lines
    ]
    return ReturnOut.model_validate(service.receive_return(return_id, receipts, actor))

"""`/api/billing/…` of the books: the trial balance, receivables and payables by age, a customer's
statement (JSON or PDF), the journal and the chart of accounts, supplier invoices and payments, and a
product's standard cost."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from core.billing.domain.approvals import MoneyApproval
from core.billing.domain.ledger import CHART
from core.billing.domain.receivables import Ageing
from core.billing.services import books
from core.kernel.domain.users import Role
from outbound.print.statement import render_statement
from web.deps import IsoDate, UowDep, require_role
from web.downloads import content_disposition
from web.fulfilment_deps import ActorDep
from web.routes.billing import WAITING, BillingDep, today, waiting
from web.schemas_billing import (
    AgeingOut,
    CostIn,
    EntryLineOut,
    EntryOut,
    SupplierInvoiceIn,
    SupplierPaymentIn,
    TrialBalanceOut,
    TrialBalanceRowOut,
)

router = APIRouter(prefix="/api/billing", tags=["books"])
SUPERVISOR = [Depends(require_role(Role.SUPERVISOR))]


@router.get("/customers/{customer_id}/statement", response_model=None)
def statement(
    customer_id: str,
    service: BillingDep,
    uow: UowDep,
    start: IsoDate = None,
    end: IsoDate = None,
    format: Annotated[str, Query(pattern="^(pdf|json)$")] = "json",
) -> Response | dict[str, object]:
    end = end or today(service)
    start = start or end.replace(day=1)
    found = service.statement(customer_id, start, end)
    if format == "pdf":
        customer = uow.master.customer(customer_id)
        pdf = render_statement(found, customer, (customer.language if customer else None) or "es")
        name = f"statement-{customer_id}-{end:%Y%m%d}.pdf"
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": content_disposition(name, "statement.pdf", "inline")},
        )
    return {
        "customer_id": customer_id,
        "currency": found.currency,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "opening": str(found.opening),
        "closing": str(found.closing),
        "lines": [
            {
                "day": ln.day.isoformat(),
                "document": ln.document,
                "kind": ln.description,
                "debit": str(ln.debit),
                "credit": str(ln.credit),
                "balance": str(ln.balance),
            }
            for ln in found.lines
        ],
        "ageing": _ageing(found.ageing).model_dump(mode="json"),
    }


@router.get("/trial-balance", response_model=list[TrialBalanceOut])
def trial_balance(uow: UowDep) -> list[TrialBalanceOut]:
    return [
        TrialBalanceOut(
            currency=tb.currency,
            rows=[
                TrialBalanceRowOut(
                    account=r.account.code,
                    name=r.account.name_en,
                    debit=r.debit,
                    credit=r.credit,
                    balance=r.balance,
                )
                for r in tb.rows
            ],
            debit=tb.debit,
            credit=tb.credit,
            difference=tb.difference,
        )
        for tb in books.trial_balances(uow)
    ]


def _ageing(a: Ageing) -> AgeingOut:
    items = [
        {"document": i.document, "kind": i.kind, "issue_date": i.issue_date.isoformat(),
         "due_date": i.due_date.isoformat(), "total": str(i.total), "open": str(i.open)}
        for i in a.items
    ]  # fmt: skip
    return AgeingOut(party=a.party, balance=a.balance, unapplied=a.unapplied, buckets=a.buckets, items=items)


@router.get("/receivables", response_model=list[AgeingOut])
def receivables(service: BillingDep, uow: UowDep, as_of: IsoDate = None) -> list[AgeingOut]:
    return [_ageing(a) for a in books.receivables(uow, as_of or today(service))]


@router.get("/payables", response_model=list[AgeingOut])
def payables(service: BillingDep, uow: UowDep, as_of: IsoDate = None) -> list[AgeingOut]:
    return [_ageing(a) for a in books.payables(uow, as_of or today(service))]


@router.get("/journal", response_model=list[EntryOut])
def journal(
    uow: UowDep, source: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[EntryOut]:
    return [
        EntryOut(
            id=e.id,
            at=e.at,
            source=e.source,
            key=e.key,
            description=e.description,
            currency=e.currency,
            actor=e.actor,
            lines=[
                EntryLineOut(account=ln.account, party=ln.party, debit=ln.debit, credit=ln.credit)
                for ln in e.lines
            ],
        )
        for e in uow.ledger.entries(limit=limit, source=source)
    ]


@router.get("/accounts", response_model=list[dict[str, str]])
def chart() -> list[dict[str, str]]:
    return [
        {"code": a.code, "name_es": a.name_es, "name_en": a.name_en, "type": str(a.type)}
        for a in CHART.values()
    ]


@router.post("/supplier-invoices", response_model=dict[str, int], status_code=201)
def supplier_invoice(body: SupplierInvoiceIn, service: BillingDep, actor: ActorDep) -> dict[str, int]:
    row_id = service.record_supplier_invoice(
        body.supplier_id,
        body.number,
        body.issue_date,
        body.due_date,
        body.net,
        body.tax,
        body.currency.upper(),
        actor,
    )
    return {"id": row_id}


@router.post(
    "/supplier-payments", response_model=dict[str, str], status_code=201, responses=WAITING,
)  # fmt: skip
def supplier_payment(
    body: SupplierPaymentIn, service: BillingDep, actor: ActorDep
) -> dict[str, str] | JSONResponse:
    """A transfer to a supplier: a supervisor's (the billing service refuses anyone else, 403); above
    the threshold a second supervisor approves it."""
    applied = service.pay_supplier(
        body.supplier_id, body.amount, body.currency.upper(), body.reference, actor
    )
    return waiting(applied) if isinstance(applied, MoneyApproval) else {"applied": str(applied)}


@router.put("/products/{sku}/cost", response_model=dict[str, str | None], dependencies=SUPERVISOR)
def product_cost(sku: str, body: CostIn, service: BillingDep, actor: ActorDep) -> dict[str, str | None]:
    service.set_cost(sku, body.cost_price, actor)
    return {"sku": sku, "cost_price": None if body.cost_price is None else str(body.cost_price)}

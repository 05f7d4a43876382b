"""`/api/prospects` and `/api/quotes`: leads and the quotes offered to them. Anyone signed in reads and
writes down prospects; quoting, sending, accepting and making customers need a supervisor, as the
sales pages do."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from core.catalog.domain.prospects import ProspectStatus
from core.catalog.domain.quotes import Quote
from core.catalog.services import sales
from core.kernel.domain.users import Role, User
from core.kernel.errors import NotFound
from outbound.quote import render_quote
from web.deps import AppDep, CurrentUser, IdPath, UowDep, now, require_role
from web.schemas_sales import Conversion, ProspectIn, ProspectMove, ProspectOut, QuoteIn, QuoteOut

router = APIRouter(tags=["sales"])
Supervisor = Annotated[User, Depends(require_role(Role.SUPERVISOR))]


@router.get("/api/prospects", response_model=list[ProspectOut])
def prospects(uow: UowDep, status: ProspectStatus | None = None) -> list[ProspectOut]:
    return [ProspectOut.model_validate(p) for p in uow.sales.prospects(status)]


@router.post("/api/prospects", response_model=ProspectOut, status_code=201)
def add_prospect(body: ProspectIn, request: Request, app: AppDep, user: CurrentUser) -> ProspectOut:
    details = body.model_dump(exclude={"name", "source", "owner"})
    found = sales.add_prospect(
        app.uow(), body.name, body.source, body.owner or user.username, now(request), **details
    )
    return ProspectOut.model_validate(found)


@router.get("/api/prospects/{prospect_id}", response_model=ProspectOut)
def prospect(prospect_id: IdPath, uow: UowDep) -> ProspectOut:
    found = uow.sales.prospect(prospect_id)
    if found is None:
        raise NotFound(f"no prospect {prospect_id}")
    return ProspectOut.model_validate(found)


@router.post("/api/prospects/{prospect_id}/status", response_model=ProspectOut)
def move(prospect_id: IdPath, body: ProspectMove, app: AppDep, _user: CurrentUser) -> ProspectOut:
    return ProspectOut.model_validate(sales.move_prospect(app.uow(), prospect_id, body.status, body.owner))


@router.post("/api/prospects/{prospect_id}/customer", status_code=201)
def convert(prospect_id: IdPath, body: Conversion, app: AppDep, _user: Supervisor) -> dict[str, str]:
    customer = sales.convert(app.uow(), prospect_id, body.customer_id)
    return {"customer_id": customer.customer_id}


@router.post("/api/orders/{order_id}/prospect", response_model=ProspectOut, status_code=201)
def from_order(order_id: IdPath, request: Request, app: AppDep, user: CurrentUser) -> ProspectOut:
    found = sales.prospect_from_order(app.uow(), order_id, user.username, now(request))
    return ProspectOut.model_validate(found)


@router.get("/api/quotes", response_model=list[QuoteOut])
def quotes(
    uow: UowDep,
    prospect_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
    customer_id: str | None = None,
) -> list[QuoteOut]:
    found = uow.sales.quotes(prospect_id=prospect_id, customer_id=customer_id)
    return [QuoteOut.model_validate(q) for q in found]


@router.post("/api/quotes", response_model=QuoteOut, status_code=201)
def create_quote(body: QuoteIn, request: Request, app: AppDep, user: Supervisor) -> QuoteOut:
    offers = [sales.Offer(line.sku, line.quantity, line.unit_price) for line in body.lines]
    quote = sales.create_quote(
        app.uow(),
        offers,
        user.username,
        now(request),
        prospect_id=body.prospect_id,
        customer_id=body.customer_id,
        currency=body.currency,
        valid_until=body.valid_until,
        note=body.note,
    )
    return QuoteOut.model_validate(quote)


def _quote(uow: UowDep, quote_id: int) -> Quote:
    found = uow.sales.quote(quote_id)
    if found is None:
        raise NotFound(f"no quote {quote_id}")
    return found


@router.get("/api/quotes/{quote_id}", response_model=QuoteOut)
def quote(quote_id: IdPath, uow: UowDep) -> QuoteOut:
    return QuoteOut.model_validate(_quote(uow, quote_id))


@router.get(
    "/api/quotes/{quote_id}/pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the quote as PDF"}},
)
def quote_pdf(quote_id: IdPath, uow: UowDep) -> Response:
    found = _quote(uow, quote_id)
    _email, name, language = sales.addressee(uow, found)
    headers = {"Content-Disposition": f'attachment; filename="{found.number}.pdf"'}
    return Response(render_quote(found, name, language), media_type="application/pdf", headers=headers)


@router.post("/api/quotes/{quote_id}/send", response_model=QuoteOut)
def send(quote_id: IdPath, app: AppDep, _user: Supervisor) -> QuoteOut:
    return QuoteOut.model_validate(app.sales.send(quote_id))


@router.post("/api/quotes/{quote_id}/accept", response_model=QuoteOut)
def accept(quote_id: IdPath, app: AppDep, user: Supervisor) -> QuoteOut:
    found, _document = app.sales.accept(quote_id, user.username)
    return QuoteOut.model_validate(found)


@router.post("/api/quotes/{quote_id}/reject", response_model=QuoteOut)
def reject(
    quote_id: IdPath, request: Request, app: AppDep, user: Supervisor, withdraw: bool = False
) -> QuoteOut:
    found = sales.reject(app.uow(), quote_id, user.username, now(request), withdraw=withdraw)
    return QuoteOut.model_validate(found)

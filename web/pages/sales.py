"""The sales pages: prospects (anyone signed in writes one down or moves it on), and quotes, which a
supervisor drafts, sends, records as accepted or rejected, and whose prospect a supervisor makes a
customer."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated
from urllib.parse import quote as q

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from core.catalog.domain.prospects import SOURCES, ProspectStatus
from core.catalog.services import sales
from core.kernel.domain.users import Role
from core.kernel.errors import ComandaError, NotFound
from web.deps import AppDep, CurrentUser, IdPath, UowDep, now, require_role
from web.templating import render

router = APIRouter(tags=["sales pages"], include_in_schema=False)
Supervisor = [Depends(require_role(Role.SUPERVISOR))]
FormText = Annotated[str, Form(max_length=4000)]


def _back(path: str, text: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?message={q(text)}", status_code=303)


@router.get("/sales", response_class=HTMLResponse)
def sales_page(request: Request, uow: UowDep, status: str = "", message: str = "") -> HTMLResponse:
    wanted = ProspectStatus(status) if status in {s.value for s in ProspectStatus} else None
    return render(
        request,
        "sales.html",
        prospects=uow.sales.prospects(wanted),
        quotes=uow.sales.quotes(limit=30),
        statuses=list(ProspectStatus),
        status=wanted,
        sources=SOURCES,
        message=message,
    )


@router.post("/sales/prospects")
def add(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    name: FormText,
    source: FormText = "other",
    email: FormText = "",
    phone: FormText = "",
    city: FormText = "",
    country: FormText = "",
    language: FormText = "",
) -> RedirectResponse:
    try:
        found = sales.add_prospect(
            app.uow(),
            name,
            source,
            user.username,
            now(request),
            email=email,
            phone=phone,
            city=city,
            country=country,
            language=language,
        )
    except ComandaError as exc:
        return _back("/sales", f"not added: {exc}")
    return RedirectResponse(f"/sales/prospects/{found.id}", status_code=303)


@router.get("/sales/prospects/{prospect_id}", response_class=HTMLResponse)
def prospect_page(prospect_id: IdPath, request: Request, uow: UowDep, message: str = "") -> HTMLResponse:
    found = uow.sales.prospect(prospect_id)
    if found is None:
        raise NotFound(f"no prospect {prospect_id}")
    moves = [s for s in ProspectStatus if s is not ProspectStatus.WON and s is not found.status]
    return render(
        request,
        "sales_prospect.html",
        prospect=found,
        quotes=uow.sales.quotes(prospect_id=prospect_id),
        moves=moves,
        message=message,
    )


@router.post("/sales/prospects/{prospect_id}/status")
def move(prospect_id: IdPath, app: AppDep, _user: CurrentUser, status: FormText) -> RedirectResponse:
    path = f"/sales/prospects/{prospect_id}"
    try:
        sales.move_prospect(app.uow(), prospect_id, ProspectStatus(status), None)
    except (ComandaError, ValueError) as exc:
        return _back(path, f"not moved: {exc}")
    return _back(path, f"now {status}")


@router.post("/sales/prospects/{prospect_id}/customer", dependencies=Supervisor)
def convert(prospect_id: IdPath, app: AppDep, customer_id: FormText = "") -> RedirectResponse:
    path = f"/sales/prospects/{prospect_id}"
    try:
        customer = sales.convert(app.uow(), prospect_id, customer_id.strip() or None)
    except ComandaError as exc:
        return _back(path, f"not converted: {exc}")
    return _back(path, f"customer {customer.customer_id} created")


def _offers(text: str) -> list[sales.Offer]:
    """One line per product: `SKU QUANTITY [PRICE]`, decimal point or comma."""
    offers = []
    for number, row in enumerate(text.splitlines(), start=1):
        words = row.replace(",", ".").split()
        if not words:
            continue
        if len(words) not in (2, 3):
            raise ValueError(f"line {number}: write SKU QUANTITY [PRICE]")
        try:
            price = Decimal(words[2]) if len(words) == 3 else None
            offers.append(sales.Offer(words[0], Decimal(words[1]), price))
        except InvalidOperation:
            raise ValueError(f"line {number}: the quantity or price is no number") from None
    return offers


@router.post("/sales/prospects/{prospect_id}/quotes", dependencies=Supervisor)
def create_quote(
    prospect_id: IdPath, request: Request, app: AppDep, user: CurrentUser, lines: FormText
) -> RedirectResponse:
    path = f"/sales/prospects/{prospect_id}"
    try:
        offers = _offers(lines)
        made = sales.create_quote(app.uow(), offers, user.username, now(request), prospect_id=prospect_id)
    except (ComandaError, ValueError) as exc:
        return _back(path, f"no quote: {exc}")
    return RedirectResponse(f"/sales/quotes/{made.id}", status_code=303)


@router.get("/sales/quotes/{quote_id}", response_class=HTMLResponse)
def quote_page(quote_id: IdPath, request: Request, uow: UowDep, message: str = "") -> HTMLResponse:
    found = uow.sales.quote(quote_id)
    if found is None:
        raise NotFound(f"no quote {quote_id}")
    return render(request, "sales_quote.html", quote=found, message=message)


@router.post("/sales/quotes/{quote_id}/{step}", dependencies=Supervisor)
def quote_step(
    quote_id: IdPath, step: str, request: Request, app: AppDep, user: CurrentUser
) -> RedirectResponse:
    path = f"/sales/quotes/{quote_id}"
    try:
        if step == "send":
            done = app.sales.send(quote_id)
            text = f"sent to {done.sent_to}"
        elif step == "accept":
            done, document_id = app.sales.accept(quote_id, user.username)
            text = f"accepted: the order is read from document {document_id}"
        elif step in ("reject", "withdraw"):
            done = sales.reject(app.uow(), quote_id, user.username, now(request), withdraw=step == "withdraw")
            text = str(done.state)
        else:
            raise NotFound(f"no step {step!r} for a quote")
    except NotFound:
        raise
    except ComandaError as exc:
        text = f"not done: {exc}"
    return _back(path, text)


@router.post("/review/{order_id}/prospect")
def prospect_from_order(
    order_id: IdPath, request: Request, app: AppDep, user: CurrentUser
) -> RedirectResponse:
    try:
        found = sales.prospect_from_order(app.uow(), order_id, user.username, now(request))
    except NotFound:
        raise
    except ComandaError as exc:
        return _back(f"/review/{order_id}", str(exc))
    return RedirectResponse(f"/sales/prospects/{found.id}", status_code=303)

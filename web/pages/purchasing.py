"""Server-rendered purchasing pages: purchase orders (drafts to approve or drop), suppliers' documents
(mismatched invoices to accept or reject), damaged goods in quarantine (to release or write off),
suppliers, one order with its history, and the receiving
page built for a warehouse scanner (scan the GTIN, type the count)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from core.kernel.domain.users import Role
from core.kernel.errors import ComandaError
from core.purchasing.domain.orders import OPEN_STATES, PoState
from core.purchasing.domain.receiving import Counted
from core.purchasing.services.receiving import QUARANTINE, po_for_gtin, sku_for_gtin
from web.deps import CurrentUser, IdPath, UowDep, require_role
from web.purchasing_deps import PurchasingDep, decide_document, ident
from web.templating import render

router = APIRouter(tags=["purchasing pages"], include_in_schema=False)
BUYER = [Depends(require_role(Role.BUYER))]  # a buyer's step (or a supervisor's)


@router.get("/purchasing", response_class=HTMLResponse)
def purchasing_page(request: Request, uow: UowDep, user: CurrentUser, message: str = "") -> HTMLResponse:
    return render(
        request,
        "purchasing.html",
        drafts=uow.purchasing.pos(states=[PoState.DRAFT]),
        open_orders=uow.purchasing.pos(states=OPEN_STATES),
        recent=uow.purchasing.pos(limit=30),
        documents=uow.purchasing.documents(limit=50),
        suppliers=uow.purchasing.suppliers(),
        held=uow.goods_in.held(),
        message=message,
    )


@router.get("/purchasing/orders/{number}", response_class=HTMLResponse)
def order_page(request: Request, number: str, uow: UowDep, user: CurrentUser) -> HTMLResponse:
    po = uow.purchasing.po(ident(number))
    if po is None:
        return render(
            request, "message.html", status_code=404, message=f"purchase order {number} does not exist"
        )
    return render(
        request,
        "purchasing_order.html",
        po=po,
        receipts=uow.purchasing.receipts(po.id),
        documents=uow.purchasing.documents(po_id=po.id),
    )


def _back(text: str, to: str = "/purchasing") -> RedirectResponse:
    return RedirectResponse(f"{to}?message={quote(text)}", status_code=303)


@router.post("/purchasing/plan", dependencies=BUYER)
def plan(service: PurchasingDep, user: CurrentUser) -> RedirectResponse:
    try:
        made, result = service.plan(user.username)
        text = f"{len(made)} draft(s) proposed" + (
            f", {len(result.unsourced)} product(s) no supplier sells" if result.unsourced else ""
        )
    except ComandaError as exc:
        text = str(exc)
    return _back(text)


@router.post("/purchasing/orders/{number}/{step}", dependencies=BUYER)
def buyer_step(
    number: str, step: Literal["approve", "drop", "close"], service: PurchasingDep, user: CurrentUser
) -> RedirectResponse:
    steps = {"approve": service.approve, "drop": service.drop, "close": service.close}
    wanted = ident(number)  # an id no database key holds is no purchase order: 404
    try:
        po = steps[step](wanted, user.username)
        text = f"{po.number}: {po.state}"
    except ComandaError as exc:
        text = str(exc)
    return _back(text)


@router.post("/purchasing/quarantine/{sku}/{decision}", dependencies=BUYER)
def settle_quarantine(
    sku: str,
    decision: Literal["release", "write-off"],
    service: PurchasingDep,
    user: CurrentUser,
    warehouse: Annotated[str, Form(min_length=1, max_length=16)],
    quantity: Annotated[str, Form(max_length=32)],
    location: Annotated[str, Form(min_length=1, max_length=32)] = QUARANTINE,
) -> RedirectResponse:
    """A buyer's decision on damaged goods: released to stock, or written off."""
    try:
        units = Decimal(quantity.strip().replace(",", "."))
    except InvalidOperation:
        return _back(f"{quantity!r} is not a number of units")
    try:
        if decision == "release":
            place = service.release(sku, warehouse, units, user.username, location=location)
            text = f"{sku}: {units} released to {warehouse}/{place}"
        else:
            service.write_off(sku, warehouse, units, user.username, location=location)
            text = f"{sku}: {units} written off"
    except ComandaError as exc:
        text = str(exc)
    return _back(text)


@router.post("/purchasing/documents/{document_id}/{decision}", dependencies=BUYER)
def decide(
    document_id: IdPath,
    decision: Literal["accept", "reject", "handled", "dismiss"],
    service: PurchasingDep,
    user: CurrentUser,
) -> RedirectResponse:
    try:
        doc = decide_document(service, document_id, decision, user.username)
        text = f"{doc.kind} {doc.reference} of {doc.supplier_id}: {doc.state}"
    except ComandaError as exc:
        text = str(exc)
    return _back(text)


@router.get("/purchasing/receive", response_class=HTMLResponse)
def receive_page(request: Request, user: CurrentUser, message: str = "", po: str = "") -> HTMLResponse:
    return render(request, "purchasing_receive.html", message=message, po=po)


@router.post("/purchasing/receive")
def receive(
    service: PurchasingDep,
    user: CurrentUser,
    gtin: Annotated[str, Form()],
    count: Annotated[str, Form()],
    damaged: Annotated[str, Form()] = "0",
    po: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """One scan: the GTIN, the good count and the damaged count, against the order named or, without
    one, the oldest open order with that GTIN."""
    try:
        good, broken = Decimal(count or "0"), Decimal(damaged or "0")
        with service.uow_factory() as uow:  # looked up and closed before the receipt's transaction
            if po.strip():
                order = uow.purchasing.po(ident(po.strip()))
                orders = [order] if order is not None else []
            else:
                orders = po_for_gtin(uow, gtin)
            if not orders:
                raise ComandaError(f"no open purchase order has GTIN {gtin.strip()}")
            target = orders[0]
            sku = sku_for_gtin(uow, target, gtin)
        service.receive(target.number, [Counted(sku, good, broken)], user.username, reference="scanner")
        text = f"{target.number} {sku}: {good} received" + (f", {broken} damaged" if broken else "")
        keep = target.number if po.strip() else ""
    except (ComandaError, InvalidOperation) as exc:
        text, keep = f"not received: {exc}", po.strip()
    return RedirectResponse(f"/purchasing/receive?message={quote(text)}&po={quote(keep)}", status_code=303)

"""`/api/prices`, `/api/promotions`, `/api/customer-groups`: the commercial terms, read by any user and
changed by a supervisor, with the same CSV files as `oms import` (UTF-8, header row) as request bodies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel

from core.catalog.services.masterdata import import_csv
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.domain.users import Role
from core.kernel.errors import NotFound
from web.deps import AppDep, UowDep, require_role

router = APIRouter(tags=["commercial terms"])
SUPERVISOR = [Depends(require_role(Role.SUPERVISOR))]
PRICE_FILES = ("prices", "customer-prices", "group-prices")
CsvBody = Annotated[str, Body(media_type="text/csv", description="the CSV file, as `oms import` reads it")]


class PriceOut(BaseModel):
    level: str
    party: str
    sku: str
    unit_price: Decimal
    currency: str
    min_quantity: Decimal
    valid_from: date | None
    valid_to: date | None


class PromotionOut(BaseModel):
    promotion_id: str
    description: str
    kind: str
    value: Decimal | None
    buy: int | None
    get: int | None
    scope: str
    target: str
    currency: str | None
    valid_from: date | None
    valid_to: date | None
    code: str | None
    words: str


class GroupOut(BaseModel):
    customer_id: str
    group: str


class ImportOut(BaseModel):
    kind: str
    created: int
    updated: int


def load(app: AppDep, kind: str, text: str) -> ImportOut:
    """One file in one transaction; a bad row refuses it (400, with the row number)."""
    uow = app.uow()
    assert isinstance(uow, CatalogUnitOfWork)
    report = import_csv(uow, kind, text)
    return ImportOut(kind=kind, created=report.created, updated=report.updated)


@router.get("/api/prices", response_model=list[PriceOut])
def prices(
    uow: UowDep, level: str | None = None, party: str | None = None, sku: str | None = None
) -> list[PriceOut]:
    rows = uow.master.price_rows(level)
    return [
        PriceOut.model_validate(r, from_attributes=True)
        for r in rows
        if (party is None or r.party == party) and (sku is None or r.sku == sku)
    ]


@router.post("/api/prices", response_model=ImportOut, dependencies=SUPERVISOR)
def import_prices(
    app: AppDep,
    body: CsvBody,
    kind: Annotated[str, Query(pattern="^(prices|customer-prices|group-prices)$")] = "prices",
) -> ImportOut:
    return load(app, kind, body)


@router.get("/api/promotions", response_model=list[PromotionOut])
def promotions(uow: UowDep, on: date | None = None) -> list[PromotionOut]:
    return [
        PromotionOut.model_validate({**vars_of(p), "words": p.describe()})
        for p in uow.master.promotions()
        if on is None or p.valid_on(on)
    ]


def vars_of(promotion: object) -> dict[str, object]:
    names = PromotionOut.model_fields.keys() - {"words"}
    return {name: getattr(promotion, name) for name in names}


@router.post("/api/promotions", response_model=ImportOut, dependencies=SUPERVISOR)
def import_promotions(app: AppDep, body: CsvBody) -> ImportOut:
    return load(app, "promotions", body)


@router.delete("/api/promotions/{promotion_id}", status_code=204, dependencies=SUPERVISOR)
def delete_promotion(uow: UowDep, promotion_id: str) -> None:
    if not uow.master.remove_promotion(promotion_id.upper()):
        raise NotFound(f"promotion {promotion_id} does not exist")
    uow.commit()


@router.get("/api/customer-groups", response_model=list[GroupOut])
def customer_groups(uow: UowDep) -> list[GroupOut]:
    return [GroupOut(customer_id=g.customer_id, group=g.group_code) for g in uow.master.groups()]


@router.post("/api/customer-groups", response_model=ImportOut, dependencies=SUPERVISOR)
def import_groups(app: AppDep, body: CsvBody) -> ImportOut:
    return load(app, "customer-groups", body)

"""`/api/stock`, `/api/warehouses`: stock per SKU and location, available-to-promise, the ledger,
receipts and count adjustments."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from web.deps import UowDep
from web.fulfilment_deps import ActorDep, ServiceDep
from web.schemas_fulfilment import StockChange, StockLevelOut, StockOut, WarehouseOut

router = APIRouter(tags=["stock"])


@router.get("/api/warehouses", response_model=list[WarehouseOut])
def warehouses(uow: UowDep) -> list[WarehouseOut]:
    return [WarehouseOut.model_validate(w) for w in uow.stock.warehouses(active_only=False)]


@router.get("/api/stock", response_model=StockOut)
def stock(uow: UowDep, sku: str | None = None, warehouse: str | None = None) -> StockOut:
    levels = uow.stock.levels(sku=sku, warehouse=warehouse)
    atp = uow.stock.available_to_promise([sku] if sku else None)
    return StockOut(levels=[StockLevelOut.model_validate(lv) for lv in levels], available_to_promise=atp)


@router.get("/api/stock/movements", response_model=list[dict[str, object]])
def movements(
    uow: UowDep, sku: str | None = None, limit: Annotated[int, Query(ge=1, le=5000)] = 200
) -> list[dict[str, object]]:
    return [
        {k: (str(v) if k.endswith("_delta") else v) for k, v in row.items()}
        for row in uow.stock.movements(sku=sku, limit=limit)
    ]


@router.post("/api/stock/receipts", response_model=StockLevelOut, status_code=201)
def receive(body: StockChange, service: ServiceDep, actor: ActorDep) -> StockLevelOut:
    level = service.receive(body.sku, body.warehouse, body.location, body.quantity, actor, body.reference)
    return StockLevelOut.model_validate(level)


@router.post("/api/stock/adjustments", response_model=StockLevelOut, status_code=201)
def adjust(body: StockChange, service: ServiceDep, actor: ActorDep) -> StockLevelOut:
    level = service.adjust(
        body.sku, body.warehouse, body.location, body.quantity, actor, body.reference or "count"
    )
    return StockLevelOut.model_validate(level)

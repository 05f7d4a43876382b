"""Loading the lifecycle's set-up data from CSV files (UTF-8, header row, '.' as decimal mark):
warehouses, product shipping attributes, carrier rate tables and opening stock.

These files sit beside the master-data contract without changing it: a product without shipping
attributes ships with the defaults (0.5 kg, 20 x 15 x 10 cm, general goods).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.fulfilment.domain.shipping import (
    CarrierService,
    GoodsClass,
    ProductShipping,
    Rate,
    Surcharge,
    SurchargeRule,
)
from core.fulfilment.domain.stock import Warehouse
from core.fulfilment.services import allocation
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import LoadReport, csv_rows

COLUMNS: dict[str, tuple[str, ...]] = {
    "warehouses": ("code", "name", "priority", "country"),
    "product-shipping": ("sku", "weight_kg", "length_cm", "width_cm", "height_cm"),
    "carrier-services": ("carrier", "service", "name", "transit_days", "classes"),
    "carrier-rates": ("carrier", "service", "zone", "up_to_kg", "price"),
    "carrier-surcharges": ("carrier", "kind"),
    "stock": ("sku", "warehouse", "location", "quantity"),
}


def rows(kind: str, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    return csv_rows(kind, text, COLUMNS[kind])


def dec(row: dict[str, str], column: str, number: int, default: str | None = None) -> Decimal:
    value = row.get(column) or default
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise MasterDataError(f"{column} {value!r} is not a decimal number", row=number) from None


def flag(row: dict[str, str], column: str, default: bool) -> bool:
    value = (row.get(column) or "").lower()
    return default if not value else value in ("1", "true", "yes", "sí", "si", "y")


def load(uow: FulfilmentUnitOfWork, kind: str, text: str, actor: str, now: datetime) -> LoadReport:
    """Load one file inside the caller's unit of work; any bad row aborts it with its row number."""
    if kind not in COLUMNS:
        raise MasterDataError(f"unknown kind {kind!r}; use one of {', '.join(COLUMNS)}")
    parsed = list(rows(kind, text))
    if kind.startswith("carrier-"):
        raise MasterDataError("carrier tables are loaded together: use load_carriers")
    for number, row in parsed:
        LOADERS[kind](uow, number, row, actor, now)
    return LoadReport(kind, len(parsed))


def _warehouse(
    uow: FulfilmentUnitOfWork, number: int, row: dict[str, str], actor: str, now: datetime
) -> None:
    uow.stock.save_warehouse(
        Warehouse(
            code=row["code"],
            name=row["name"] or row["code"],
            priority=int(row.get("priority") or 100),
            country=(row.get("country") or "ES").upper(),
            postal_code=row.get("postal_code") or None,
            city=row.get("city") or None,
            active=flag(row, "active", True),
        )
    )


def _attributes(
    uow: FulfilmentUnitOfWork, number: int, row: dict[str, str], actor: str, now: datetime
) -> None:
    if uow.master.product(row["sku"]) is None:
        raise MasterDataError(f"sku {row['sku']!r} does not exist", row=number)
    try:
        goods = GoodsClass(row.get("goods_class") or "general")
    except ValueError:
        raise MasterDataError(f"goods_class {row.get('goods_class')!r} is unknown", row=number) from None
    uow.stock.save_shipping_attributes(
        ProductShipping(
            sku=row["sku"],
            weight_kg=dec(row, "weight_kg", number, "0.5"),
            length_cm=dec(row, "length_cm", number, "20"),
            width_cm=dec(row, "width_cm", number, "15"),
            height_cm=dec(row, "height_cm", number, "10"),
            goods_class=goods,
            fragile=flag(row, "fragile", False),
        )
    )


def _stock(uow: FulfilmentUnitOfWork, number: int, row: dict[str, str], actor: str, now: datetime) -> None:
    quantity = dec(row, "quantity", number)
    allocation.receive(
        uow, row["sku"], row["warehouse"], row["location"], quantity, actor, now, "opening stock"
    )


LOADERS: dict[str, Callable[[FulfilmentUnitOfWork, int, dict[str, str], str, datetime], None]] = {
    "warehouses": _warehouse,
    "product-shipping": _attributes,
    "stock": _stock,
}


def load_carriers(uow: FulfilmentUnitOfWork, folder: Path) -> LoadReport:
    """Replace the carrier tables with carrier-services.csv, carrier-rates.csv, carrier-surcharges.csv."""
    texts = {
        k: (folder / f"{k}.csv").read_text(encoding="utf-8") for k in COLUMNS if k.startswith("carrier-")
    }
    services = [
        CarrierService(
            carrier=r["carrier"],
            service=r["service"],
            name=r["name"],
            transit_days=int(r["transit_days"]),
            classes=frozenset(GoodsClass(c) for c in r["classes"].split()),
            fragile_ok=flag(r, "fragile_ok", True),
            max_parcel_kg=dec(r, "max_parcel_kg", n, "30"),
            currency=(r.get("currency") or "EUR").upper(),
        )
        for n, r in rows("carrier-services", texts["carrier-services"])
    ]
    rates = [
        Rate(r["carrier"], r["service"], r["zone"], dec(r, "up_to_kg", n), dec(r, "price", n))
        for n, r in rows("carrier-rates", texts["carrier-rates"])
    ]
    extras = [
        SurchargeRule(
            r["carrier"],
            Surcharge(r["kind"]),
            dec(r, "per_parcel", n, "0"),
            dec(r, "percent", n, "0"),
            dec(r, "threshold", n, "0"),
        )
        for n, r in rows("carrier-surcharges", texts["carrier-surcharges"])
    ]
    uow.stock.replace_carrier_tables(services, rates, extras)
    return LoadReport("carriers", len(services) + len(rates) + len(extras))


def load_folder(
    uow: FulfilmentUnitOfWork, folder: Path, actor: str, now: datetime, *, stock: bool = True
) -> list[LoadReport]:
    """Everything a folder like samples/fulfilment holds, in dependency order."""
    reports = []
    for kind in ("warehouses", "product-shipping", *(("stock",) if stock else ())):
        path = folder / f"{kind}.csv"
        if path.exists():
            reports.append(load(uow, kind, path.read_text(encoding="utf-8"), actor, now))
    if (folder / "carrier-services.csv").exists():
        reports.append(load_carriers(uow, folder))
    return reports

"""The commercial terms written back out as the CSV files they are imported from, so a supervisor can
download a file, change it and load it again."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from core.catalog.domain.pricing import PriceLevel
from core.catalog.services.masterdata import COLUMNS
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.errors import MasterDataError

EXPORTS = ("prices", "customer-prices", "group-prices", "customer-groups", "categories", "promotions")
_PRICE_LEVELS = {
    "prices": (PriceLevel.AGREEMENT, PriceLevel.BASE),
    "customer-prices": (PriceLevel.CUSTOMER_LIST,),
    "group-prices": (PriceLevel.GROUP_LIST,),
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write(columns: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def export_csv(uow: CatalogUnitOfWork, kind: str) -> str:
    """The file `oms import KIND` reads, holding everything stored of that kind."""
    if kind not in EXPORTS:
        raise MasterDataError(f"unknown terms file {kind!r}; use one of {', '.join(EXPORTS)}")
    with uow:
        master = uow.master
        if kind in _PRICE_LEVELS:
            rows = [r for level in _PRICE_LEVELS[kind] for r in master.price_rows(level)]
            return _write(
                COLUMNS[kind],
                (
                    (r.party, r.sku, r.unit_price, r.currency, r.min_quantity, r.valid_from, r.valid_to)
                    for r in rows
                ),
            )
        if kind == "customer-groups":
            return _write(COLUMNS[kind], ((g.customer_id, g.group_code) for g in master.groups()))
        if kind == "categories":
            return _write(COLUMNS[kind], sorted(master.categories().items()))
        return _write(
            COLUMNS[kind],
            (
                (
                    p.promotion_id,
                    p.description,
                    p.kind,
                    p.value,
                    p.buy,
                    p.get,
                    p.scope,
                    p.target,
                    p.currency,
                    p.valid_from,
                    p.valid_to,
                    p.code,
                )
                for p in master.promotions()
            ),
        )

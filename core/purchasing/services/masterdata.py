"""`oms import suppliers|supplier-products|reorder`: purchasing's master data from CSV files. Every row
is checked before anything is written, so a file with a bad row loads nothing and says which row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import csv_rows
from core.purchasing.domain.suppliers import OrderChannel, Preference, ReorderRule, Supplier, SupplierProduct
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork

COLUMNS: dict[str, tuple[str, ...]] = {
    "suppliers": (
        "supplier_id", "name", "channel", "email", "fax", "edi_id", "our_edi_id",
        "street", "postal_code", "city", "country", "language", "currency",
    ),
    "supplier-products": (
        "supplier_id", "sku", "supplier_item_code", "pack", "price", "currency", "lead_time_days",
        "min_order_qty", "preferred_for",
    ),
    "reorder": ("sku", "warehouse", "reorder_point", "order_up_to"),
}  # fmt: skip
Row = Supplier | SupplierProduct | Preference | ReorderRule


@dataclass(frozen=True)
class ImportReport:
    kind: str
    created: int
    updated: int


def _decimal(row: dict[str, str], column: str, number: int, *, positive: bool = False) -> Decimal:
    try:
        value = Decimal(row[column])
    except InvalidOperation:
        raise MasterDataError(f"{column} {row[column]!r} is not a number (use '.')", row=number) from None
    if not value.is_finite() or value < 0 or (positive and value == 0):
        raise MasterDataError(f"{column} must be {'above' if positive else 'at least'} zero", row=number)
    return value


def _required(row: dict[str, str], number: int, *columns: str) -> None:
    for column in columns:
        if not row.get(column):
            raise MasterDataError(f"{column} is empty", row=number)


def _supplier(uow: PurchasingUnitOfWork, row: dict[str, str], number: int) -> Iterator[Row]:
    _required(row, number, "supplier_id", "name", "channel")
    try:
        channel = OrderChannel(row["channel"].lower())
    except ValueError:
        raise MasterDataError(
            f"channel {row['channel']!r} is not edifact, email or fax", row=number
        ) from None
    address = {"edifact": "edi_id", "email": "email", "fax": "fax"}[channel.value]
    _required(row, number, address)
    if channel is OrderChannel.EDIFACT:
        _required(row, number, "our_edi_id")
    language = (row.get("language") or "es").lower()
    if language not in ("es", "en"):
        raise MasterDataError(f"language {language!r}: es or en", row=number)
    old = uow.purchasing.supplier(row["supplier_id"])
    yield Supplier(
        supplier_id=row["supplier_id"], name=row["name"], channel=channel, email=row["email"] or None,
        fax=row["fax"] or None, edi_id=row["edi_id"] or None, our_edi_id=row["our_edi_id"] or None,
        street=row["street"] or None, postal_code=row["postal_code"] or None, city=row["city"] or None,
        country=(row["country"] or "").upper() or None, language=language,
        currency=(row["currency"] or "EUR").upper(), next_control_ref=old.next_control_ref if old else 1,
    )  # fmt: skip


def _offer(uow: PurchasingUnitOfWork, row: dict[str, str], number: int) -> Iterator[Row]:
    _required(row, number, "supplier_id", "sku", "supplier_item_code", "pack", "price", "currency")
    if uow.purchasing.supplier(row["supplier_id"]) is None:
        raise MasterDataError(f"supplier {row['supplier_id']!r} does not exist", row=number)
    if uow.master.product(row["sku"]) is None:
        raise MasterDataError(f"product {row['sku']!r} does not exist", row=number)
    lead = row.get("lead_time_days") or "0"
    if not lead.isdigit():
        raise MasterDataError(f"lead_time_days {lead!r} is not a whole number of days", row=number)
    yield SupplierProduct(
        supplier_id=row["supplier_id"], sku=row["sku"], supplier_item_code=row["supplier_item_code"],
        pack=_decimal(row, "pack", number, positive=True), price=_decimal(row, "price", number),
        currency=row["currency"].upper(), lead_time_days=int(lead),
        min_order_qty=_decimal(row, "min_order_qty", number) if row.get("min_order_qty") else Decimal(0),
    )  # fmt: skip
    warehouses = uow.supply.warehouses()
    for code in (row.get("preferred_for") or "").split():
        if code not in warehouses:
            raise MasterDataError(f"preferred_for names warehouse {code!r}, which does not exist", row=number)
        yield Preference(row["sku"], code, row["supplier_id"])


def _rule(uow: PurchasingUnitOfWork, row: dict[str, str], number: int) -> Iterator[Row]:
    _required(row, number, "sku", "warehouse", "reorder_point", "order_up_to")
    if uow.master.product(row["sku"]) is None:
        raise MasterDataError(f"product {row['sku']!r} does not exist", row=number)
    if row["warehouse"] not in uow.supply.warehouses():
        raise MasterDataError(f"warehouse {row['warehouse']!r} does not exist", row=number)
    point, up_to = _decimal(row, "reorder_point", number), _decimal(row, "order_up_to", number)
    if up_to < point:
        raise MasterDataError(f"order_up_to {up_to} is below reorder_point {point}", row=number)
    yield ReorderRule(row["sku"], row["warehouse"], point, up_to)


READERS: dict[str, Callable[[PurchasingUnitOfWork, dict[str, str], int], Iterator[Row]]] = {
    "suppliers": _supplier,
    "supplier-products": _offer,
    "reorder": _rule,
}


def import_csv(uow: PurchasingUnitOfWork, kind: str, text: str) -> ImportReport:
    """Upsert every row in one transaction; a bad row rolls it all back, so nothing is loaded."""
    with uow:
        created = updated = 0
        for number, row in csv_rows(kind, text, COLUMNS[kind]):
            for item in READERS[kind](uow, row, number):
                new = uow.purchasing.upsert(item)
                if isinstance(item, Preference):
                    continue
                created, updated = created + new, updated + (not new)
        uow.commit()
    return ImportReport(kind, created, updated)

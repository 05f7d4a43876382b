"""Importing master data from CSV files: the contract's (products, customers, customer item codes, prices
and packs) and the commercial terms beyond it (groups, group and customer lists, categories, promotions)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from core.catalog.domain.membership import CustomerGroup, ProductCategory
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceRow
from core.catalog.domain.promotions import Promotion
from core.catalog.services import promotions_import
from core.catalog.services.terms_import import (
    customer_group,
    customer_list_row,
    group_price_row,
    pack,
    price_row,
    product_category,
)
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.domain.model import Customer, CustomerItem, Product
from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import open_csv

COLUMNS: dict[str, tuple[str, ...]] = {
    "products": ("sku", "name", "description_en", "gtin", "unit", "price", "currency"),
    "customers": (
        "customer_id",
        "name",
        "email",
        "fax",
        "gln",
        "street",
        "postal_code",
        "city",
        "country",
        "language",
    ),
    "customer-items": ("customer_id", "customer_item_code", "sku"),
    "prices": ("customer_id", "sku", "unit_price", "currency", "min_quantity", "valid_from", "valid_to"),
    "units": ("sku", "unit", "factor", "gtin"),
    # commercial terms beyond the contract's files (docs/commercial-terms.md)
    "customer-groups": ("customer_id", "group"),
    "group-prices": ("group", "sku", "unit_price", "currency", "min_quantity", "valid_from", "valid_to"),
    "customer-prices": (
        "customer_id",
        "sku",
        "unit_price",
        "currency",
        "min_quantity",
        "valid_from",
        "valid_to",
    ),
    "categories": ("sku", "category"),
    "promotions": promotions_import.COLUMNS,
}
# Columns a file may add to the contract's: blank, the value is unknown; absent from the file, the
# value stored before stays (a file written to the first contract must not wipe them).
OPTIONAL: dict[str, tuple[str, ...]] = {"customers": ("vat_id", "phone")}
REQUIRED: dict[str, tuple[str, ...]] = {
    "products": ("sku", "name"),
    "customers": ("customer_id", "name"),
    "customer-items": ("customer_id", "customer_item_code", "sku"),
    "prices": ("sku", "unit_price", "currency"),
    "units": ("sku", "unit", "factor"),
    "customer-groups": ("customer_id", "group"),
    "group-prices": ("group", "sku", "unit_price", "currency"),
    "customer-prices": ("customer_id", "sku", "unit_price", "currency"),
    "categories": ("sku", "category"),
    "promotions": ("promotion_id", "kind", "scope"),
}
Terms = PriceRow | Pack | CustomerGroup | ProductCategory | Promotion
MasterRow = Customer | Product | CustomerItem | Terms


@dataclass(frozen=True)
class ImportReport:
    kind: str
    created: int
    updated: int


def _rows(kind: str, text: str) -> Iterator[tuple[int, dict[str, str | None]]]:
    header, rows = open_csv(text)
    missing = [c for c in COLUMNS[kind] if c not in header]
    if missing:
        raise MasterDataError(f"{kind} file lacks column(s): {', '.join(missing)}", row=1)
    for number, raw in rows:
        if None in raw:
            raise MasterDataError(
                f"more cells than the header has columns (a decimal comma? prices use '.'): {raw[None]}",
                row=number,
            )
        row = {k.strip(): (v.strip() or None) if isinstance(v, str) else None for k, v in raw.items() if k}
        for column in REQUIRED[kind]:
            if not row.get(column):
                raise MasterDataError(f"{column} is empty", row=number)
        yield number, row


def _product(number: int, row: dict[str, str | None]) -> Product:
    price: Decimal | None = None
    if row["price"] is not None:
        try:
            price = Decimal(row["price"])
        except InvalidOperation:
            raise MasterDataError(f"price {row['price']!r} is not a decimal number", row=number) from None
    gtin = row["gtin"]
    if gtin is not None and not (gtin.isdigit() and len(gtin) in (8, 12, 13, 14)):
        raise MasterDataError(f"gtin {gtin!r} is not 8, 12, 13 or 14 digits", row=number)
    currency = row["currency"].upper() if row["currency"] else None
    return Product(
        sku=str(row["sku"]),
        name=str(row["name"]),
        description_en=row["description_en"],
        gtin=gtin,
        unit=row["unit"],
        price=price,
        currency=currency,
    )


def _customer(number: int, row: dict[str, str | None]) -> Customer:
    country = row["country"].upper() if row["country"] else None
    if country is not None and len(country) != 2:
        raise MasterDataError(f"country {country!r} is not a two-letter code", row=number)
    return Customer(
        customer_id=str(row["customer_id"]),
        name=str(row["name"]),
        email=row["email"].lower() if row["email"] else None,
        fax=row["fax"],
        gln=row["gln"],
        street=row["street"],
        postal_code=row["postal_code"],
        city=row["city"],
        country=country,
        language=row["language"].lower() if row["language"] else None,
        vat_id=row.get("vat_id"),
        phone=row.get("phone"),
    )


def _customer_item(number: int, row: dict[str, str | None]) -> CustomerItem:
    return CustomerItem(
        customer_id=str(row["customer_id"]),
        customer_item_code=str(row["customer_item_code"]),
        sku=str(row["sku"]),
    )


def _keep_absent(customer: Customer, row: dict[str, str | None], stored: Customer | None) -> None:
    for column in OPTIONAL["customers"]:
        if column not in row and stored is not None:
            setattr(customer, column, getattr(stored, column))


BUILDERS: dict[str, Callable[[int, dict[str, str | None]], MasterRow]] = {
    "products": _product,
    "customers": _customer,
    "customer-items": _customer_item,
    "prices": price_row,
    "units": pack,
    "customer-groups": customer_group,
    "group-prices": group_price_row,
    "customer-prices": customer_list_row,
    "categories": product_category,
    "promotions": promotions_import.promotion,
}


def import_csv(
    uow: CatalogUnitOfWork, kind: str, text: str, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Upsert every row in one transaction; any bad row aborts the whole file with its row number.
    `progress(done, total)` hears after each row."""
    if kind not in COLUMNS:
        raise MasterDataError(f"unknown master-data kind {kind!r}; use one of {', '.join(COLUMNS)}")
    created = updated = 0
    rows = list(_rows(kind, text))
    with uow:
        for done, (number, row) in enumerate(rows, start=1):
            if _store(uow, BUILDERS[kind](number, row), row, number):
                created += 1
            else:
                updated += 1
            if progress is not None:
                progress(done, len(rows))
        uow.commit()
    return ImportReport(kind, created, updated)


def _store(uow: CatalogUnitOfWork, obj: MasterRow, row: dict[str, str | None], number: int) -> bool:
    """Check what the row refers to and store it; True when it was new."""
    if isinstance(obj, Product) and uow.product_extras is not None:
        # optional columns beyond the contract: cost price, VAT class (billing's)
        uow.product_extras(obj, row, number, "import", datetime.now(UTC))
    if isinstance(obj, Customer):
        _keep_absent(obj, row, uow.master.customer(obj.customer_id))
    customer_id = row.get("customer_id")
    if customer_id and not isinstance(obj, Customer) and uow.master.customer(customer_id) is None:
        raise MasterDataError(f"customer {row['customer_id']!r} does not exist", row=number)
    sku = getattr(obj, "sku", None)
    if not isinstance(obj, Product) and sku is not None and uow.master.product(sku) is None:
        raise MasterDataError(f"sku {sku!r} does not exist", row=number)
    if isinstance(obj, Customer | Product | CustomerItem):
        return uow.master.upsert(obj)
    return _store_terms(uow, obj, number)


def _store_terms(uow: CatalogUnitOfWork, obj: Terms, number: int) -> bool:
    if isinstance(obj, PriceRow):
        return uow.master.upsert_price(obj)
    if isinstance(obj, Pack):
        _check_pack_gtin(uow, obj, number)
        return uow.master.upsert_pack(obj)
    if isinstance(obj, CustomerGroup):
        return uow.master.upsert_group(obj)
    if isinstance(obj, ProductCategory):
        return uow.master.upsert_category(obj)
    _check_target(uow, obj, number)
    return uow.master.upsert_promotion(obj)


def _check_target(uow: CatalogUnitOfWork, promotion: Promotion, number: int) -> None:
    """A promotion for a product or a customer names one that exists (groups and categories may be
    named before their first member)."""
    if promotion.scope == "product" and uow.master.product(promotion.target) is None:
        raise MasterDataError(f"sku {promotion.target!r} does not exist", row=number)
    if promotion.scope == "customer" and uow.master.customer(promotion.target) is None:
        raise MasterDataError(f"customer {promotion.target!r} does not exist", row=number)


def _check_pack_gtin(uow: CatalogUnitOfWork, pack: Pack, number: int) -> None:
    """A pack's GTIN names that pack alone: not a product, not another product's or unit's pack."""
    if pack.gtin is None:
        return
    product = uow.master.product_by_gtin(pack.gtin)
    if product is not None:
        raise MasterDataError(f"gtin {pack.gtin} is the GTIN of product {product.sku}", row=number)
    other = uow.master.pack_by_gtin(pack.gtin)
    if other is not None and (other.sku, other.unit) != (pack.sku, pack.unit):
        raise MasterDataError(f"gtin {pack.gtin} is already the GTIN of {other.sku} {other.unit}", row=number)

"""Rows of the commercial-terms files as domain objects: prices (the master-data contract), group and
customer price lists, units, customer groups and product categories."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from core.catalog.domain.membership import CustomerGroup, ProductCategory
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceLevel, PriceRow
from core.kernel.errors import MasterDataError

Row = dict[str, str | None]


def decimal_cell(row: Row, column: str, number: int) -> Decimal | None:
    text = row[column]
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise MasterDataError(f"{column} {text!r} is not a decimal number", row=number) from None
    if not value.is_finite():
        raise MasterDataError(f"{column} {text!r} is not a decimal number", row=number)
    # one spelling per amount, so "10", "10.0" and "1E1" name the same quantity break
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def date_cell(row: Row, column: str, number: int) -> date | None:
    text = row[column]
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MasterDataError(f"{column} {text!r} is not an ISO date (YYYY-MM-DD)", row=number) from None


def price_row(number: int, row: Row) -> PriceRow:
    """A customer's agreed price (customer_id given) or a base-list price for everyone (blank)."""
    customer = row["customer_id"]
    return _priced(number, row, PriceLevel.AGREEMENT if customer else PriceLevel.BASE, customer or "")


def group_price_row(number: int, row: Row) -> PriceRow:
    """A price on a customer group's list."""
    return _priced(number, row, PriceLevel.GROUP_LIST, code_cell(row, "group", number))


def customer_list_row(number: int, row: Row) -> PriceRow:
    """A price on a customer's own list (below its agreed prices, above its group's list)."""
    return _priced(number, row, PriceLevel.CUSTOMER_LIST, str(row["customer_id"]))


def _priced(number: int, row: Row, level: PriceLevel, party: str) -> PriceRow:
    unit_price = decimal_cell(row, "unit_price", number)
    if unit_price is None or unit_price < 0:
        raise MasterDataError(f"unit_price {row['unit_price']!r} is not a price", row=number)
    currency = (row["currency"] or "").upper()
    if len(currency) != 3 or not currency.isalpha():
        raise MasterDataError(f"currency {row['currency']!r} is not a three-letter code", row=number)
    min_quantity = decimal_cell(row, "min_quantity", number)
    if min_quantity is not None and min_quantity <= 0:
        raise MasterDataError(f"min_quantity {row['min_quantity']!r} is not positive", row=number)
    valid_from, valid_to = date_cell(row, "valid_from", number), date_cell(row, "valid_to", number)
    if valid_from and valid_to and valid_to < valid_from:
        raise MasterDataError(f"valid_to {valid_to} is before valid_from {valid_from}", row=number)
    return PriceRow(
        level=level,
        party=party,
        sku=str(row["sku"]),
        unit_price=unit_price,
        currency=currency,
        min_quantity=min_quantity if min_quantity is not None else Decimal(1),
        valid_from=valid_from,
        valid_to=valid_to,
    )


def code_cell(row: Row, column: str, number: int) -> str:
    """A group or category code: upper case, at most 64 characters ("Ferreterías" stays accented)."""
    code = str(row[column]).strip().upper()
    if len(code) > 64:
        raise MasterDataError(f"{column} {row[column]!r} is longer than 64 characters", row=number)
    return code


def customer_group(number: int, row: Row) -> CustomerGroup:
    return CustomerGroup(customer_id=str(row["customer_id"]), group_code=code_cell(row, "group", number))


def product_category(number: int, row: Row) -> ProductCategory:
    return ProductCategory(sku=str(row["sku"]), category=code_cell(row, "category", number))


def pack(number: int, row: Row) -> Pack:
    """One pack of a product: `factor` base units in one `unit`, with the pack's own GTIN or none."""
    factor = decimal_cell(row, "factor", number)
    if factor is None or factor <= 0:
        raise MasterDataError(f"factor {row['factor']!r} is not a positive number", row=number)
    unit = str(row["unit"]).upper()
    if len(unit) > 16:
        raise MasterDataError(f"unit {row['unit']!r} is longer than 16 characters", row=number)
    gtin = row["gtin"]
    if gtin is not None and not (gtin.isdigit() and len(gtin) in (8, 12, 13, 14)):
        raise MasterDataError(f"gtin {gtin!r} is not 8, 12, 13 or 14 digits", row=number)
    return Pack(sku=str(row["sku"]), unit=unit, factor=factor, gtin=gtin)

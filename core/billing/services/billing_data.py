"""Billing set-up data from CSV files (UTF-8, header row, '.' as decimal mark), beside the master-data
contract without changing it:

- `product-costs.csv`: `sku,cost_price[,vat_class]`: standard cost (in the product's currency) and
  VAT class (general, reduced, super_reduced, exempt, or 21/10/4/0); the products file may carry the
  same two columns as extra optional columns;
- `customer-terms.csv`: `customer_id,method[,terms_days,credit_limit,currency,vat_number]`: how a
  customer pays (on_account or card); a blank credit limit means none.

A product's standard cost values its stock: setting or changing it revalues what is on hand (against
goods-received-not-invoiced for stock that had no value yet, against stock differences otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.billing.domain.ledger import GRNI, INVENTORY, STOCK_DIFFERENCES, cr, dr, entry
from core.billing.domain.payments import CustomerAccount, PaymentMethod
from core.billing.domain.tax import parse_vat_class
from core.billing.services.unit_of_work import BillingUnitOfWork
from core.kernel.domain.model import Product
from core.kernel.domain.money import ZERO, round_money
from core.kernel.errors import MasterDataError
from core.kernel.services.setup_csv import LoadReport, csv_rows

COLUMNS = {"product-costs": ("sku", "cost_price"), "customer-terms": ("customer_id", "method")}


def _rows(kind: str, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    return csv_rows(kind, text, COLUMNS[kind])


def _decimal(value: str, column: str, number: int) -> Decimal | None:
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise MasterDataError(f"{column} {value!r} is not a decimal number", row=number) from None


def set_cost(
    uow: BillingUnitOfWork, product: Product, cost: Decimal | None, actor: str, now: datetime
) -> None:
    """Give a product a standard cost, revaluing the stock on hand by the difference."""
    before = product.cost_price
    product.cost_price = cost
    on_hand = sum((lv.on_hand for lv in uow.stock.levels(sku=product.sku)), ZERO)
    currency = product.currency or "EUR"
    change = round_money(on_hand * ((cost or ZERO) - (before or ZERO)), currency)
    if change == 0:
        return
    other = GRNI if not before else STOCK_DIFFERENCES
    lines = (
        [dr(INVENTORY, change), cr(other, change)]
        if change > 0
        else [dr(other, -change), cr(INVENTORY, -change)]
    )
    what = f"Valoración de {on_hand} {product.sku}: coste {before or 0} -> {cost or 0}"
    uow.ledger.post(entry(now, "stock", what, currency, lines, actor=actor))


def product_extras(
    uow: BillingUnitOfWork,
    product: Product,
    row: Mapping[str, str | None],
    number: int,
    actor: str,
    now: datetime,
) -> None:
    """The optional columns of a products row (`cost_price`, `vat_class`); a column the file does not
    have leaves what is stored as it was."""
    stored = uow.master.product(product.sku)
    product.vat_class = stored.vat_class if stored else None
    product.cost_price = stored.cost_price if stored else None
    if "vat_class" in row:
        try:
            vat = parse_vat_class(row["vat_class"])
        except ValueError as exc:
            raise MasterDataError(str(exc), row=number) from None
        product.vat_class = str(vat) if vat else None
    if "cost_price" in row:
        set_cost(uow, stored or product, _decimal(row["cost_price"] or "", "cost_price", number), actor, now)
        product.cost_price = (stored or product).cost_price


def load_product_costs(uow: BillingUnitOfWork, text: str, actor: str, now: datetime) -> LoadReport:
    count = 0
    for number, row in _rows("product-costs", text):
        product = uow.master.product(row["sku"])
        if product is None:
            raise MasterDataError(f"sku {row['sku']!r} does not exist", row=number)
        if "vat_class" in row:
            try:
                vat = parse_vat_class(row["vat_class"])
            except ValueError as exc:
                raise MasterDataError(str(exc), row=number) from None
            product.vat_class = str(vat) if vat else None
        set_cost(uow, product, _decimal(row["cost_price"], "cost_price", number), actor, now)
        count += 1
    return LoadReport("product-costs", count)


def load_customer_terms(uow: BillingUnitOfWork, text: str) -> LoadReport:
    count = 0
    for number, row in _rows("customer-terms", text):
        if uow.master.customer(row["customer_id"]) is None:
            raise MasterDataError(f"customer {row['customer_id']!r} does not exist", row=number)
        try:
            method = PaymentMethod(row["method"] or "on_account")
        except ValueError:
            raise MasterDataError(f"method {row['method']!r} is not on_account or card", row=number) from None
        account = uow.billing.account(row["customer_id"]) or CustomerAccount(customer_id=row["customer_id"])
        account.method = method
        account.terms_days = int(row.get("terms_days") or 30)
        account.credit_limit = _decimal(row.get("credit_limit", ""), "credit_limit", number)
        account.currency = (row.get("currency") or "EUR").upper()
        account.vat_number = row.get("vat_number") or None
        uow.billing.save_account(account)
        count += 1
    return LoadReport("customer-terms", count)


def load_folder(uow: BillingUnitOfWork, folder: Path, actor: str, now: datetime) -> list[LoadReport]:
    """Whichever of the two files the folder holds, in one transaction (the caller commits)."""
    out = []
    costs, terms = folder / "product-costs.csv", folder / "customer-terms.csv"
    if costs.exists():
        out.append(load_product_costs(uow, costs.read_text(encoding="utf-8"), actor, now))
    if terms.exists():
        out.append(load_customer_terms(uow, terms.read_text(encoding="utf-8")))
    return out

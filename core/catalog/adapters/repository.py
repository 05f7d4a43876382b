"""The catalog's repository: customers, products and customer item codes, as validation and the
import read and write them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.catalog.adapters import orm
from core.catalog.adapters.terms import CommercialTermsMixin
from core.kernel.adapters.master_memo import StampedMemo
from core.kernel.domain.identity import identifier_keys
from core.kernel.domain.model import Customer, CustomerIdentifier, CustomerItem, Product
from core.kernel.domain.phone import normalise_phone


class MasterDataRepository(CommercialTermsMixin):
    """Customers, products, customer item codes and commercial terms; implements validation's
    `MasterData` and `CommercialTerms`.

    Lookups are remembered for the life of the unit of work: an interchange of a thousand orders
    names the same few products thousands of times, and each query is a round trip. With `shared`
    (a unit of work that only reads master data) they are also remembered by the process, for as
    long as no one writes master data (`core.kernel.adapters.master_memo`).
    """

    def __init__(self, session: Session, shared: StampedMemo | None = None) -> None:
        self.session = session
        self._memo: dict[tuple[str, ...], Any] = {}
        self._shared = shared

    def _remember(self, key: tuple[str, ...], load: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = load() if self._shared is None else self._shared.get(key, load)
        return self._memo[key]

    def _known(self, key: tuple[str, ...]) -> bool:
        """Whether `key` is remembered, by this unit of work or (copied into it) by the process."""
        if key in self._memo:
            return True
        if self._shared is not None:
            found, value = self._shared.peek(key)
            if found:
                self._memo[key] = value
            return found
        return False

    def _keep(self, key: tuple[str, ...], value: Any) -> None:
        self._memo.setdefault(key, value)
        if self._shared is not None:
            self._shared.put(key, value)

    def _forget(self) -> None:
        """This unit of work writes master data: what was remembered may no longer be true."""
        self._memo.clear()
        if self._shared is not None:
            self._shared.forget()
            self._shared = None

    def customer(self, customer_id: str) -> Customer | None:
        found: Customer | None = self._remember(
            ("customer", customer_id), lambda: self.session.get(Customer, customer_id)
        )
        return found

    def customer_by_gln(self, gln: str) -> Customer | None:
        def load() -> Customer | None:
            stmt = select(Customer).where(orm.customers.c.gln == gln).limit(1)
            return self.session.scalars(stmt).first()

        found: Customer | None = self._remember(("gln", gln), load)
        return found

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        """The customer with this address, else (with `domain`) the only one at the same domain.

        Every customer's addresses are read once per unit of work (and by the process, under its
        master-data stamp) and indexed by address and by domain: a sender never seen before is then
        answered without a statement, and a customer or address changed moves the stamp."""
        address = address.strip().lower()
        if "@" not in address:
            return None
        by_address, by_domain = self._remember(("email-index",), self._email_index)
        ids: frozenset[str] = by_address.get(address, frozenset())
        if domain and not ids:
            ids = by_domain.get(address.rsplit("@", 1)[1], frozenset())
        return self.customer(next(iter(ids))) if len(ids) == 1 else None

    def _email_index(self) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
        """Customer ids by each address of the e-mail column, and by each address's domain."""
        by_address: dict[str, set[str]] = {}
        by_domain: dict[str, set[str]] = {}
        c = orm.customers.c
        for customer_id, field in self.session.execute(
            select(c.customer_id, c.email).where(c.email.is_not(None))
        ):
            for known in _addresses(field):
                by_address.setdefault(known, set()).add(customer_id)
                by_domain.setdefault(known.rsplit("@", 1)[1], set()).add(customer_id)
        return _frozen(by_address), _frozen(by_domain)

    def customer_by_fax(self, number: str) -> Customer | None:
        """The only customer with this fax number once both are normalised (see core.kernel.domain.phone).

        Numbers are written too many ways to compare in SQL, so the fax column is read once per unit
        of work and indexed by normalised number; a customer's national number is read in its country.
        """
        wanted = normalise_phone(number)
        if wanted is None:
            return None

        def index() -> dict[str, list[str]]:
            rows = self.session.execute(
                select(orm.customers.c.customer_id, orm.customers.c.fax, orm.customers.c.country).where(
                    orm.customers.c.fax.is_not(None)
                )
            )
            found: dict[str, list[str]] = {}
            for customer_id, fax, country in rows:
                key = normalise_phone(fax, country or "ES")
                if key:
                    found.setdefault(key, []).append(customer_id)
            return found

        ids: list[str] = self._remember(("fax-index",), index).get(wanted, [])
        return self.customer(ids[0]) if len(ids) == 1 else None

    def customers_by_identifier(self, kind: str, value: str, *, learned: bool = True) -> Sequence[Customer]:
        """Every customer known by this identifier: in its master-data columns (VAT id, GLN, e-mail,
        phone and fax, a number read in the customer's own country) and, with `learned`, confirmed by
        a clerk (`CustomerIdentifier`).

        Phone and fax numbers are one kind here: the same line is printed as either. The columns are
        read once per unit of work and indexed by key (see `core.kernel.domain.identity`).
        """
        columns, confirmed = self._remember(("identifier-index",), self._identifier_index)
        ids: set[str] = set()
        for key in identifier_keys(kind, value):
            ids |= columns.get(key, set()) | (confirmed.get(key, set()) if learned else set())
        return [c for c in (self.customer(i) for i in sorted(ids)) if c is not None]

    def _identifier_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        c = orm.customers.c
        columns: dict[str, set[str]] = {}
        confirmed: dict[str, set[str]] = {}

        def add(
            index: dict[str, set[str]], customer_id: str, kind: str, value: str | None, country: str
        ) -> None:
            for key in identifier_keys(kind, value, country):
                index.setdefault(key, set()).add(customer_id)

        countries: dict[str, str] = {}
        rows = self.session.execute(
            select(c.customer_id, c.vat_id, c.gln, c.email, c.fax, c.phone, c.country)
        )
        for customer_id, vat_id, gln, email, fax, phone, country in rows:
            countries[customer_id] = country = country or "ES"
            add(columns, customer_id, "vat", vat_id, country)
            add(columns, customer_id, "gln", gln, country)
            for address in _addresses(email):
                add(columns, customer_id, "email", address, country)
            add(columns, customer_id, "fax", fax, country)
            add(columns, customer_id, "phone", phone, country)
        for item in self.session.scalars(select(CustomerIdentifier)):
            add(confirmed, item.customer_id, item.kind, item.value, countries.get(item.customer_id, "ES"))
        return columns, confirmed

    def add_identifier(self, item: CustomerIdentifier) -> bool:
        """Record an identifier a clerk confirmed as the customer's; False when it was known already."""
        self._forget()
        key = (item.customer_id, item.kind, item.value)
        if self.session.get(CustomerIdentifier, key) is not None:
            return False
        self.session.add(item)
        self.session.flush()
        return True

    def remove_identifier(self, customer_id: str, kind: str, value: str) -> None:
        self._forget()
        t = orm.customer_identifiers
        self.session.execute(
            delete(t).where(t.c.customer_id == customer_id, t.c.kind == kind, t.c.value == value)
        )

    def product(self, sku: str) -> Product | None:
        found: Product | None = self._remember(("sku", sku), lambda: self.session.get(Product, sku))
        return found

    def prefetch_products(self, codes: Iterable[str], *, terms: bool = True) -> None:
        """Read the products these codes name as SKUs (with `terms`, their price rows and packs too) in
        one statement each, and remember them, and the codes naming nothing, for this unit of work: an
        e-mail's five lines asked for each one by one, fifteen round trips where three do."""
        wanted = sorted({c for c in codes if c and not self._known(("sku", c))})
        if wanted:
            found = {
                p.sku: p for p in self.session.scalars(select(Product).where(orm.products.c.sku.in_(wanted)))
            }
            for code in wanted:
                self._keep(("sku", code), found.get(code))
        if terms:
            self.prefetch_terms(sorted({c for c in codes if c}))

    def product_by_gtin(self, gtin: str) -> Product | None:
        def load() -> Product | None:
            stmt = select(Product).where(orm.products.c.gtin == gtin).limit(1)
            return self.session.scalars(stmt).first()

        found: Product | None = self._remember(("gtin", gtin), load)
        return found

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None:
        def load() -> str | None:
            stmt = select(orm.customer_items.c.sku).where(
                orm.customer_items.c.customer_id == customer_id,
                orm.customer_items.c.customer_item_code == code,
            )
            return self.session.scalars(stmt).first()

        found: str | None = self._remember(("item", customer_id, code), load)
        return found

    def customer_codes(self, customer_id: str) -> dict[str, str]:
        def load() -> dict[str, str]:
            t = orm.customer_items
            rows = self.session.execute(
                select(t.c.customer_item_code, t.c.sku).where(t.c.customer_id == customer_id)
            )
            return {code: sku for code, sku in rows}

        found: dict[str, str] = self._remember(("items-of", customer_id), load)
        return found

    def remove_customer_item(self, customer_id: str, code: str, sku: str) -> None:
        self._forget()
        self.session.execute(
            delete(orm.customer_items).where(
                orm.customer_items.c.customer_id == customer_id,
                orm.customer_items.c.customer_item_code == code,
                orm.customer_items.c.sku == sku,
            )
        )

    def upsert(self, obj: Customer | Product | CustomerItem) -> bool:
        """Insert or update by primary key; True when it was new."""
        self._forget()
        existing = self.session.merge(obj)
        return existing is not None and existing in self.session.new

    def customers(self) -> Sequence[Customer]:
        found: Sequence[Customer] = self._remember(
            ("customers",),
            lambda: self.session.scalars(select(Customer).order_by(orm.customers.c.customer_id)).all(),
        )
        return found

    def products(self) -> Sequence[Product]:
        found: Sequence[Product] = self._remember(
            ("products",), lambda: self.session.scalars(select(Product).order_by(orm.products.c.sku)).all()
        )
        return found

    def costs(self, skus: Iterable[str]) -> dict[str, tuple[Decimal | None, str]]:
        """Standard cost and its currency (EUR when the product names none) of each of the SKUs."""
        p = orm.products.c
        stmt = select(p.sku, p.cost_price, p.currency).where(p.sku.in_(sorted(set(skus))))
        rows = self.session.execute(stmt)
        return {sku: (cost, currency or "EUR") for sku, cost, currency in rows}

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(orm.customers)) or 0) + int(
            self.session.scalar(select(func.count()).select_from(orm.products)) or 0
        )


def _frozen(index: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """An index as kept by the process: read by every thread, changed by none."""
    return {key: frozenset(ids) for key, ids in index.items()}


def _addresses(field: str | None) -> set[str]:
    """The addresses in a master-data e-mail cell (one, or several separated by commas or semicolons)."""
    return {a.strip().lower() for a in re.split(r"[,;\s]+", field or "") if "@" in a}

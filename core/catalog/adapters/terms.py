"""The catalog's commercial terms as the repository reads and writes them: price rows, packs, customer
groups, product categories and promotions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.catalog.adapters import orm
from core.catalog.domain.membership import CustomerGroup, ProductCategory
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceRow
from core.catalog.domain.promotions import Promotion


class CommercialTermsMixin:
    """Price rows and packs; part of `MasterDataRepository` (validation's `CommercialTerms`)."""

    session: Session
    _memo: dict[tuple[str, ...], Any]
    _remember: Callable[[tuple[str, ...], Callable[[], Any]], Any]
    _known: Callable[[tuple[str, ...]], bool]
    _keep: Callable[[tuple[str, ...], Any], None]
    _forget: Callable[[], None]

    def prices_for(self, sku: str) -> Sequence[PriceRow]:
        """Every price row of the SKU, at every level, whatever its dates and currency."""
        # the statement is built only when not remembered: building it costs more than the lookup
        found: Sequence[PriceRow] = self._remember(
            ("prices", sku),
            lambda: self.session.scalars(
                select(PriceRow).where(orm.prices.c.sku == sku).order_by(orm.prices.c.id)
            ).all(),
        )
        return found

    def price_memo(self) -> dict[tuple[object, ...], Any]:
        """Where validation keeps the prices it worked out from these rows, for as long as the rows
        are remembered (the unit of work): a thousand-order interchange asks the same few hundred
        questions."""
        memo: dict[tuple[object, ...], Any] = self._remember(("price-memo",), dict)
        return memo

    def packs_for(self, sku: str) -> Sequence[Pack]:
        found: Sequence[Pack] = self._remember(
            ("packs", sku),
            lambda: self.session.scalars(
                select(Pack).where(orm.product_units.c.sku == sku).order_by(orm.product_units.c.unit)
            ).all(),
        )
        return found

    def prefetch_terms(self, skus: Sequence[str]) -> None:
        """Every price row and pack of these SKUs in one statement each, remembered as `prices_for` and
        `packs_for` would have read them one SKU at a time (same rows, same order)."""
        wanted = [s for s in skus if not (self._known(("prices", s)) and self._known(("packs", s)))]
        if not wanted:
            return
        prices: dict[str, list[PriceRow]] = {s: [] for s in wanted}
        p = orm.prices.c
        for row in self.session.scalars(select(PriceRow).where(p.sku.in_(wanted)).order_by(p.sku, p.id)):
            prices[row.sku].append(row)
        packs: dict[str, list[Pack]] = {s: [] for s in wanted}
        u = orm.product_units.c
        for pack in self.session.scalars(select(Pack).where(u.sku.in_(wanted)).order_by(u.sku, u.unit)):
            packs[pack.sku].append(pack)
        for sku in wanted:
            self._keep(("prices", sku), prices[sku])
            self._keep(("packs", sku), packs[sku])

    def pack_by_gtin(self, gtin: str) -> Pack | None:
        found: Pack | None = self._remember(
            ("pack-gtin", gtin),
            lambda: self.session.scalars(
                select(Pack).where(orm.product_units.c.gtin == gtin).limit(1)
            ).first(),
        )
        return found

    def upsert_price(self, row: PriceRow) -> bool:
        """Store the row, replacing the one with the same level, party, SKU, break and first day;
        True when it was new."""
        self._forget()
        p = orm.prices.c
        same = select(PriceRow).where(
            p.level == row.level,
            p.party == row.party,
            p.sku == row.sku,
            p.min_quantity == row.min_quantity,
            p.valid_from.is_(None) if row.valid_from is None else p.valid_from == row.valid_from,
        )
        stored = self.session.scalars(same).first()
        if stored is None:
            self.session.add(row)
            self.session.flush()
            return True
        stored.unit_price, stored.currency, stored.valid_to = row.unit_price, row.currency, row.valid_to
        self.session.flush()
        return False

    def upsert_pack(self, pack: Pack) -> bool:
        """Store the pack by SKU and unit; True when it was new."""
        self._forget()
        new = self.session.get(Pack, (pack.sku, pack.unit)) is None
        self.session.merge(pack)
        self.session.flush()
        return new

    def group_of(self, customer_id: str) -> str | None:
        """The customer's group, None when it belongs to none."""
        found: CustomerGroup | None = self._remember(
            ("group", customer_id), lambda: self.session.get(CustomerGroup, customer_id)
        )
        return found.group_code if found else None

    def categories(self) -> dict[str, str]:
        """Every product's category, by SKU."""
        c = orm.product_categories.c

        def load() -> dict[str, str]:
            return {sku: category for sku, category in self.session.execute(select(c.sku, c.category))}

        found: dict[str, str] = self._remember(("categories",), load)
        return found

    def promotions(self) -> Sequence[Promotion]:
        """Every promotion, whatever its dates."""
        # the statement is built only when not remembered: every order asks, and building it cost
        # more than the rest of the lookup
        found: Sequence[Promotion] = self._remember(
            ("promotions",),
            lambda: self.session.scalars(select(Promotion).order_by(orm.promotions.c.promotion_id)).all(),
        )
        return found

    def groups(self) -> Sequence[CustomerGroup]:
        stmt = select(CustomerGroup).order_by(
            orm.customer_groups.c.group_code, orm.customer_groups.c.customer_id
        )
        return self.session.scalars(stmt).all()

    def price_rows(self, level: str | None = None) -> Sequence[PriceRow]:
        """Every price row (of one level), by level, party, SKU and break."""
        p = orm.prices.c
        stmt = select(PriceRow).order_by(p.level, p.party, p.sku, p.min_quantity, p.valid_from)
        if level is not None:
            stmt = stmt.where(p.level == level)
        return self.session.scalars(stmt).all()

    def upsert_group(self, member: CustomerGroup) -> bool:
        """Put the customer in the group (out of any other); True when it had none."""
        self._forget()
        new = self.session.get(CustomerGroup, member.customer_id) is None
        self.session.merge(member)
        self.session.flush()
        return new

    def upsert_category(self, item: ProductCategory) -> bool:
        self._forget()
        new = self.session.get(ProductCategory, item.sku) is None
        self.session.merge(item)
        self.session.flush()
        return new

    def upsert_promotion(self, promotion: Promotion) -> bool:
        self._forget()
        new = self.session.get(Promotion, promotion.promotion_id) is None
        self.session.merge(promotion)
        self.session.flush()
        return new

    def remove_promotion(self, promotion_id: str) -> bool:
        self._forget()
        found = self.session.get(Promotion, promotion_id)
        if found is None:
            return False
        self.session.delete(found)
        self.session.flush()
        return True

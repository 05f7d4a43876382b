"""The stock repository's shipping master data: products' shipping attributes, the carriers' services,
rate tables and surcharges (replaced whole), and customers' delivery preferences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from core.fulfilment.adapters.orm import (
    carrier_rates,
    carrier_services,
    carrier_surcharges,
    customer_preferences,
    product_shipping,
)
from core.fulfilment.domain.shipping import (
    CarrierService,
    GoodsClass,
    ProductShipping,
    Rate,
    Surcharge,
    SurchargeRule,
)
from core.fulfilment.domain.stock import CustomerPreferences
from core.kernel.adapters.bulk import any_of


class ShippingQueries:
    """`StockRepository`'s shipping master data; the preferences read in the unit of work are the
    repository's (`__init__`)."""

    session: Session
    _preferences: dict[str, CustomerPreferences]  # by customer id ("" for none), read in this unit of work

    # -- product attributes, carriers, preferences ---------------------------------------------
    def shipping_attributes(self, skus: Iterable[str]) -> dict[str, ProductShipping]:
        """Every SKU's attributes; a SKU without a row gets the defaults."""
        wanted = sorted(set(skus))
        stmt = select(ProductShipping).where(product_shipping.c.sku.in_(wanted))
        found = {p.sku: p for p in self.session.scalars(stmt)}
        return {sku: found.get(sku) or ProductShipping(sku=sku) for sku in wanted}

    def save_shipping_attributes(self, attributes: ProductShipping) -> None:
        self.session.merge(attributes)

    def carrier_services(self) -> list[CarrierService]:
        rows = self.session.execute(select(carrier_services).order_by(carrier_services.c.carrier))
        return [
            CarrierService(
                carrier=r.carrier,
                service=r.service,
                name=r.name,
                transit_days=r.transit_days,
                classes=frozenset(GoodsClass(c) for c in r.classes.split()),
                fragile_ok=r.fragile_ok,
                max_parcel_kg=r.max_parcel_kg,
                currency=r.currency,
            )
            for r in rows
        ]

    def carrier_rates(self) -> list[Rate]:
        rows = self.session.execute(select(carrier_rates))
        return [Rate(r.carrier, r.service, r.zone, r.up_to_kg, r.price) for r in rows]

    def carrier_surcharges(self) -> list[SurchargeRule]:
        rows = self.session.execute(select(carrier_surcharges))
        return [
            SurchargeRule(r.carrier, Surcharge(r.kind), r.per_parcel, r.percent, r.threshold) for r in rows
        ]

    def replace_carrier_tables(
        self, services: Sequence[CarrierService], rates: Sequence[Rate], surcharges: Sequence[SurchargeRule]
    ) -> None:
        """Put these tables in place of the stored ones (rate tables are loaded whole)."""
        for table in (carrier_rates, carrier_surcharges, carrier_services):
            self.session.execute(delete(table))
        service_rows = [
            {
                "carrier": s.carrier,
                "service": s.service,
                "name": s.name,
                "transit_days": s.transit_days,
                "classes": " ".join(sorted(s.classes)),
                "fragile_ok": s.fragile_ok,
                "max_parcel_kg": s.max_parcel_kg,
                "currency": s.currency,
            }
            for s in services
        ]
        rate_rows = [
            {
                "carrier": r.carrier,
                "service": r.service,
                "zone": r.zone,
                "up_to_kg": r.up_to_kg,
                "price": r.price,
            }
            for r in rates
        ]
        surcharge_rows = [
            {
                "carrier": s.carrier,
                "kind": str(s.kind),
                "per_parcel": s.per_parcel,
                "percent": s.percent,
                "threshold": s.threshold,
            }
            for s in surcharges
        ]
        for table, rows in (
            (carrier_services, service_rows),
            (carrier_rates, rate_rows),
            (carrier_surcharges, surcharge_rows),
        ):
            if rows:
                self.session.execute(insert(table), rows)

    def preferences(self, customer_id: str | None) -> CustomerPreferences:
        """The customer's preferences (remembered for the unit of work: batches ask per order)."""
        key = customer_id or ""
        if key not in self._preferences:
            found = self.session.get(CustomerPreferences, customer_id) if customer_id else None
            self._preferences[key] = found or CustomerPreferences(customer_id=key)
        return self._preferences[key]

    def read_preferences(self, customer_ids: Iterable[str | None]) -> None:
        """Read the preferences of these customers not read yet in one statement, for the
        `preferences` calls that follow (a batch of orders from many customers)."""
        missing = sorted({c for c in customer_ids if c and c not in self._preferences})
        if not missing:
            return
        column = customer_preferences.c.customer_id
        stmt = select(CustomerPreferences).where(any_of(self.session, column, missing, column.type))
        found = {p.customer_id: p for p in self.session.scalars(stmt)}
        for key in missing:
            self._preferences[key] = found.get(key) or CustomerPreferences(customer_id=key)

    def save_preferences(self, preferences: CustomerPreferences) -> None:
        self._preferences.clear()
        self.session.merge(preferences)

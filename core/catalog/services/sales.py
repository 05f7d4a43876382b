"""Prospects and quotes: a lead is written down (by hand or from an order whose sender nobody knew),
offered prices, and becomes a customer; an accepted quote's prices become the customer's agreed prices
for the quote's validity, so the order made of it checks against what was offered."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Protocol

from core.catalog.domain.pricing import LEVELS, PriceLevel, PriceRow, list_row, resolve_price
from core.catalog.domain.prospects import SOURCES, Prospect, ProspectStatus
from core.catalog.domain.quotes import Quote, QuoteState
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.domain.events import MessageQueued
from core.kernel.domain.model import Customer, OutboundMessage
from core.kernel.errors import NotFound, SalesError

QUOTE_VALID_DAYS = 30
DETAILS = ("email", "phone", "fax", "vat_id", "street", "postal_code", "city", "country", "language", "notes")


def add_prospect(
    uow: CatalogUnitOfWork, name: str, source: str, owner: str, now: datetime, **details: str | None
) -> Prospect:
    if not name.strip():
        raise SalesError("a prospect needs a name")
    if source not in SOURCES:
        raise SalesError(f"source {source!r} is none of {', '.join(SOURCES)}")
    unknown = set(details) - set(DETAILS)
    if unknown:
        raise SalesError(f"no such prospect detail: {', '.join(sorted(unknown))}")
    clean = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in details.items()}
    if clean.get("email"):
        clean["email"] = str(clean["email"]).lower()
    if clean.get("country"):
        clean["country"] = str(clean["country"]).upper()[:2]
    prospect = Prospect(name=name.strip(), source=source, owner=owner, created_at=now)
    for key, value in clean.items():
        setattr(prospect, key, value if key != "notes" else (value or ""))
    with uow:
        uow.sales.add(prospect)
        uow.commit()
    return prospect


def move_prospect(
    uow: CatalogUnitOfWork, prospect_id: int, status: ProspectStatus, owner: str | None
) -> Prospect:
    with uow:
        prospect = _prospect(uow, prospect_id)
        prospect.move(status)
        if owner:
            prospect.owner = owner
        uow.commit()
    return prospect


def convert(uow: CatalogUnitOfWork, prospect_id: int, customer_id: str | None = None) -> Customer:
    """Make the prospect a customer with everything it had; its quotes become the customer's."""
    with uow:
        customer = _convert(uow, _prospect(uow, prospect_id), customer_id)
        uow.commit()
    return customer


def _convert(uow: CatalogUnitOfWork, prospect: Prospect, customer_id: str | None) -> Customer:
    wanted = customer_id or _free_id(uow, prospect.name)
    if uow.master.customer(wanted) is not None:
        raise SalesError(f"customer {wanted} exists already: choose another customer id")
    customer = prospect.as_customer(wanted)
    uow.master.upsert(customer)
    uow.flush()  # the customer row goes in before the prospect names it
    prospect.won_as(wanted)
    for quote in uow.sales.quotes(prospect_id=prospect.id):
        quote.customer_id = wanted
    uow.flush()
    return customer


def _free_id(uow: CatalogUnitOfWork, name: str) -> str:
    """A customer id from the name ("Ferretería Núñez S.L." → "FERRETERIA-NUNEZ-SL"), numbered if taken."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[A-Za-z0-9]+", plain)).upper()[:40] or "CUSTOMER"
    candidate, n = base, 1
    while uow.master.customer(candidate) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@dataclass(frozen=True)
class Offer:
    """A line to quote: the price None takes the one this customer would pay today."""

    sku: str
    quantity: Decimal
    unit_price: Decimal | None = None


def create_quote(
    uow: CatalogUnitOfWork,
    offers: list[Offer],
    by: str,
    now: datetime,
    *,
    prospect_id: int | None = None,
    customer_id: str | None = None,
    currency: str = "EUR",
    valid_until: date | None = None,
    note: str = "",
) -> Quote:
    if (prospect_id is None) == (customer_id is None):
        raise SalesError("a quote is for one prospect or one customer")
    with uow:
        if prospect_id is not None:
            prospect = _prospect(uow, prospect_id)
            customer_id = prospect.customer_id
        elif uow.master.customer(customer_id or "") is None:
            raise NotFound(f"no customer {customer_id}")
        quote = Quote(
            currency=currency.upper(),
            created_at=now,
            created_by=by,
            valid_until=valid_until or (now.date() + timedelta(days=QUOTE_VALID_DAYS)),
            prospect_id=prospect_id,
            customer_id=customer_id,
            note=note,
        )
        for offer in offers:
            _offer(uow, quote, offer, now.date())
        uow.sales.add(quote)
        uow.commit()
    return quote


def _offer(uow: CatalogUnitOfWork, quote: Quote, offer: Offer, today: date) -> None:
    product = uow.master.product(offer.sku)
    if product is None:
        raise NotFound(f"no product {offer.sku}")
    price, source = offer.unit_price, "typed by hand"
    if price is None:
        rows = [*uow.master.prices_for(product.sku)]
        own = list_row(product)
        rows += [own] if own is not None else []
        found = resolve_price(
            rows,
            sku=product.sku,
            customer_id=quote.customer_id,
            group=None,
            quantity=offer.quantity,
            on=today,
            currency=quote.currency,
        )
        if found is None:
            raise SalesError(f"{product.sku} has no price in {quote.currency}: give one")
        price, source = found.unit_price, found.describe()
    quote.add_line(product.sku, product.name, offer.quantity, price, unit=product.unit, price_source=source)


class Compose(Protocol):
    """Writes the e-mail that offers a quote (the composition root passes the e-mail channel's)."""

    def __call__(
        self, quote: Quote, to: str, addressee: str, language: str | None, now: datetime
    ) -> OutboundMessage: ...


def send_quote(uow: CatalogUnitOfWork, quote_id: int, compose: Compose, now: datetime) -> Quote:
    """Offer the quote to its prospect's or customer's e-mail address: the message waits in the outbox
    in the same transaction that marks the quote sent, and goes out by a job after commit."""
    with uow:
        quote = _quote(uow, quote_id, lock=True)
        email, name, language = addressee(uow, quote)
        if not email:
            raise SalesError(f"quote {quote.number}: its prospect or customer has no e-mail address")
        quote.send(email, now)
        if quote.prospect_id is not None:
            prospect = _prospect(uow, quote.prospect_id)
            if prospect.status in (ProspectStatus.NEW, ProspectStatus.CONTACTED, ProspectStatus.QUALIFIED):
                prospect.move(ProspectStatus.QUOTED)
        message = compose(quote, email, name, language, now)
        uow.outbound.add(message)
        uow.flush()
        assert message.id is not None
        uow.emit(MessageQueued(message.id))
        uow.commit()
    return quote


def addressee(uow: CatalogUnitOfWork, quote: Quote) -> tuple[str | None, str, str | None]:
    if quote.customer_id is not None and (customer := uow.master.customer(quote.customer_id)):
        return customer.email, customer.name, customer.language
    prospect = _prospect(uow, quote.prospect_id or 0)
    return prospect.email, prospect.name, prospect.language


def accept(uow: CatalogUnitOfWork, quote_id: int, by: str, now: datetime) -> Quote:
    """The customer took the quote: a prospect becomes a customer, the quoted prices become its agreed
    prices until the quote's end, and the quote is ready to be stored as an order document. Accepting
    an accepted quote whose document was never stored (a crash in between) hands it out again."""
    with uow:
        quote = _quote(uow, quote_id, lock=True)
        if quote.state is QuoteState.ACCEPTED and quote.document_id is None:
            return quote
        customer_id = quote.customer_id
        if customer_id is None:
            customer_id = _convert(uow, _prospect(uow, quote.prospect_id or 0), None).customer_id
        elif quote.prospect_id is not None:
            prospect = _prospect(uow, quote.prospect_id)
            if prospect.status is ProspectStatus.QUOTED:
                prospect.status = ProspectStatus.WON
        quote.accept(customer_id, by, now)
        _agree(uow, quote, customer_id)
        uow.commit()
    return quote


def _agree(uow: CatalogUnitOfWork, quote: Quote, customer_id: str) -> None:
    """A quoted price that differs from what the customer pays today is agreed until the quote's end."""
    for line in quote.lines:
        rows = [r for r in uow.master.prices_for(line.sku) if r.level in LEVELS]
        product = uow.master.product(line.sku)
        own = list_row(product) if product else None
        today = quote.decided_at.date() if quote.decided_at else quote.valid_until
        found = resolve_price(
            [*rows, *([own] if own else [])],
            sku=line.sku,
            customer_id=customer_id,
            group=None,
            quantity=line.quantity,
            on=today,
            currency=quote.currency,
        )
        if found is not None and found.unit_price == line.unit_price:
            continue
        uow.master.upsert_price(
            PriceRow(
                PriceLevel.AGREEMENT,
                customer_id,
                line.sku,
                line.unit_price,
                quote.currency,
                valid_from=quote.created_at.date(),
                valid_to=quote.valid_until,
            )
        )


def stored_as(uow: CatalogUnitOfWork, quote_id: int, document_id: int) -> None:
    with uow:
        _quote(uow, quote_id, lock=True).document_id = document_id
        uow.commit()


def reject(uow: CatalogUnitOfWork, quote_id: int, by: str, now: datetime, *, withdraw: bool = False) -> Quote:
    with uow:
        quote = _quote(uow, quote_id, lock=True)
        quote.withdraw(by, now) if withdraw else quote.reject(by, now)
        uow.commit()
    return quote


def _prospect(uow: CatalogUnitOfWork, prospect_id: int) -> Prospect:
    prospect = uow.sales.prospect(prospect_id)
    if prospect is None:
        raise NotFound(f"no prospect {prospect_id}")
    return prospect


def _quote(uow: CatalogUnitOfWork, quote_id: int, *, lock: bool = False) -> Quote:
    quote = uow.sales.quote(quote_id, lock=lock)
    if quote is None:
        raise NotFound(f"no quote {quote_id}")
    return quote


def prospect_from_order(uow: CatalogUnitOfWork, order_id: int, owner: str, now: datetime) -> Prospect:
    """A prospect of an order's unknown sender, with the name, address and identifiers the document
    printed (the review screen's "new prospect"); the same sender twice gives the same prospect."""
    with uow:
        order = uow.orders.get(order_id)
        if order is None:
            raise NotFound(f"no order {order_id}")
        if order.customer_id is not None:
            raise SalesError(f"order {order_id} is from customer {order.customer_id}, no prospect")
        found = {str(i.get("kind")): str(i.get("value")) for i in order.identifiers if i.get("value")}
        email = (found.get("email") or "").lower() or None
        if email and (known := uow.sales.prospect_by_email(email)) is not None:
            return known
        prospect = Prospect(
            name=order.buyer_name or order.ship_to_name or email or f"sender of order {order_id}",
            source="review-queue",
            owner=owner,
            created_at=now,
            email=email,
            phone=found.get("phone"),
            fax=found.get("fax"),
            vat_id=found.get("vat"),
            street=order.ship_to_street,
            postal_code=order.ship_to_postal_code,
            city=order.ship_to_city,
            country=order.ship_to_country,
            notes=f"from order {order_id} ({order.channel})",
        )
        uow.sales.add(prospect)
        uow.commit()
    return prospect

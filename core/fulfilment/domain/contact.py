"""Reaching an order's customer: where its goods go and on which channel the customer hears about it,
the order's own parties first and master data second."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.kernel.domain.model import Customer, Order


def delivery_address(order: Order, customer: Customer | None) -> tuple[str, str, str, str, str]:
    """Name, street, postal code, city and country to deliver to: the order's delivery party, or
    the customer's address from master data where the order names none."""
    if order.ship_to_street or order.ship_to_city or customer is None:
        return (
            order.ship_to_name or order.buyer_name or "",
            order.ship_to_street or "",
            order.ship_to_postal_code or "",
            order.ship_to_city or "",
            (order.ship_to_country or "").upper(),
        )
    return (
        order.ship_to_name or customer.name,
        customer.street or "",
        customer.postal_code or "",
        customer.city or "",
        (customer.country or "").upper(),
    )


class Reach(Protocol):
    """A channel as the core sees it when choosing where to tell a customer something.

    The composition root registers the channels (`outbound.channel`); the core knows none by name.
    """

    @property
    def name(self) -> str: ...

    @property
    def structured(self) -> bool:
        """Speaks in structured messages to a trading partner (EDIFACT): only news that has a message."""
        ...

    @property
    def fallback(self) -> bool:
        """A contact channel of master data, tried in order when the order's own cannot be used."""
        ...

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        """The address on this channel for the order's customer; None when there is none."""
        ...


def choose_channel(
    order: Order,
    customer: Customer | None,
    preferred: str | None,
    channels: Sequence[Reach],
    *,
    structured: bool,
) -> tuple[str, str | None]:
    """The channel to tell the customer on, and the address there (None when there is none).

    The customer's `preferred` channel, else the one the order came on, else the first fallback
    channel master data has an address for (the first fallback when it has none). A structured
    channel only where there is a structured message for the news (`structured`) and the order
    names a partner to send it to.
    """
    by_name = {c.name: c for c in channels}
    chosen = preferred or (order.channel if order.channel in by_name else None)
    reach = by_name.get(chosen) if chosen else None
    if reach is not None and reach.structured and (not structured or not reach.recipient(order, customer)):
        chosen = None
    if chosen is None:
        fallbacks = [c for c in channels if c.fallback]
        usable = [c for c in fallbacks if c.recipient(order, customer)]
        chosen = (usable or fallbacks)[0].name if fallbacks else order.channel
    reach = by_name.get(chosen)
    return chosen, reach.recipient(order, customer) if reach is not None else None


def is_structured(channels: Sequence[Reach], name: str) -> bool:
    """Whether the channel of this name speaks in structured messages (and so takes a control reference)."""
    return any(c.name == name and c.structured for c in channels)

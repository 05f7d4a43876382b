"""Where an order's goods go (core.fulfilment.domain.contact.delivery_address), the order's own parties
first and master data second.

The rule, written out: where the order names a delivery street or city, or the customer is not known,
the address is the order's delivery party as written, its name falling back to the buyer's name; the
order's delivery address is never mixed with master data. Where the order names neither street nor
city, the goods go to the customer's address in master data, under the delivery party's name if the
order gave one, else the customer's name. A part nobody gave is blank (never "None"); the country is
its ISO code in capitals, as carriers and the tax rules read it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core.fulfilment.domain.contact import delivery_address
from core.kernel.domain.model import Customer, Decision, Order, OrderState


def order(**parties: str | None) -> Order:
    o = Order(1, 0, "email", OrderState.ACCEPTED, Decision.ACCEPT, 1.0, datetime(2026, 12, 3, tzinfo=UTC))
    for name, value in parties.items():
        setattr(o, name, value)
    return o


CUSTOMER = Customer(
    "NUNEZ",
    "Ferretería Núñez S.L.",
    street="Calle Mayor 3",
    postal_code="44001",
    city="Teruel",
    country="es",
)


def test_the_orders_delivery_party_wins_over_master_data() -> None:
    o = order(
        ship_to_name="Núñez, almacén",
        ship_to_street="Polígono La Paz, nave 7",
        ship_to_postal_code="44195",
        ship_to_city="Teruel",
        ship_to_country="es",
        buyer_name="Ferretería Núñez",
    )
    assert delivery_address(o, CUSTOMER) == (
        "Núñez, almacén",
        "Polígono La Paz, nave 7",
        "44195",
        "Teruel",
        "ES",
    )


def test_a_street_alone_or_a_city_alone_is_the_orders_own_address() -> None:
    # the order wrote part of an address: it is the order's, with the parts it left out blank
    street_only = order(ship_to_street="Polígono La Paz, nave 7", buyer_name="Ferretería Núñez")
    assert delivery_address(street_only, CUSTOMER) == (
        "Ferretería Núñez",
        "Polígono La Paz, nave 7",
        "",
        "",
        "",
    )
    city_only = order(ship_to_city="Alcañiz")
    assert delivery_address(city_only, CUSTOMER) == ("", "", "", "Alcañiz", "")


def test_an_order_without_a_delivery_address_goes_to_the_customers_address() -> None:
    assert delivery_address(order(buyer_name="Núñez (pedido web)"), CUSTOMER) == (
        "Ferretería Núñez S.L.",
        "Calle Mayor 3",
        "44001",
        "Teruel",
        "ES",
    )
    # a delivery name without an address: that name, at the customer's address
    assert delivery_address(order(ship_to_name="Att. Sr. Gil"), CUSTOMER) == (
        "Att. Sr. Gil",
        "Calle Mayor 3",
        "44001",
        "Teruel",
        "ES",
    )


def test_master_data_without_an_address_gives_blanks_not_none() -> None:
    bare = Customer("GIL", "Gil Suministros")
    assert delivery_address(order(), bare) == ("Gil Suministros", "", "", "", "")


def test_an_unknown_customer_is_delivered_to_what_the_order_says() -> None:
    assert delivery_address(order(buyer_name="Comprador", ship_to_postal_code="28001"), None) == (
        "Comprador",
        "",
        "28001",
        "",
        "",
    )
    assert delivery_address(order(), None) == ("", "", "", "", "")

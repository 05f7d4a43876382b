"""Whose e-mail address is it (`MasterDataRepository.customer_by_email`, issue 15, mail34).

The rule: the customer whose e-mail cell holds the address (case and spaces aside; a cell may hold
several, split by commas, semicolons or spaces), else, when the domain may be asked, the only customer
with an address at exactly that domain; nobody when two customers fit. A sender never seen before is
answered from what the process read of the customers already (the addresses once, each customer
once); a customer or address changed is seen
by the next e-mail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from core.catalog.services.masterdata import import_csv
from oms.bootstrap import App

CUSTOMERS = "customer_id,name,email,fax,gln,street,postal_code,city,country,language\n"
ROWS = (
    'C-1,Ferretería Núñez,"pedidos@nunez-val.es; Admin@Nunez-Val.es",,,,,,ES,es\n'
    "C-2,Bricolaje Galicia,compras@galicia-val.es,,,,,,ES,es\n"
    "C-3,Suministros Uno,ana@shared-val.es,,,,,,ES,es\n"
    "C-4,Suministros Dos,luis@shared-val.es  eva@twice-val.es,,,,,,ES,es\n"
    "C-5,Suministros Tres,eva@twice-val.es,,,,,,ES,es\n"
)


@pytest.fixture
def shop(app: App) -> App:
    import_csv(app.uow(), "customers", CUSTOMERS + ROWS)
    return app


def whose(app: App, address: str, *, domain: bool = True) -> str | None:
    """The customer id the processing path's unit of work finds for `address`."""
    with app.reading_uow() as uow:
        found = uow.master.customer_by_email(address, domain=domain)
        return None if found is None else found.customer_id


@contextmanager
def tables_read(app: App) -> Iterator[list[str]]:
    """The tables every statement run inside the block reads from."""
    read: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        read.extend(re.findall(r"\bFROM (\w+)", statement))

    event.listen(app.engine, "before_cursor_execute", seen)
    try:
        yield read
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)


def test_an_address_is_its_customers_whatever_its_case_and_spaces(shop: App) -> None:
    assert whose(shop, "pedidos@nunez-val.es") == "C-1"
    assert whose(shop, "  ADMIN@nunez-val.ES ") == "C-1"  # the second address of the cell
    assert whose(shop, "luis@shared-val.es") == "C-4"  # an address before a space in the cell
    assert whose(shop, "ana@shared-val.es", domain=False) == "C-3"


def test_an_unknown_address_is_the_only_customer_at_its_domain(shop: App) -> None:
    assert whose(shop, "juan@nunez-val.es") == "C-1"
    assert whose(shop, "Juan@Galicia-Val.es") == "C-2"
    assert whose(shop, "juan@nunez-val.es", domain=False) is None  # only the address itself asked
    assert whose(shop, "juan@shared-val.es") is None  # two customers at that domain
    assert whose(shop, "juan@val.es") is None  # the end of a domain is not the domain
    assert whose(shop, "juan@nunez-val.es.mx") is None
    assert whose(shop, "nunez-val.es") is None  # no address at all


def test_an_address_two_customers_hold_is_nobodys(shop: App) -> None:
    assert whose(shop, "eva@twice-val.es") is None
    assert whose(shop, "otro@twice-val.es") is None


def test_a_new_sender_is_answered_without_reading_the_customers_again(shop: App) -> None:
    # the process has read the customers' addresses, and the two customers, once
    assert whose(shop, "juan@nunez-val.es") == "C-1"
    assert whose(shop, "compras@galicia-val.es") == "C-2"
    with tables_read(shop) as read:
        assert whose(shop, "maria@nunez-val.es") == "C-1"
        assert whose(shop, "pedro@galicia-val.es") == "C-2"
        assert whose(shop, "nadie@desconocida-val.es") is None
    assert "customers" not in read, read
    assert "master_data_stamp" in read  # (the listener heard the unit of work)


def test_an_address_changed_in_sql_is_seen_by_the_next_sender(shop: App) -> None:
    assert whose(shop, "compras@galicia-val.es") == "C-2"
    assert whose(shop, "nuevo@otra-val.es") is None
    with shop.engine.begin() as conn:  # no repository, no import: the table itself
        conn.execute(text("UPDATE customers SET email = 'nuevo@otra-val.es' WHERE customer_id = 'C-2'"))
    assert whose(shop, "nuevo@otra-val.es") == "C-2"
    assert whose(shop, "otro@otra-val.es") == "C-2"  # and its new domain
    assert whose(shop, "compras@galicia-val.es") is None  # the old address is nobody's now


def test_a_customer_imported_at_a_known_domain_makes_the_domain_ambiguous(shop: App) -> None:
    assert whose(shop, "juan@nunez-val.es") == "C-1"
    import_csv(shop.uow(), "customers", CUSTOMERS + "C-6,Núñez Sur,sur@nunez-val.es,,,,,,ES,es\n")
    assert whose(shop, "juan@nunez-val.es") is None  # two customers at that domain now
    assert whose(shop, "sur@nunez-val.es") == "C-6"
    assert whose(shop, "pedidos@nunez-val.es") == "C-1"

"""Customers' strong identifiers in the database, on SQLite and PostgreSQL: the optional vat_id and
phone columns of the customers file, lookups however a document writes them, and learned ones."""

from __future__ import annotations

import pytest

from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import CustomerIdentifier
from oms.bootstrap import App

pytestmark = pytest.mark.integration
CONTRACT = "customer_id,name,email,fax,gln,street,postal_code,city,country,language"
WITH_IDS = (
    f"{CONTRACT},vat_id,phone\n"
    "C-1,Ferretería Núñez S.L.,pedidos@ferreterianunez.es,+34 912 345 678,8437000100010,,,Madrid,ES,es,"
    "ESB28765432,91 555 01 01\n"
    "C-2,Hartley Hardware Ltd,orders@hartleyhardware.co.uk,,,,,London,GB,en,GB284937152,020 7946 0123\n"
)


@pytest.fixture
def db_app(app_each_db: App) -> App:
    app = app_each_db
    import_csv(app.uow(), "customers", WITH_IDS)
    return app


def found(app: App, kind: str, value: str, *, learned: bool = True) -> list[str]:
    with app.uow() as uow:
        return [c.customer_id for c in uow.master.customers_by_identifier(kind, value, learned=learned)]


def test_the_optional_columns_are_imported_and_found_however_a_document_writes_them(db_app: App) -> None:
    with db_app.uow() as uow:
        c1 = uow.master.customer("C-1")
        assert c1 is not None and (c1.vat_id, c1.phone) == ("ESB28765432", "91 555 01 01")
    assert found(db_app, "vat", "B-28765432") == ["C-1"]
    assert found(db_app, "phone", "915 550 101") == ["C-1"]  # the phone column, read in Spain
    assert found(db_app, "fax", "0034 912 345 678") == ["C-1"]
    assert found(db_app, "phone", "+44 20 7946 0123") == ["C-2"]  # a British number printed abroad
    assert found(db_app, "gln", "8437000100010") == ["C-1"]
    assert found(db_app, "email", "Orders@HartleyHardware.co.uk") == ["C-2"]
    assert found(db_app, "vat", "DE284937152") == []  # C-2's digits under another country's prefix


def test_a_file_with_only_the_contracts_columns_keeps_the_stored_tax_id_and_phone(db_app: App) -> None:
    import_csv(db_app.uow(), "customers", f"{CONTRACT}\nC-1,Ferretería Núñez S.L.,,,,,,Madrid,ES,es\n")
    with db_app.uow() as uow:
        c1 = uow.master.customer("C-1")
        assert c1 is not None and (c1.vat_id, c1.phone) == ("ESB28765432", "91 555 01 01")
        assert c1.email is None  # a contract column left blank is blank
    blanked = f"{CONTRACT},vat_id,phone\nC-1,Ferretería Núñez S.L.,,,,,,Madrid,ES,es,,\n"
    import_csv(db_app.uow(), "customers", blanked)
    assert found(db_app, "vat", "ESB28765432") == []


def test_learned_identifiers_are_found_shared_ones_name_both_and_removal_forgets(db_app: App) -> None:
    with db_app.uow() as uow:
        assert uow.master.add_identifier(CustomerIdentifier("C-2", "phone", "+34600111222"))
        assert not uow.master.add_identifier(CustomerIdentifier("C-2", "phone", "+34600111222"))
        uow.commit()
    assert found(db_app, "phone", "600 111 222") == ["C-2"]
    assert found(db_app, "phone", "600 111 222", learned=False) == []
    with db_app.uow() as uow:
        uow.master.add_identifier(CustomerIdentifier("C-1", "fax", "+34600111222"))
        uow.commit()
    assert found(db_app, "fax", "+34 600 111 222") == ["C-1", "C-2"]  # validation: names neither
    with db_app.uow() as uow:
        uow.master.remove_identifier("C-2", "phone", "+34600111222")
        uow.commit()
    assert found(db_app, "phone", "600111222") == ["C-1"]

"""Master data remembered by a worker across e-mails (`core.kernel.adapters.master_memo`), on SQLite and
PostgreSQL: another process's change (an import, SQL typed by hand, the policies page) is seen by the
very next e-mail the worker reads, and while nothing changes the worker does not read it again.

Two apps on one database stand for two processes: each has its own engine, connections and memo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import event, text

from core.capture.domain.documents import Channel
from core.catalog.services.masterdata import import_csv
from core.kernel.domain.model import Customer, Decision, Order
from core.purchasing.domain.suppliers import Supplier
from oms.bootstrap import App
from tests.conftest import fixed_clock
from tests.integration.helpers import AppOnEachDb, arrive, drain, orders_of
from tests.unit.parsers.email_support import message

pytestmark = pytest.mark.integration
NEWCOMER = "compras@ferreteria-nueva.es"
CUSTOMERS_HEADER = "customer_id,name,email,fax,gln,street,postal_code,city,country,language\n"


@pytest.fixture
def apps(app_on_each_db: AppOnEachDb, tmp_path: Path) -> tuple[App, App]:
    """(the worker, another process) on one database with the demo master data: two folders of their own,
    the SQLite file (in `tmp_path`) or PostgreSQL database one for both."""
    (tmp_path / "worker").mkdir()
    (tmp_path / "other").mkdir()
    worker = app_on_each_db(tmp_path / "worker", clock=fixed_clock)
    other = app_on_each_db(tmp_path / "other", clock=fixed_clock, demo=True)
    return worker, other


def mail(app: App, n: int, sender: str, read: list[str] | None = None) -> Order:
    """The n-th e-mail (its own Message-ID and order number) from `sender`, read by the worker; with
    `read`, the tables its processing job read from are added to it."""
    raw = message(
        "10 x TOR-M8-40\n", subject=f"Pedido PO-MEMO-{n}", from_=sender, message_id=f"<memo-{n}@example.es>"
    ).as_bytes()
    doc_id = arrive(app, raw, f"mail-{n}.eml", Channel.EMAIL)

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        assert read is not None
        read.extend(re.findall(r"\bFROM (\w+)", statement))

    if read is not None:
        event.listen(app.engine, "before_cursor_execute", seen)
    try:
        app.process(doc_id)  # the job the arrival queued, run here (the drain finds it done)
    finally:
        if read is not None:
            event.remove(app.engine, "before_cursor_execute", seen)
    drain(app)
    [order] = orders_of(app, doc_id)
    return order


def test_a_customer_imported_by_another_process_is_known_to_the_next_email(apps: tuple[App, App]) -> None:
    worker, other = apps
    # an address no customer has: nobody to put the order on, a clerk decides
    first = mail(worker, 1, NEWCOMER)
    assert first.customer_id is None and first.decision is not Decision.ACCEPT
    # a known customer's e-mail in between: the worker has read (and remembers) the customers
    assert mail(worker, 2, "pedidos@ferreterianunez.es").customer_id == "C-1001"

    row = "C-3001,Ferretería Nueva S.L.,compras@ferreteria-nueva.es,,,Calle Sol 3,28001,Madrid,ES,es\n"
    import_csv(other.uow(), "customers", CUSTOMERS_HEADER + row)

    # the next e-mail from that address is the new customer's
    assert mail(worker, 3, NEWCOMER).customer_id == "C-3001"


def test_an_address_changed_by_hand_in_sql_moves_the_next_email(apps: tuple[App, App]) -> None:
    worker, other = apps
    assert mail(worker, 1, NEWCOMER).customer_id is None
    with other.engine.begin() as conn:  # no repository, no import: the table itself
        conn.execute(text("UPDATE customers SET email = :e WHERE customer_id = 'C-1002'"), {"e": NEWCOMER})
    assert mail(worker, 2, NEWCOMER).customer_id == "C-1002"


def test_a_policy_set_by_another_process_decides_the_next_email(apps: tuple[App, App]) -> None:
    worker, other = apps
    # a known customer's plain order of a product we sell flows on untouched
    assert mail(worker, 1, "pedidos@ferreterianunez.es").decision is Decision.ACCEPT
    with other.uow() as uow:  # the policies page's write: every e-mail order waits for a clerk
        uow.policies.put("channel:email", {"always_review": True}, fixed_clock())
        uow.commit()
    assert mail(worker, 2, "pedidos@ferreterianunez.es").decision is Decision.REVIEW


def test_master_data_unchanged_is_not_read_again(apps: tuple[App, App]) -> None:
    worker, _ = apps
    mail(worker, 1, "pedidos@ferreterianunez.es")
    read: list[str] = []
    mail(worker, 2, "pedidos@ferreterianunez.es", read)
    assert "documents" in read  # (the listener heard the job)
    master = {
        "customers",
        "customer_identifiers",
        "customer_groups",
        "products",
        "prices",
        "product_units",
        "promotions",
        "decision_policies",
        "suppliers",
    }
    assert not master & set(read), sorted(master & set(read))
    assert "master_data_stamp" in read  # the one question asked instead


def test_a_unit_of_work_that_writes_master_data_reads_its_own_writes(apps: tuple[App, App]) -> None:
    worker, _ = apps
    with worker.reading_uow() as uow:  # the process remembers both lists as they were
        assert [c.customer_id for c in uow.master.customers()] == ["C-1001", "C-1002", "C-2001"]
        assert list(uow.purchasing.suppliers()) == []
    with worker.reading_uow() as uow:
        assert list(uow.purchasing.suppliers()) == []  # (the stamp read before the write)
        uow.purchasing.upsert(Supplier("S-1", "Tornillería del Norte", email="ventas@tornorte.es"))
        uow.session.flush()
        assert [s.supplier_id for s in uow.purchasing.suppliers()] == ["S-1"]
        uow.commit()
    with worker.reading_uow() as uow:
        assert "C-3001" not in [c.customer_id for c in uow.master.customers()]
        uow.master.upsert(Customer("C-3001", "Ferretería Nueva S.L.", email=NEWCOMER))
        uow.session.flush()
        assert "C-3001" in [c.customer_id for c in uow.master.customers()]
        uow.commit()
    with worker.reading_uow() as uow:  # and, committed, every unit of work after it
        assert "C-3001" in [c.customer_id for c in uow.master.customers()]
        assert [s.supplier_id for s in uow.purchasing.suppliers()] == ["S-1"]

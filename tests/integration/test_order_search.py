"""Searching orders by every filter of `GET /api/orders` and `/orders`, on SQLite (LIKE over folded
text) and on PostgreSQL (the trigger-kept tsvector with accents folded): the demo interchange's two
orders of Ferretería Núñez and a third, later one of Bricolaje Galicia."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from core.kernel.domain.model import OrderState
from samples.lifecycle_gen import make_orders
from tests.conftest import DEMO_DAY, load_demo_master_data, make_app, make_user
from tests.integration.helpers import AppOnEachDb
from tests.integration.lifecycle_support import demo_orders
from tests.integration.reports_support import Clock
from web.app import create_app

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> tuple[TestClient, list[int]]:
    clock = Clock()
    app = app_on_each_db(clock=clock, demo=True)
    first, second = demo_orders(app)
    clock.now = DEMO_DAY + timedelta(days=3)
    with app.uow() as uow:
        lines = [[("BRO-HSS-8", D(10))]]
        approved = OrderState.APPROVED
        [third] = make_orders(uow, lines, clock.now, state=approved, customer_id="C-1002", tag="BG")
        for order_id, total in ((first, D("73.10")), (second, D("177.60")), (third, D("10.00"))):
            order = uow.orders.get(order_id)
            assert order is not None
            order.total = total
        uow.commit()
    client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})
    return client, [first, second, third]


def ids(client: TestClient, **params: str) -> list[int]:
    response = client.get("/api/orders", params=params)
    assert response.status_code == 200, response.text
    return [o["id"] for o in response.json()["items"]]


def test_each_filter(shop: tuple[TestClient, list[int]]) -> None:
    client, (first, second, third) = shop
    assert ids(client) == [third, second, first]  # newest first, as before
    assert ids(client, number="PO-2026-00124") == [second]
    assert ids(client, number=str(first)) == [first]
    assert ids(client, customer="C-1002") == [third]
    assert ids(client, customer_id="C-1001") == [second, first]  # the older parameter still works
    assert ids(client, sku="TUE-M8") == [first]
    assert ids(client, channel="edi") == [second, first]
    assert ids(client, state="approved") == [third]
    assert ids(client, date_from="2026-11-27") == [third]
    assert ids(client, date_to="2026-11-26") == [second, first]
    assert ids(client, amount_min="50", amount_max="100") == [first]
    assert ids(client, customer="C-1001", sku="LLA-AJ-250", channel="edi") == [second]


def test_full_text_over_what_was_captured(shop: tuple[TestClient, list[int]]) -> None:
    client, (first, second, third) = shop
    assert ids(client, q="tornillo") == [first]  # a line's description
    assert ids(client, q="NUNEZ") == [second, first]  # the buyer's name, without its accents
    assert ids(client, q="ferretería llave") == [second]  # every word must match
    assert ids(client, q="torn") == [first]  # a word's beginning
    assert ids(client, q="bro-hss-8") == [third]  # a SKU as written
    assert ids(client, q="nothing-like-this") == []


def test_sorting_and_paging(shop: tuple[TestClient, list[int]]) -> None:
    client, (first, second, third) = shop
    assert ids(client, sort="total", order="asc") == [third, first, second]
    page = client.get("/api/orders", params={"sort": "total", "limit": "2"}).json()
    assert [o["id"] for o in page["items"]] == [second, first] and page["has_more"] is True
    rest = client.get("/api/orders", params={"sort": "total", "limit": "2", "offset": "2"}).json()
    assert [o["id"] for o in rest["items"]] == [third] and rest["has_more"] is False
    for bad in ({"sort": "password"}, {"date_from": "26/11/2026"}, {"amount_min": "lots"}, {"state": "x"}):
        assert client.get("/api/orders", params=bad).status_code == 422


def test_the_orders_page_searches_the_same_way(shop: tuple[TestClient, list[int]]) -> None:
    client, (first, second, _) = shop
    page = client.get("/orders", params={"q": "tornillo", "number": "", "amount_min": ""})
    assert page.status_code == 200
    assert f'href="/orders/{first}"' in page.text and f'href="/orders/{second}"' not in page.text
    assert 'value="tornillo"' in page.text


def test_the_search_index_follows_inserts_edits_and_removals_on_postgresql(
    tmp_path: Path, pg_url: str
) -> None:
    """The index is kept by the database, whatever writes the rows: the interchange's two orders and
    their lines stored by bulk statements (on PostgreSQL a `COPY` each), then plain SQL edits. After each,
    a word is found on exactly the orders that now carry it, and every order has one index row."""
    app = make_app(tmp_path, pg_url)
    try:
        load_demo_master_data(app)
        first, second = demo_orders(app)
        client = TestClient(create_app(app), headers={"Authorization": f"Bearer {make_user(app)}"})

        def run(sql: str, **params: object) -> None:
            with app.engine.begin() as conn:
                conn.execute(text(sql), params)

        def index_rows() -> int:
            with app.engine.connect() as conn:
                return int(conn.execute(text("SELECT count(*) FROM report_order_search")).scalar_one())

        # stored in one statement per table, each order carries its own lines' words and no other's
        assert ids(client, q="tornillo") == [first] and ids(client, q="llave") == [second]
        assert index_rows() == 2
        # a line's description edited: found by the new word, no longer by the old one
        run(
            "UPDATE order_lines SET description = 'Arandela plana zincada'"
            " WHERE order_id = :o AND description ILIKE '%tornillo%'",
            o=first,
        )
        assert ids(client, q="arandela") == [first] and ids(client, q="tornillo") == []
        # a line added to the second order by a plain INSERT: the second order is found by its code
        run(
            "INSERT INTO order_lines (order_id, position, item_code, description)"
            " VALUES (:o, 99, 'ZX-4471', 'Taco químico')",
            o=second,
        )
        assert ids(client, q="zx-4471") == [second] and ids(client, q="quimico") == [second]
        # that line removed again: its words go with it, the order's other words stay
        run("DELETE FROM order_lines WHERE order_id = :o AND position = 99", o=second)
        assert ids(client, q="zx-4471") == [] and ids(client, q="llave") == [second]
        # the header edited: the new buyer's name is found
        run("UPDATE orders SET buyer_name = 'Almacenes Íñiguez' WHERE id = :o", o=first)
        assert ids(client, q="iniguez") == [first]
        assert index_rows() == 2
    finally:
        app.close()


def test_the_search_triggers_downgrade_and_upgrade_on_postgresql(pg_url: str) -> None:
    """Down to the per-row triggers of 0025 and up again: an order and its line stored by plain SQL are
    found by the line's word either way."""
    from alembic import command

    from core.migrate import alembic_config, upgrade

    engine = create_engine(pg_url)

    def store_and_find(word: str) -> list[int]:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO blobs (sha256, size, content) VALUES (:h, 1, 'x')"), {"h": word})
            document = conn.execute(
                text(
                    "INSERT INTO documents (channel, sha256, size, received_at, state, problems, attempts)"
                    " VALUES ('email', :h, 1, now(), 'processed', '[]', 0) RETURNING id"
                ),
                {"h": word},
            ).scalar_one()
            order = conn.execute(
                text(
                    "INSERT INTO orders (document_id, message_index, channel, state, decision, confidence,"
                    " created_at, problems) VALUES (:d, 0, 'email', 'accepted', 'accepted', 1, now(), '[]')"
                    " RETURNING id"
                ),
                {"d": document},
            ).scalar_one()
            conn.execute(
                text("INSERT INTO order_lines (order_id, position, description) VALUES (:o, 1, :w)"),
                {"o": order, "w": f"Bisagra {word}"},
            )
            found = conn.execute(
                text("SELECT order_id FROM report_order_search WHERE document @@ to_tsquery('simple', :w)"),
                {"w": word},
            ).scalars()
            return [order] if list(found) == [order] else []

    try:
        upgrade(engine)
        config = alembic_config(engine)
        assert store_and_find("latonado") != []
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0025")
        assert store_and_find("cromado") != []
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
        assert store_and_find("niquelado") != []
    finally:
        engine.dispose()

"""Batch steps read their orders with one statement for the lines and write the orders' new states
with one statement (`FulfilmentRepository.orders`, `write_states`), on SQLite and PostgreSQL.

The expectations are the orders as made below: each order comes back with exactly its own lines in
position order; the states written are the ones set, an order left alone keeps its own, and another
change made to an order is still written by the commit. `start` (approve, then allocate, in one
transaction) writes each order's row once, with both steps' events.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import event, select, text

from core.fulfilment.adapters.orm import allocations, stock_levels
from core.fulfilment.domain.stock import AllocationState
from core.kernel.adapters.orm import order_lines
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.lifecycle_support import events, set_up_shop

pytestmark = pytest.mark.integration
D = Decimal

SPECS = [
    [("TOR-M8-40", D(2)), ("TUE-M8", D(5))],
    [("ARA-M8", D(1))],
    [("TUE-M8", D(3)), ("TOR-M8-40", D(1)), ("ARA-M8", D(7))],
]


@pytest.fixture
def app(demo_app_each_db: App) -> App:
    """The demo shop on each database in turn."""
    return demo_app_each_db


def _orders(app: App) -> list[int]:
    with app.uow() as uow:
        ids = make_orders(uow, SPECS, fixed_clock(), state=OrderState.ACCEPTED, tag="batch")
        uow.commit()
    return ids


def _order_updates(app: App) -> list[str]:
    seen: list[str] = []

    @event.listens_for(app.engine, "after_cursor_execute")
    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE ORDERS"):
            seen.append(statement)

    return seen


def test_each_order_is_read_with_exactly_its_own_lines_in_position_order(app: App) -> None:
    ids = _orders(app)
    with app.uow() as uow:
        found = uow.fulfilment.orders(reversed(ids), lock=True)
        assert [o.id for o in found] == sorted(ids)
        read = [[(line.position, line.sku, line.quantity) for line in o.lines] for o in found]
    assert read == [[(n, sku, q) for n, (sku, q) in enumerate(spec, start=1)] for spec in SPECS]


def test_new_states_are_written_in_one_statement_and_the_commit_writes_them_no_more(app: App) -> None:
    ids = _orders(app)
    updates = _order_updates(app)
    with app.uow() as uow:
        first, second, third = uow.fulfilment.orders(ids, lock=True)
        first.state = OrderState.APPROVED
        third.state = OrderState.ON_HOLD
        uow.fulfilment.write_states([first, second, third])
        assert len(updates) == 1
        uow.commit()
    assert len(updates) == 1
    with app.uow() as uow:
        stored = {o.id: o.state for o in uow.fulfilment.orders(ids)}
    assert stored == {ids[0]: OrderState.APPROVED, ids[1]: OrderState.ACCEPTED, ids[2]: OrderState.ON_HOLD}


def test_another_change_to_an_order_is_still_written_by_the_commit(app: App) -> None:
    ids = _orders(app)
    with app.uow() as uow:
        first = uow.fulfilment.orders(ids[:1], lock=True)[0]
        first.state = OrderState.APPROVED
        first.po_number = "PO-CHANGED"
        uow.fulfilment.write_states([first])
        uow.commit()
    with app.uow() as uow:
        again = uow.fulfilment.order(ids[0])
        assert again is not None
        assert (again.state, again.po_number) == (OrderState.APPROVED, "PO-CHANGED")


def test_start_writes_each_orders_row_once_and_records_both_steps(app: App) -> None:
    set_up_shop(app)  # the demo stock: every line of SPECS is in stock
    ids = _orders(app)
    updates = _order_updates(app)
    report = app.lifecycle.service.start(ids, "clerk")
    # approved, then allocated: one statement writes the rows, in their final state only
    assert len(updates) == 1
    assert report.states == {i: "allocated" for i in ids}
    for order_id in ids:
        assert events(app, order_id) == [
            ("approve", "accepted", "approved"),
            ("allocate", "approved", "allocated"),
        ]
    with app.uow() as uow:
        assert {o.id: o.state for o in uow.fulfilment.orders(ids)} == dict.fromkeys(ids, OrderState.ALLOCATED)


def _allocation_reads(app: App) -> list[str]:
    seen: list[str] = []

    @event.listens_for(app.engine, "after_cursor_execute")
    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        flat = " ".join(statement.split()).upper()
        if flat.startswith("SELECT") and " FROM ALLOCATIONS" in flat:
            seen.append(statement)

    return seen


def test_orders_approved_and_allocated_for_the_first_time_ask_for_no_allocations(app: App) -> None:
    # an approved order has never had stock reserved (allocating it moves it on in the same
    # transaction), so neither `start` nor a first allocation needs to read its allocations
    set_up_shop(app)
    ids = _orders(app)
    reads = _allocation_reads(app)
    report = app.lifecycle.service.start(ids[:2], "clerk")
    assert report.states == dict.fromkeys(ids[:2], "allocated")
    assert reads == []
    app.lifecycle.service.approve(ids[2:], "clerk")
    report = app.lifecycle.service.allocate(ids[2:], "clerk")
    assert report.states == {ids[2]: "allocated"}
    assert reads == []


def test_a_backordered_order_served_later_gets_only_the_units_still_waiting(app: App) -> None:
    # the other side of the rule above: an order that already holds stock is read with its allocations,
    # so the arrival of stock tops it up to what was ordered and no further
    set_up_shop(app)
    svc = app.lifecycle.service
    with app.uow() as uow:
        (order_id,) = make_orders(uow, [[("ARA-M8", D(100_000))]], fixed_clock(), state=OrderState.ACCEPTED)
        uow.commit()
    assert svc.start([order_id], "clerk").states == {order_id: "backordered"}
    with app.uow() as uow:
        first = sum(a.quantity for a in uow.fulfilment.allocations([order_id])[order_id])
    assert 0 < first < 100_000  # what the demo stock held
    reads = _allocation_reads(app)
    svc.receive("ARA-M8", "MAD", "BENCH-1", D(200_000), "goods-in")
    report = svc.serve_backorders("ARA-M8")
    assert report.states == {order_id: "allocated"}
    assert reads  # the order's allocations were read before planning
    with app.uow() as uow:
        total = sum(a.quantity for a in uow.fulfilment.allocations([order_id])[order_id])
    assert total == D(100_000)


def test_line_units_are_each_orders_lines_in_position_order_a_pack_line_in_base_units(app: App) -> None:
    # what a line's progress counts: a line ordered in packs ("2 CAJ" of 12) counts its 24 base
    # units, any other line its quantity
    ids = _orders(app)
    with app.uow() as uow:
        first = uow.fulfilment.orders(ids[:1])[0]
        first.lines[1].quantity, first.lines[1].unit = D(2), "CAJ"
        first.lines[1].base_quantity, first.lines[1].base_unit = D(24), "UD"
        uow.commit()
    with app.uow() as uow:
        units = uow.fulfilment.line_units(reversed(ids))
        by_id = {o.id: o for o in uow.fulfilment.orders(ids)}
        ids_of = {i: [line.id for line in by_id[i].lines] for i in ids}
    assert list(units) == sorted(ids)
    read = {i: [(u.position, u.sku, u.stock_quantity) for u in units[i]] for i in ids}
    expected = {
        i: [(n, sku, q) for n, (sku, q) in enumerate(spec, start=1)]
        for i, spec in zip(ids, SPECS, strict=True)
    }
    expected[ids[0]][1] = (2, "TUE-M8", D(24))
    assert read == expected
    assert {i: [u.id for u in units[i]] for i in ids} == ids_of


def test_start_writes_each_reservation_as_an_allocated_row_and_allocation_rows_reads_them_back(
    app: App,
) -> None:
    # what a reservation is: the order's line, the stock level's SKU, warehouse and location, the units,
    # allocated at the step's time and on no pick list or shipment yet; and a release reads of an
    # order's allocations only the active ones, in the order they were made
    set_up_shop(app)  # the demo stock: every line of SPECS is in stock
    ids = _orders(app)
    assert app.lifecycle.service.start(ids, "clerk").states == dict.fromkeys(ids, "allocated")
    a, line, level = allocations.c, order_lines.c, stock_levels.c
    read = (
        select(
            a.id,
            a.order_id,
            a.line_id,
            a.sku,
            a.warehouse,
            a.location,
            a.quantity,
            a.state,
            a.created_at,
            a.pick_list_id,
            a.shipment_id,
            line.sku,
            level.warehouse,
            level.location,
            level.sku,
        )
        .join_from(allocations, order_lines, line.id == a.line_id)
        .join(stock_levels, level.id == a.stock_id)
        .order_by(a.id)
    )
    with app.engine.connect() as conn:
        stored = conn.execute(read).all()
    assert stored
    per_line: dict[tuple[int, str], Decimal] = {}
    for row in stored:
        assert row[3] == row[11] == row[14]  # the line's SKU, from a level of that SKU
        assert (row[4], row[5]) == (row[12], row[13])  # that level's warehouse and location
        assert row[7] is AllocationState.ALLOCATED and row[9] is None and row[10] is None
        assert row[8] == fixed_clock()
        per_line[(row[1], row[3])] = per_line.get((row[1], row[3]), D(0)) + row[6]
    ordered = {(i, sku): q for i, spec in zip(ids, SPECS, strict=True) for sku, q in spec}
    assert per_line == ordered  # every unit ordered reserved, none twice
    cancelled = stored[1][0]
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE allocations SET state = 'cancelled' WHERE id = :id"), {"id": cancelled})
    with app.uow() as uow:
        rows = uow.fulfilment.allocation_rows(reversed(ids))
    assert list(rows) == sorted(ids)
    expected = {i: [r for r in stored if r[1] == i and r[0] != cancelled] for i in ids}
    assert {i: [(a.id, a.line_id, a.warehouse, a.quantity) for a in rows[i]] for i in ids} == {
        i: [(r[0], r[2], r[4], r[6]) for r in found] for i, found in expected.items()
    }
    assert all(a.state is AllocationState.ALLOCATED and a.order_id == i for i in ids for a in rows[i])

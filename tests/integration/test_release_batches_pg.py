"""The volume path on PostgreSQL: releasing a batch of orders writes its pick lines and marks their
allocations with one statement per warehouse, and approving a batch queues its notices with one
statement. Neither may change what is written: a batch gives each order the same pick lines, states
and events as releasing it alone, and each order is told once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, text

from core.fulfilment.domain.notifications import NoticeKind, Notification, notification_key
from core.fulfilment.domain.stock import Allocation, AllocationState, CustomerPreferences
from core.fulfilment.domain.warehouse import PickList
from core.fulfilment.services.warehouse import ReleaseReport, release
from core.kernel.domain.model import OrderLine, OrderState
from core.kernel.errors import StockError
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock, load_demo_master_data, make_app
from tests.integration.lifecycle_support import events, notifications, set_up_shop

pytestmark = pytest.mark.integration
D = Decimal

# Stock: bolts in Madrid only, nuts in Barcelona only, washers nowhere (they wait).
# Each spec is one order: (sku, quantity) per line.
SPECS = [
    [("TOR-M8-40", D(2))],  # all from Madrid
    [("TOR-M8-40", D(1)), ("TUE-M8", D(2))],  # split: a line on each warehouse's list
    [("TUE-M8", D(1)), ("ARA-M8", D(3))],  # the nuts go out, the washers wait (partial release)
    [("TOR-M8-40", D(3))],  # put on hold before the release: not released
    [("ARA-M8", D(1))],  # nothing allocated: not released
    [("TOR-M8-40", D(4)), ("TUE-M8", D(5)), ("TOR-M8-40", D(1))],  # two lines of one SKU
]
HELD = 3


@pytest.fixture
def shop(tmp_path: Path, pg_url: str) -> App:
    app = make_app(tmp_path, pg_url, clock=fixed_clock)
    load_demo_master_data(app)
    set_up_shop(app, stock=False)
    svc = app.lifecycle.service
    svc.receive("TOR-M8-40", "MAD", "A-01-01", D(500), "goods-in")
    svc.receive("TUE-M8", "BCN", "B-02-01", D(500), "goods-in")
    yield app  # type: ignore[misc]
    app.close()


def allocated_set(app: App, tag: str) -> list[int]:
    with app.uow() as uow:
        ids = make_orders(uow, SPECS, fixed_clock(), tag=tag)
        uow.commit()
    app.lifecycle.service.allocate(ids, "test")
    app.lifecycle.service.hold(ids[HELD], "customer asked to wait", "test")
    return ids


def outcome(app: App, order_id: int) -> dict[str, object]:
    """What a release leaves of one order, free of ids that differ between two orders."""
    with app.uow() as uow:
        order = uow.fulfilment.order(order_id)
        assert order is not None
        position = {line.id: line.position for line in order.lines}
        description = {line.id: line.description for line in order.lines}
        mine = uow.fulfilment.allocations([order_id]).get(order_id, [])
        lines = {pl.allocation_id: pl for pl in uow.fulfilment.open_pick_lines(order_id)}
        lists = {pl.pick_list_id for pl in lines.values()}
        warehouse = {i: uow.fulfilment.pick_list(i).warehouse for i in lists}  # type: ignore[union-attr]
        units = []
        for a in mine:
            line = lines.get(a.id or 0)
            picked = None
            if line is not None:
                # the pick line repeats its allocation and order line, on its warehouse's list
                assert a.pick_list_id == line.pick_list_id and warehouse[line.pick_list_id] == a.warehouse
                assert (line.order_id, line.line_id, line.sku) == (order_id, a.line_id, a.sku)
                assert line.description == description[a.line_id] and line.po_number == order.po_number
                picked = (line.location, line.quantity, str(line.state))
            else:
                assert a.pick_list_id is None
            units.append(
                (position[a.line_id], a.sku, a.warehouse, a.location, a.quantity, str(a.state), picked)
            )
        return {"state": str(order.state), "units": sorted(units), "last": events(app, order_id)[-1]}


def test_a_batch_release_leaves_each_order_as_releasing_it_alone(shop: App) -> None:
    svc = shop.lifecycle.service
    batch, alone = allocated_set(shop, "batch"), allocated_set(shop, "alone")
    report = svc.release(batch, "test")
    reports = [svc.release([oid], "test") for oid in alone]

    # the same orders went, with as many lines each; the held one and the one with nothing stayed
    assert [report.released.get(oid) for oid in batch] == [1, 2, 1, None, None, 3]
    assert [r.released.get(oid) for oid, r in zip(alone, reports, strict=True)] == [1, 2, 1, None, None, 3]
    assert sorted(report.skipped) == [batch[HELD], batch[4]]
    for b, a in zip(batch, alone, strict=True):
        assert outcome(shop, b) == outcome(shop, a)
    # written out: what a release must leave, whichever way it ran
    first, split, partial, held, empty, double = (outcome(shop, oid) for oid in batch)
    assert first["state"] == split["state"] == double["state"] == str(OrderState.RELEASED)
    assert partial["state"] == str(OrderState.BACKORDERED)  # washers still wait
    assert held["state"] == str(OrderState.ON_HOLD) and empty["state"] == str(OrderState.BACKORDERED)
    assert first["units"] == [(1, "TOR-M8-40", "MAD", "A-01-01", D(2), "released", ("A-01-01", D(2), "open"))]
    assert [u[2] for u in split["units"]] == ["MAD", "BCN"]  # type: ignore[index]
    assert all(u[5] == "allocated" and u[6] is None for u in held["units"])  # type: ignore[index]
    assert [u[4] for u in double["units"]] == [D(4), D(5), D(1)]  # type: ignore[index]
    # one list per warehouse for the batch, its lines in order then line order
    assert len(report.pick_lists) == 2
    with shop.uow() as uow:
        for list_id in report.pick_lists:
            pick_list = uow.fulfilment.pick_list(list_id)
            assert pick_list is not None
            order_ids = [line.order_id for line in pick_list.lines]
            assert order_ids == sorted(order_ids)
        assert sum(len(uow.fulfilment.pick_list(i).lines) for i in report.pick_lists) == 7  # type: ignore[union-attr]


def test_a_second_release_of_the_same_batch_releases_nothing_again(shop: App) -> None:
    svc = shop.lifecycle.service
    ids = allocated_set(shop, "twice")
    svc.release(ids, "test")
    before = [outcome(shop, oid) for oid in ids]
    again = svc.release(ids, "test")
    assert again.released == {} and again.pick_lists == []
    # the partly released order still has its washers waiting: nothing to release, nothing doubled
    assert [outcome(shop, oid)["units"] for oid in ids] == [b["units"] for b in before]


def test_a_batch_approval_queues_one_notice_per_order(shop: App) -> None:
    svc = shop.lifecycle.service
    specs = [[("TOR-M8-40", D(1 + i % 3))] for i in range(40)]
    with shop.uow() as uow:
        ids = make_orders(uow, specs, fixed_clock(), state=OrderState.ACCEPTED, tag="notices")
        uow.commit()
    # one order was told already (a delivery of this job that got this far before): not told twice
    told = Notification(
        order_id=ids[7],
        kind=NoticeKind.ACCEPTED,
        key=notification_key(ids[7], NoticeKind.ACCEPTED),
        channel="email",
        created_at=fixed_clock(),
    )
    with shop.uow() as uow:
        assert uow.fulfilment.add_notification(told)
        uow.commit()
    svc.start(ids, "system")
    svc.start(ids, "system")  # the job delivered again
    for oid in ids:
        accepted = [n for n in notifications(shop, oid) if n.kind is NoticeKind.ACCEPTED]
        assert len(accepted) == 1, oid
        assert accepted[0].key == f"order:{oid}:accepted"
    with shop.uow() as uow:
        states = {o.id: o.state for o in uow.fulfilment.orders(ids)}
    assert set(states.values()) == {OrderState.ALLOCATED}


def test_for_a_customer_taking_complete_deliveries_only_an_order_with_units_waiting_stays(shop: App) -> None:
    with shop.uow() as uow:
        uow.stock.save_preferences(CustomerPreferences("C-1001", partial_shipments=False))
        uow.commit()
    ids = allocated_set(shop, "complete")
    report = shop.lifecycle.service.release(ids, "test")
    # the order whose washers wait is not released; the complete ones go as for anyone else
    assert [report.released.get(oid) for oid in ids] == [1, 2, None, None, None, 3]
    assert "complete deliveries only" in report.skipped[ids[2]]
    assert outcome(shop, ids[2])["state"] == str(OrderState.BACKORDERED)


def test_a_release_reads_of_its_orders_only_what_their_units_progress_needs(shop: App) -> None:
    """The release decides by state, customer and each line's SKU and quantity: it does not read the
    orders' other columns (JSON evidence, problems, addresses) or the lines' descriptions and prices,
    neither in its one read of the batch nor afterwards object by object (the same released)."""
    with shop.uow() as uow:  # one customer's waiting units are looked at too
        uow.stock.save_preferences(CustomerPreferences("C-1001", partial_shipments=False))
        uow.commit()
    ids = allocated_set(shop, "narrow")
    reads: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)

    event.listen(shop.engine, "before_cursor_execute", seen)
    try:
        report = shop.lifecycle.service.release(ids, "test")
    finally:
        event.remove(shop.engine, "before_cursor_execute", seen)
    assert [report.released.get(oid) for oid in ids] == [1, 2, None, None, None, 3]
    assert any("FROM orders" in r for r in reads) and any("FROM order_lines" in r for r in reads)
    unneeded = ("orders.evidence", "orders.problems", "orders.ship_to_name", "order_lines.description")
    assert [r for r in reads if any(column in r for column in unneeded)] == []
    assert [r for r in reads if "order_lines.unit_price" in r] == []


def _release_watching(
    shop: App, ids: list[int], table: str, mapped: type
) -> tuple[ReleaseReport, list[str], list[object]]:
    """The release of `ids`, with the SELECTs it sent from `table` and the `mapped` objects it built."""
    reads: list[str] = []
    built: list[object] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and f"FROM {table}" in statement:
            reads.append(statement)

    def loaded(target: object, context: object) -> None:
        built.append(target)

    event.listen(shop.engine, "before_cursor_execute", seen)
    event.listen(mapped, "load", loaded)
    try:
        report = shop.lifecycle.service.release(ids, "test")
    finally:
        event.remove(shop.engine, "before_cursor_execute", seen)
        event.remove(mapped, "load", loaded)
    return report, reads, built


def test_a_release_reads_its_orders_lines_as_rows_not_as_mapped_lines(shop: App) -> None:
    """The release goes by each line's SKU and units only, so it reads them as rows in one statement:
    not one mapped `OrderLine` is built in its transaction, and the batch is released as it was when
    they were (the order whose washers wait stays back for a customer taking complete deliveries)."""
    with shop.uow() as uow:
        uow.stock.save_preferences(CustomerPreferences("C-1001", partial_shipments=False))
        uow.commit()
    ids = allocated_set(shop, "rows")
    report, line_reads, built = _release_watching(shop, ids, "order_lines", OrderLine)
    assert built == []
    assert len(line_reads) == 1
    assert [report.released.get(oid) for oid in ids] == [1, 2, None, None, None, 3]
    states = [outcome(shop, oid)["state"] for oid in ids]
    assert states == ["released", "released", "backordered", "on_hold", "backordered", "released"]


def test_a_release_reads_its_allocations_as_rows_not_as_mapped_allocations(shop: App) -> None:
    """The release goes by each allocation's line, warehouse, state and units, and changes its row by
    a statement: it reads them as rows in one statement, builds not one mapped `Allocation`, and the
    batch is released as it was when it did (the order whose washers wait stays back for a customer
    taking complete deliveries; every released order is `released` because its units all went)."""
    with shop.uow() as uow:
        uow.stock.save_preferences(CustomerPreferences("C-1001", partial_shipments=False))
        uow.commit()
    ids = allocated_set(shop, "allocation-rows")
    report, reads, built = _release_watching(shop, ids, "allocations", Allocation)
    assert built == []
    assert len(reads) == 1
    assert [report.released.get(oid) for oid in ids] == [1, 2, None, None, None, 3]
    first, split, partial, held, empty, double = (outcome(shop, oid) for oid in ids)
    assert [o["state"] for o in (first, split, partial, held, empty, double)] == [
        "released", "released", "backordered", "on_hold", "backordered", "released",
    ]  # fmt: skip
    assert first["units"] == [(1, "TOR-M8-40", "MAD", "A-01-01", D(2), "released", ("A-01-01", D(2), "open"))]
    assert all(u[5] == "released" for u in double["units"])  # type: ignore[index]
    assert all(u[5] == "allocated" and u[6] is None for u in partial["units"])  # type: ignore[index]
    # the event of each released order records the lists and the step
    assert first["last"] == double["last"]


def test_allocations_the_transaction_read_before_a_release_say_where_they_went(shop: App) -> None:
    """A unit of work that read an order's allocations as objects and then releases the order sees
    them released on their warehouse's pick list, as their rows now say (the release changed the rows
    by a statement, not through those objects)."""
    ids = allocated_set(shop, "read-before")
    double = ids[5]  # bolts twice in Madrid, nuts in Barcelona
    with shop.uow() as uow:
        before = uow.fulfilment.allocations([double])[double]
        assert [a.state for a in before] == [AllocationState.ALLOCATED] * 3
        report = release(uow, [double], "test", fixed_clock(), strict=True)
        lists = {uow.fulfilment.pick_list(i).warehouse: i for i in report.pick_lists}  # type: ignore[union-attr]
        assert [a.state for a in before] == [AllocationState.RELEASED] * 3
        assert [a.pick_list_id for a in before] == [lists[a.warehouse] for a in before]
        assert sorted(lists) == ["BCN", "MAD"]
        uow.commit()
    with shop.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT state, pick_list_id FROM allocations WHERE order_id = :o ORDER BY id"), {"o": double}
        ).all()
    assert [tuple(r) for r in rows] == [("released", a.pick_list_id) for a in before]


def test_allocations_changed_underneath_write_no_pick_line_and_mark_nothing(shop: App) -> None:
    """Releasing takes only allocations still allocated: if a row the caller holds as allocated is not
    any more, the release raises and its transaction writes nothing (no pick line, no allocation
    marked), whichever statements PostgreSQL ran for it."""
    ids = allocated_set(shop, "underneath")
    with shop.uow() as uow:
        mine = uow.fulfilment.allocations([ids[5]])[ids[5]]  # two lines of bolts in Madrid, nuts in Barcelona
        madrid = [a for a in mine if a.warehouse == "MAD"]
        assert len(madrid) == 2 and all(a.state is AllocationState.ALLOCATED for a in madrid)
        uow.session.execute(
            text("UPDATE allocations SET state = 'cancelled' WHERE id = :id"), {"id": madrid[1].id}
        )
        pick_list = PickList(warehouse="MAD", created_at=fixed_clock(), created_by="test")
        uow.fulfilment.add_pick_list(pick_list)
        uow.session.flush()
        assert pick_list.id is not None
        with pytest.raises(StockError):
            uow.fulfilment.put_on_pick_list(pick_list.id, madrid)
    with shop.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pick_lines")).scalar_one() == 0
        states = conn.execute(
            text("SELECT state, pick_list_id FROM allocations WHERE order_id = :o ORDER BY id"), {"o": ids[5]}
        ).all()
    assert [tuple(s) for s in states] == [("allocated", None)] * 3

"""Where an order's units are, line by line, read from its allocations (core.fulfilment.domain.progress).

The rule, written out: a line's ordered units are its quantity as stock counts it (a pack line in base
units: 2 boxes of 12 are 24), and nothing where the line has no SKU or no positive quantity (nothing
can be allocated to it). Each allocation row adds its units to the stage it is at (allocated, released,
picked, packed, shipped) of its own line only; a cancelled row adds nothing. What is ordered and not at
any stage waits for stock: the backorder, reported by line position for the customer's notice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.fulfilment.domain.lifecycle import LineProgress
from core.fulfilment.domain.progress import progress, waiting_detail
from core.fulfilment.domain.stock import Allocation, AllocationState
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
D = Decimal
A = AllocationState


def order(*lines: OrderLine) -> Order:
    o = Order(1, 0, "edi", OrderState.ALLOCATED, Decision.ACCEPT, 1.0, NOW, id=7)
    o.lines = list(lines)
    return o


def alloc(line_id: int, quantity: str, state: AllocationState) -> Allocation:
    return Allocation(7, line_id, "SKU", 1, "MAD", "A-01", D(quantity), NOW, state=state)


def test_each_stage_adds_up_its_rows_and_the_rest_waits() -> None:
    # 2 boxes of 12 ordered: 24 units. Allocated 10 + 4 (two rows), released 3, picked 2, packed 1,
    # shipped 1: 21 units somewhere; 24 - 21 = 3 wait. The cancelled 5 count nowhere.
    boxes = OrderLine(1, sku="TOR-M8", quantity=D(2), unit="CAJ", base_quantity=D(24), base_unit="UD", id=11)
    rows = [
        alloc(11, "10", A.ALLOCATED),
        alloc(11, "4", A.ALLOCATED),
        alloc(11, "3", A.RELEASED),
        alloc(11, "2", A.PICKED),
        alloc(11, "1", A.PACKED),
        alloc(11, "1", A.SHIPPED),
        alloc(11, "5", A.CANCELLED),
    ]
    (line,) = progress(order(boxes), rows)
    assert line == LineProgress(
        line_id=11, ordered=D(24), allocated=D(14), released=D(3), picked=D(2), packed=D(1), shipped=D(1)
    )
    assert line.waiting == D(3)


def test_two_rows_at_each_later_stage_add_up() -> None:
    # 30 units: 2 + 3 released, 4 + 5 picked, 1 + 2 packed, 6 + 7 shipped = 30; nothing waits
    line = OrderLine(1, sku="TOR-M8", quantity=D(30), id=11)
    rows = [
        alloc(11, "2", A.RELEASED),
        alloc(11, "3", A.RELEASED),
        alloc(11, "4", A.PICKED),
        alloc(11, "5", A.PICKED),
        alloc(11, "1", A.PACKED),
        alloc(11, "2", A.PACKED),
        alloc(11, "6", A.SHIPPED),
        alloc(11, "7", A.SHIPPED),
    ]
    (p,) = progress(order(line), rows)
    assert (p.released, p.picked, p.packed, p.shipped) == (D(5), D(9), D(3), D(13))
    assert p.allocated == 0 and p.waiting == 0


def test_rows_count_only_on_their_own_line() -> None:
    first = OrderLine(1, sku="TOR-M8", quantity=D(5), id=11)
    second = OrderLine(2, sku="TUE-M8", quantity=D(8), id=12)
    (p1, p2) = progress(order(first, second), [alloc(12, "8", A.ALLOCATED)])
    assert (p1.line_id, p1.ordered, p1.allocated, p1.waiting) == (11, D(5), D(0), D(5))
    assert (p2.line_id, p2.ordered, p2.allocated, p2.waiting) == (12, D(8), D(8), D(0))


def test_a_single_unit_ordered_and_not_allocated_waits() -> None:
    (p,) = progress(order(OrderLine(1, sku="TOR-M8", quantity=D(1), id=11)), [])
    assert p == LineProgress(line_id=11, ordered=D(1))
    assert p.waiting == D(1)


def test_a_line_without_sku_or_positive_quantity_orders_nothing() -> None:
    # a text line, a line with no quantity, zero or a negative quantity: nothing to allocate, nothing waits
    lines = [
        OrderLine(1, sku=None, quantity=D(5), id=11),
        OrderLine(2, sku="", quantity=D(5), id=12),
        OrderLine(3, sku="TOR-M8", quantity=None, id=13),
        OrderLine(4, sku="TOR-M8", quantity=D(0), id=14),
        OrderLine(5, sku="TOR-M8", quantity=D(-3), id=15),
    ]
    out = progress(order(*lines), [])
    assert [(p.line_id, p.ordered, p.waiting) for p in out] == [
        (11, D(0), D(0)),
        (12, D(0), D(0)),
        (13, D(0), D(0)),
        (14, D(0), D(0)),
        (15, D(0), D(0)),
    ]
    assert waiting_detail(order(*lines), []) == {}


def test_the_backorder_is_told_by_line_position_and_only_where_units_wait() -> None:
    # positions 1..3 on line ids 21..23: the notice names the position the customer wrote.
    # Position 1: 10 ordered, 10 allocated: nothing waits. Position 2: 6 ordered, 5 picked: 1 waits.
    # Position 3: 4 ordered, nothing allocated: 4 wait.
    lines = [
        OrderLine(1, sku="A", quantity=D(10), id=21),
        OrderLine(2, sku="B", quantity=D(6), id=22),
        OrderLine(3, sku="C", quantity=D(4), id=23),
    ]
    rows = [alloc(21, "10", A.ALLOCATED), alloc(22, "5", A.PICKED)]
    assert waiting_detail(order(*lines), rows) == {"2": "1", "3": "4"}

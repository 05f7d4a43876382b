"""Planning and the buyer's steps on purchase orders: propose drafts from the plan, approve, edit or
drop them, close what will not come."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from core.kernel.errors import NotFound
from core.purchasing.domain import planning
from core.purchasing.domain.errors import PurchasingError
from core.purchasing.domain.events import PurchaseOrderApproved
from core.purchasing.domain.orders import OPEN_STATES, PoLine, PoState, PurchaseOrder
from core.purchasing.services.unit_of_work import PurchasingUnitOfWork

ON_ORDER = (PoState.DRAFT, *OPEN_STATES)  # a draft counts: a second run proposes nothing twice


def position(uow: PurchasingUnitOfWork) -> planning.Position:
    """Stock, open demand and what is on order; demand waiting for no warehouse in particular is
    counted at the warehouse sourcing looks at first."""
    warehouses = uow.supply.warehouses()
    demand: dict[tuple[str, str], Decimal] = {}
    if warehouses:
        first = warehouses[0]
        demand = {(sku, first): qty for sku, qty in uow.supply.open_demand().items() if qty > 0}
    return planning.Position(uow.supply.available(), demand, uow.purchasing.on_order(ON_ORDER))


def compute(
    uow: PurchasingUnitOfWork, now: datetime, progress: planning.Progress | None = None
) -> planning.Plan:
    rules, offers = uow.purchasing.rule_rows(), uow.purchasing.offer_rows()
    return planning.plan(rules, position(uow), offers, uow.purchasing.preferences(), now.date(), progress)


def propose(
    uow: PurchasingUnitOfWork, actor: str, now: datetime, progress: planning.Progress | None = None
) -> tuple[list[PurchaseOrder], planning.Plan]:
    """Write the plan's proposals as draft purchase orders (`progress`: see `planning.needs`)."""
    plan = compute(uow, now, progress)
    made: list[PurchaseOrder] = []
    facts = uow.supply.product_facts(line.sku for p in plan.proposals for line in p.lines)
    first = uow.purchasing.next_number()  # read before any is added, so that none is counted twice
    base = int(first.removeprefix("PO-"))
    for ahead, proposal in enumerate(plan.proposals):
        po = PurchaseOrder(
            number=f"PO-{base + ahead:06d}",
            supplier_id=proposal.supplier_id,
            warehouse=proposal.warehouse,
            currency=proposal.currency,
            created_at=now,
            expected_date=proposal.expected_date,
        )
        for number, item in enumerate(proposal.lines, start=1):
            gtin, name = facts.get(item.sku, (None, ""))
            po.lines.append(
                PoLine(
                    line_no=number, sku=item.sku, supplier_item_code=item.supplier_item_code,
                    quantity=item.quantity, unit_price=item.unit_price,
                    gtin=gtin, description=name,
                    expected_date=proposal.expected_date,
                )
            )  # fmt: skip
        po.note("propose", actor, now, f"planned: {len(po.lines)} line(s)")
        uow.purchasing.add(po)
        made.append(po)
    uow.flush()
    return made, plan


def locked(uow: PurchasingUnitOfWork, ident: int | str) -> PurchaseOrder:
    po = uow.purchasing.po(ident, lock=True)
    if po is None:
        raise NotFound(f"purchase order {ident} does not exist")
    return po


def approve(uow: PurchasingUnitOfWork, ident: int | str, actor: str, now: datetime) -> PurchaseOrder:
    """A buyer approves a draft; it goes out on the supplier's channel after commit."""
    po = locked(uow, ident)
    if not po.lines:
        raise PurchasingError(f"purchase order {po.number} has no lines left; drop it instead")
    supplier = uow.purchasing.supplier(po.supplier_id)
    if supplier is None or supplier.address is None:
        raise PurchasingError(f"supplier {po.supplier_id} has no address on its channel")
    po.move(PoState.APPROVED, "approve", actor, now)
    uow.flush()
    assert po.id is not None
    uow.emit(PurchaseOrderApproved(po.id))
    return po


def drop(
    uow: PurchasingUnitOfWork, ident: int | str, actor: str, now: datetime, reason: str
) -> PurchaseOrder:
    po = locked(uow, ident)
    po.move(PoState.CANCELLED, "drop", actor, now, reason)
    return po


def edit(
    uow: PurchasingUnitOfWork, ident: int | str, line_no: int, quantity: Decimal, actor: str, now: datetime
) -> PurchaseOrder:
    po = locked(uow, ident)
    po.set_quantity(line_no, quantity, actor, now)
    return po


def close(
    uow: PurchasingUnitOfWork, ident: int | str, actor: str, now: datetime, reason: str
) -> PurchaseOrder:
    """Nothing more will come (a short delivery accepted) or all is settled."""
    po = locked(uow, ident)
    po.move(PoState.CLOSED, "close", actor, now, reason)
    return po

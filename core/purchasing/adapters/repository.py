"""Purchasing's repository: suppliers and their products, preferences and reorder rules, purchase
orders with their lines and history, receipts and the suppliers' documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.kernel.adapters.master_memo import StampedMemo
from core.purchasing.adapters import orm
from core.purchasing.domain.answers import AnswerKind, DocumentState, SupplierDocument
from core.purchasing.domain.orders import PoLine, PoState, PurchaseOrder
from core.purchasing.domain.receiving import Receipt
from core.purchasing.domain.suppliers import Offer, Preference, ReorderRule, Rule, Supplier, SupplierProduct

Row = Supplier | SupplierProduct | Preference | ReorderRule


class PurchasingRepository:
    def __init__(self, session: Session, shared: StampedMemo | None = None) -> None:
        self.session = session
        self._shared = shared  # a read-only unit of work's: the suppliers remembered by the process

    # -- master data -------------------------------------------------------------------------------
    def supplier(self, supplier_id: str, *, lock: bool = False) -> Supplier | None:
        stmt = select(Supplier).where(orm.suppliers.c.supplier_id == supplier_id)
        return self.session.scalars(stmt.with_for_update() if lock else stmt).first()

    def supplier_by_edi_id(self, edi_id: str) -> Supplier | None:
        return self.session.scalars(select(Supplier).where(orm.suppliers.c.edi_id == edi_id)).first()

    def suppliers(self) -> Sequence[Supplier]:
        if self._shared is not None:
            found: Sequence[Supplier] = self._shared.get(("suppliers",), self._suppliers)
            return found
        return self._suppliers()

    def _suppliers(self) -> Sequence[Supplier]:
        return self.session.scalars(select(Supplier).order_by(orm.suppliers.c.supplier_id)).all()

    def offer(self, supplier_id: str, sku: str) -> SupplierProduct | None:
        return self.session.get(SupplierProduct, (supplier_id, sku))

    def offers(self, supplier_id: str | None = None) -> Sequence[SupplierProduct]:
        stmt = select(SupplierProduct).order_by(
            orm.supplier_products.c.supplier_id, orm.supplier_products.c.sku
        )
        if supplier_id is not None:
            stmt = stmt.where(orm.supplier_products.c.supplier_id == supplier_id)
        return self.session.scalars(stmt).all()

    def preferences(self) -> dict[tuple[str, str], str]:
        rows = self.session.execute(select(orm.purchase_preferences)).all()
        return {(r.sku, r.warehouse): r.supplier_id for r in rows}

    def rules(self) -> Sequence[ReorderRule]:
        return self.session.scalars(select(ReorderRule)).all()

    # planning reads every rule and offer: plain rows, not mapped objects (a tenth of the time)
    def rule_rows(self) -> Sequence[Rule]:
        return self.session.execute(select(orm.reorder_rules)).all()

    def offer_rows(self) -> Sequence[Offer]:
        return self.session.execute(select(orm.supplier_products)).all()

    def upsert(self, row: Row) -> bool:
        """Insert or replace by primary key; True when the row is new."""
        if self._shared is not None:  # this unit of work writes master data: it reads its own from here
            self._shared.forget()
            self._shared = None
        existing = self.session.get(type(row), _key(row))
        self.session.merge(row)
        return existing is None

    # -- purchase orders ---------------------------------------------------------------------------
    def add(self, po: PurchaseOrder) -> None:
        self.session.add(po)

    def next_number(self) -> str:
        last = self.session.scalar(select(func.max(orm.purchase_orders.c.id))) or 0
        return f"PO-{last + 1:06d}"

    def po(self, ident: int | str, *, lock: bool = False) -> PurchaseOrder | None:
        c = orm.purchase_orders.c
        stmt = select(PurchaseOrder).where(c.id == ident if isinstance(ident, int) else c.number == ident)
        return self.session.scalars(stmt.with_for_update() if lock else stmt).first()

    def pos(self, *, states: Iterable[PoState] | None = None, limit: int = 200) -> Sequence[PurchaseOrder]:
        stmt = select(PurchaseOrder).order_by(orm.purchase_orders.c.id.desc()).limit(limit)
        if states is not None:
            stmt = stmt.where(orm.purchase_orders.c.state.in_(list(states)))
        return self.session.scalars(stmt).all()

    def on_order(self, states: Iterable[PoState]) -> dict[tuple[str, str], Decimal]:
        """What is still to come per (sku, warehouse) on orders in these states."""
        lines, pos = orm.purchase_order_lines.c, orm.purchase_orders.c
        stmt = (
            select(lines.sku, pos.warehouse, lines.quantity, lines.confirmed_quantity, lines.received)
            .join(orm.purchase_orders, pos.id == lines.po_id)
            .where(pos.state.in_(list(states)))
        )
        out: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for sku, warehouse, quantity, confirmed, received in self.session.execute(stmt):
            expected = quantity if confirmed is None else confirmed
            out[(sku, warehouse)] += max(expected - received, Decimal(0))
        return out

    def lines_with_gtin(self, gtin: str, states: Iterable[PoState]) -> Sequence[PoLine]:
        lines, pos = orm.purchase_order_lines.c, orm.purchase_orders.c
        stmt = (
            select(PoLine)
            .join(orm.purchase_orders, pos.id == lines.po_id)
            .where(lines.gtin == gtin, pos.state.in_(list(states)))
            .order_by(pos.id)
        )
        return self.session.scalars(stmt).all()

    def damaged_lines(self, sku: str, warehouse: str) -> Sequence[PoLine]:
        """Lines of orders for this warehouse with damaged units of the SKU not yet released, oldest
        order first, locked: a release is counted against them."""
        lines, pos = orm.purchase_order_lines.c, orm.purchase_orders.c
        stmt = (
            select(PoLine)
            .join(orm.purchase_orders, pos.id == lines.po_id)
            .where(lines.sku == sku, pos.warehouse == warehouse, lines.damaged > lines.released)
            .order_by(pos.id, lines.line_no)
            .with_for_update()
        )
        return self.session.scalars(stmt).all()

    # -- receipts and supplier documents ----------------------------------------------------------
    def add_receipt(self, receipt: Receipt) -> None:
        self.session.add(receipt)

    def receipts(self, po_id: int | None = None, limit: int = 200) -> Sequence[Receipt]:
        stmt = select(Receipt).order_by(orm.purchase_receipts.c.id.desc()).limit(limit)
        if po_id is not None:
            stmt = stmt.where(orm.purchase_receipts.c.po_id == po_id)
        return self.session.scalars(stmt).all()

    def add_document(self, document: SupplierDocument) -> None:
        self.session.add(document)

    def document(self, ident: int, *, lock: bool = False) -> SupplierDocument | None:
        stmt = select(SupplierDocument).where(orm.supplier_documents.c.id == ident)
        return self.session.scalars(stmt.with_for_update() if lock else stmt).first()

    def documents(
        self,
        *,
        po_id: int | None = None,
        kind: AnswerKind | None = None,
        state: DocumentState | None = None,
        limit: int = 200,
    ) -> Sequence[SupplierDocument]:
        c = orm.supplier_documents.c
        stmt = select(SupplierDocument).order_by(c.id.desc()).limit(limit)
        if po_id is not None:
            stmt = stmt.where(c.po_id == po_id)
        if kind is not None:
            stmt = stmt.where(c.kind == kind)
        if state is not None:
            stmt = stmt.where(c.state == state)
        return self.session.scalars(stmt).all()

    def known_document(self, supplier_id: str, kind: AnswerKind, reference: str) -> SupplierDocument | None:
        c = orm.supplier_documents.c
        stmt = select(SupplierDocument).where(
            c.supplier_id == supplier_id, c.kind == kind, c.reference == reference
        )
        return self.session.scalars(stmt).first()

    def clear_preferences(self, skus: Iterable[str]) -> None:
        self.session.execute(
            delete(orm.purchase_preferences).where(orm.purchase_preferences.c.sku.in_(list(skus)))
        )

    # -- the automatic nightly run -------------------------------------------------------------
    def claim_run(self, slot: date, actor: str, now: datetime) -> bool:
        """Take the night's run; False when it was taken already (here or by another process, which
        the primary key makes wait for the other's commit and then refuse)."""
        if self.run_of(slot) is not None:
            return False
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(orm.purchasing_runs).values(slot=slot, started_at=now, actor=actor)
                )
        except IntegrityError:
            return False
        return True

    def finish_run(self, slot: date, proposed: int) -> None:
        runs = orm.purchasing_runs
        self.session.execute(update(runs).where(runs.c.slot == slot).values(proposed=proposed))

    def run_of(self, slot: date) -> dict[str, object] | None:
        row = self.session.execute(
            select(orm.purchasing_runs).where(orm.purchasing_runs.c.slot == slot)
        ).first()
        return dict(row._mapping) if row else None


def _key(row: Row) -> tuple[str, ...] | str:
    if isinstance(row, Supplier):
        return row.supplier_id
    if isinstance(row, SupplierProduct):
        return (row.supplier_id, row.sku)
    return (row.sku, row.warehouse)

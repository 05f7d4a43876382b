"""Purchasing's entry point for the CLI, the API and the jobs: every step in its own transaction,
events published after commit. Built by the composition root with the channels' purchase-order
writers and senders and the reader of suppliers' EDIFACT messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import TypeVar

from core.kernel.services.delivery import Sender
from core.kernel.services.runner import run_step
from core.purchasing.domain.answers import SupplierAnswer, SupplierDocument
from core.purchasing.domain.landed import Basis, Charge
from core.purchasing.domain.mailed import ReadDocument
from core.purchasing.domain.matching import Tolerance
from core.purchasing.domain.nightly import due_slot
from core.purchasing.domain.orders import PoState, PurchaseOrder
from core.purchasing.domain.planning import Plan, Progress
from core.purchasing.domain.receiving import Counted, Receipt
from core.purchasing.services import (
    answers,
    credits,
    invoices,
    mailed,
    orders,
    quarantine,
    receiving,
    sending,
)
from core.purchasing.services.masterdata import ImportReport, import_csv
from core.purchasing.services.sending import PoWriter
from core.purchasing.services.unit_of_work import Held, PurchasingUnitOfWork

T = TypeVar("T")
NIGHTLY = "system:nightly-plan"  # the actor of the automatic run, in the orders' history
Step = Callable[[PurchasingUnitOfWork, datetime], T]


@dataclass
class Purchasing:
    uow_factory: Callable[[], PurchasingUnitOfWork]
    clock: Callable[[], datetime]
    publish: Callable[[list[object]], None]
    writers: Mapping[str, PoWriter] = field(default_factory=dict)
    senders: Mapping[str, Sender] = field(default_factory=dict)
    tolerance: Tolerance = field(default_factory=Tolerance)

    def run(self, step: Step[T]) -> T:
        return run_step(self.uow_factory, self.clock, self.publish, step)

    def import_csv(self, kind: str, text: str) -> ImportReport:
        return import_csv(self.uow_factory(), kind, text)

    # -- planning and the buyer's steps ---------------------------------------------------------
    def preview(self, progress: Progress | None = None) -> Plan:
        """The plan, written nowhere; `progress(done, total)` hears per (sku, warehouse) looked at."""
        with self.uow_factory() as uow:
            return orders.compute(uow, self.clock(), progress)

    def plan(self, actor: str, progress: Progress | None = None) -> tuple[list[PurchaseOrder], Plan]:
        """The plan's proposals as draft purchase orders; `progress` as in `preview`."""
        return self.run(lambda uow, now: orders.propose(uow, actor, now, progress))

    def approve(self, ident: int | str, actor: str) -> PurchaseOrder:
        return self.run(lambda uow, now: orders.approve(uow, ident, actor, now))

    def drop(self, ident: int | str, actor: str, reason: str = "dropped by the buyer") -> PurchaseOrder:
        return self.run(lambda uow, now: orders.drop(uow, ident, actor, now, reason))

    def edit(self, ident: int | str, line_no: int, quantity: Decimal, actor: str) -> PurchaseOrder:
        return self.run(lambda uow, now: orders.edit(uow, ident, line_no, quantity, actor, now))

    def close(self, ident: int | str, actor: str, reason: str = "closed by the buyer") -> PurchaseOrder:
        return self.run(lambda uow, now: orders.close(uow, ident, actor, now, reason))

    def nightly(self, at: time) -> list[PurchaseOrder] | None:
        """Today's automatic run once `at` (UTC) has passed, unless it ran: its drafts wait for a
        buyer's approval. None when it is not due yet or was made already (here or by another process)."""
        slot = due_slot(self.clock(), at)
        if slot is None:
            return None
        with self.uow_factory() as uow:  # the sweep asks every few seconds: a read, no write, when done
            if uow.purchasing.run_of(slot) is not None:
                return None

        def step(uow: PurchasingUnitOfWork, now: datetime) -> list[PurchaseOrder] | None:
            if not uow.purchasing.claim_run(slot, NIGHTLY, now):
                return None
            made, _ = orders.propose(uow, NIGHTLY, now)
            uow.purchasing.finish_run(slot, len(made))
            return made

        return self.run(step)

    def send(self, po_id: int) -> PoState:
        """Put an approved order on its supplier's channel (the job `send_purchase_order`)."""
        return sending.send(self.uow_factory, po_id, self.writers, self.senders, self.clock)

    def waiting_to_send(self) -> list[int]:
        with self.uow_factory() as uow:
            return [po.id for po in uow.purchasing.pos(states=[PoState.APPROVED]) if po.id is not None]

    # -- goods in, suppliers' messages ------------------------------------------------------------
    def receive(
        self,
        ident: int | str,
        counts: Sequence[Counted],
        actor: str,
        *,
        location: str | None = None,
        quarantine: str = receiving.QUARANTINE,
        reference: str = "",
    ) -> Receipt:
        return self.run(
            lambda uow, now: receiving.receive(
                uow, ident, counts, actor, now, location=location, quarantine=quarantine, reference=reference
            )
        )

    def held(self, warehouse: str | None = None) -> list[Held]:
        """Damaged goods waiting in quarantine."""
        with self.uow_factory() as uow:
            return quarantine.held(uow, warehouse)

    def release(
        self,
        sku: str,
        warehouse: str,
        quantity: Decimal,
        actor: str,
        *,
        location: str = receiving.QUARANTINE,
        to: str | None = None,
    ) -> str:
        """Damaged goods found fit: out of quarantine into available stock; returns where they went."""
        return self.run(
            lambda uow, now: quarantine.release(
                uow, sku, warehouse, quantity, actor, now, location=location, to=to
            )
        )

    def write_off(
        self, sku: str, warehouse: str, quantity: Decimal, actor: str, *, location: str = receiving.QUARANTINE
    ) -> None:
        """Damaged goods given up: off the books, the loss posted."""
        self.run(
            lambda uow, now: quarantine.write_off(
                uow, sku, warehouse, quantity, actor, now, location=location
            )
        )

    def announced(self, ident: int | str, reference: str) -> list[Counted]:
        with self.uow_factory() as uow:
            return receiving.announced(uow, ident, reference)

    def take_answers(
        self, found: Sequence[SupplierAnswer], document_id: int | None, actor: str = "system:suppliers"
    ) -> list[SupplierDocument]:
        return self.run(lambda uow, now: answers.take(uow, found, document_id, self.tolerance, actor, now))

    def type_invoice(
        self,
        ident: int | str,
        number: str,
        lines: Sequence[tuple[str, Decimal, Decimal]],
        actor: str,
        *,
        charges: Sequence[Charge] = (),
        tax: Decimal = Decimal(0),
        basis: Basis = Basis.VALUE,
    ) -> SupplierDocument:
        """A supplier's invoice typed in against an order: matched, posted with its landed cost, or left
        waiting for a buyer."""
        return self.run(
            lambda uow, now: invoices.typed(
                uow, ident, number, lines, self.tolerance, actor, now, charges=charges, tax=tax, basis=basis
            )
        )

    def type_credit_note(
        self,
        ident: int | str,
        number: str,
        lines: Sequence[tuple[str, Decimal, Decimal]],
        actor: str,
        *,
        tax: Decimal = Decimal(0),
        corrects: str | None = None,
    ) -> SupplierDocument:
        """A supplier's credit note typed in against an order: matched against what was invoiced and
        not received, posted out of accounts payable, or left waiting for a buyer."""
        return self.run(
            lambda uow, now: credits.typed(
                uow, ident, number, lines, self.tolerance, actor, now, tax=tax, corrects=corrects
            )
        )

    def decide_invoice(self, document_id: int, accept: bool, actor: str) -> SupplierDocument:
        return self.run(lambda uow, now: answers.decide(uow, document_id, accept, actor, now))

    def keep_document(
        self,
        supplier_id: str,
        reference: str,
        text: str,
        document_id: int,
        detail: Mapping[str, object],
        read: ReadDocument | None = None,
    ) -> SupplierDocument:
        """A supplier's e-mailed or faxed document: kept waiting for a buyer, or, an invoice or
        delivery note read surely, taken onto its order."""
        return self.run(
            lambda uow, now: mailed.keep(
                uow, supplier_id, reference, text, document_id, detail, now, read, self.tolerance
            )
        )

    def settle_document(self, document_id: int, handled: bool, actor: str) -> SupplierDocument:
        """A buyer marks a waiting supplier document handled, or dismisses it."""
        return self.run(lambda uow, now: mailed.settle(uow, document_id, handled, actor, now))

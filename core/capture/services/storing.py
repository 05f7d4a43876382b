"""Storing what was read of one document: each captured order validated, judged and checked against
the customer's earlier orders (a buyer's change applied instead), the orders inserted, the answers
queued and the document's final state set, all in the caller's transaction. The single path and the
collector's batch (`processing`, `collecting`) store each document through the same `Storing.apply`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from core.capture.domain.documents import DocumentRecord, DocumentState, InboundDocument, ParseResult
from core.capture.domain.events import DocumentDecided, OrdersAccepted
from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.layout import PageWords
from core.capture.domain.mail_headers import Original
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.partners import partner_problems
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services import duplicates, interchanges
from core.capture.services.answers import Answers
from core.capture.services.deciding import checked_partner, judge, resolve, settle_prefix
from core.capture.services.order_changes import apply_captured_change
from core.capture.services.orders import order_from_resolved, pages_rows
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Decision, Order, OrderState, Partner
from core.kernel.errors import LifecycleError, NotFound

Validator = Callable[[CapturedOrder, MasterData, date], ResolvedOrder]
Clock = Callable[[], datetime]
Decided = tuple[int, str | None, Decision, OrderState]  # a new order's id, PO number, decision, state


def decisions(orders: Sequence[Order]) -> list[Decided]:
    """What became of each new order, in message order (what processing reports and logs)."""
    return [(o.id, o.po_number, o.decision, o.state) for o in orders if o.id is not None]


@dataclass(frozen=True)
class Storing:
    """Stores one read document's orders and answers in the caller's unit of work (which commits)."""

    validate: Validator
    clock: Clock
    answers: Answers

    def apply(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        doc: InboundDocument,
        result: ParseResult,
        batch: duplicates.BatchRecent | None = None,
    ) -> list[Order]:
        """The document's new orders, stored with its answers, events and final state; the customers
        its orders were checked against are held from the end of this call to the commit. `batch`:
        the earlier orders read for the documents stored before this one in the same transaction;
        then its customers are held, and its questions asked again, by `batch.confirm()`."""
        now = self.clock()
        assert record.id is not None
        if result.sender and not record.sender:  # e.g. a fax header line when no sidecar named it
            record.sender = result.sender[:256]
        receipts = result.interchanges
        screening = interchanges.screen(uow, receipts, record.id)
        orders, taken, changed, seen = self._orders(uow, record, result, screening, now, batch)
        uow.orders.insert_new(record.id, orders)
        if batch is not None:
            batch.add(record.id, orders)
        pages = result.extra.get("pages")
        if orders and isinstance(pages, tuple | list) and all(isinstance(p, PageWords) for p in pages):
            uow.review.add_pages(record.id, pages_rows(pages))
        interchanges.record_taken(uow, receipts, screening, taken, record.id, now)

        contrls = interchanges.contrl_receipts(receipts, screening, taken)
        # the reply's draft takes what the reader read of the e-mail's headers, not a second parse
        read = result.extra.get("original")
        original = read if isinstance(read, Original) else None
        self.answers.for_document(
            uow, record, receipts, contrls, orders, now, original
        )  # emits what it queued
        # the format is set with the final state, not first: set first, the row went out twice, the
        # format flushed by the first read below (nothing here reads it back) and the state at the end
        record.format = result.format
        record.updated_at = now
        _conclude(record, result, screening, changed, orders, now)
        accepted = tuple(o.id for o in orders if o.id is not None and o.state == OrderState.ACCEPTED)
        if accepted:
            uow.emit(OrdersAccepted(accepted, with_document=True))
        if orders:
            uow.emit(DocumentDecided(record.id))
        if batch is None:
            seen.confirm()  # last: the customers are held from here to the commit
        else:
            batch.decided(seen)  # confirmed with the batch's other documents, just before its commit
        return orders

    def _orders(
        self,
        uow: CaptureUnitOfWork,
        record: DocumentRecord,
        result: ParseResult,
        screening: interchanges.Screening,
        now: datetime,
        batch: duplicates.BatchRecent | None,
    ) -> tuple[list[Order], dict[int, int], list[Problem], duplicates.DuplicateIndex]:
        """Validate and decide each captured order (a change is applied instead); returns the new
        orders, how many messages were taken per interchange, what each change came to, and the
        duplicate index the decisions read (to be confirmed before the commit)."""
        assert record.id is not None
        receipts = result.interchanges
        orders: list[Order] = []
        taken: dict[int, int] = {}
        changed: list[Problem] = []
        read: list[tuple[int, int | None, ResolvedOrder]] = []  # (index, interchange, resolved)
        uow.master.prefetch_products(_codes(result.orders))
        for index, captured in enumerate(result.orders):
            source = captured.interchange_index
            if source is not None and source in screening.duplicates:
                continue
            if captured.function == "change" and self._sender_may_change(
                uow, receipts, source, captured, now
            ):
                outcome = self._apply_change(uow, captured, now)
                if batch is not None:
                    batch.forget()  # an earlier order may have changed: the batch's next reads are fresh
                changed.append(outcome)
                if outcome.severity < Severity.REVIEW:
                    if source is not None:
                        taken[source] = taken.get(source, 0) + 1
                    continue
                captured = captured.with_problems(outcome)  # not applied: a clerk decides
            read.append((index, source, resolve(record, captured, self.validate, uow.master, now)))
        # read unheld: what a worker deciding the same customer at once commits meanwhile is looked
        # for again, the customers held, just before this document's commit (`DuplicateIndex.confirm`)
        seen = duplicates.DuplicateIndex(uow, record.id, now, str(record.channel), batch)
        policies = uow.policies.all()
        partners: dict[str, Partner | None] = {}
        for index, source, resolved in read:
            resolved = settle_prefix(
                resolved, seen, lambda again: resolve(record, again, self.validate, uow.master, now)
            )
            resolved = judge(record, resolved, policies, seen)
            earlier = seen.earlier(resolved, str(record.channel))
            if earlier is not None:
                resolved = duplicates.flag(resolved, earlier)
            sender = None
            if source is not None and source < len(receipts):
                sender = receipts[source].sender_id
                resolved = checked_partner(uow, receipts[source], resolved, partners)
            order = order_from_resolved(resolved, record, index, now, sender)
            order.duplicate_of = earlier
            orders.append(order)
            if source is not None:
                taken[source] = taken.get(source, 0) + 1
        return orders, taken, changed, seen

    def _sender_may_change(
        self,
        uow: CaptureUnitOfWork,
        receipts: tuple[InterchangeReceipt, ...],
        source: int | None,
        captured: CapturedOrder,
        now: datetime,
    ) -> bool:
        """A change from an interchange is applied only for a partner that speaks for its buyer; one
        that does not stays an order in review, the partner's problem on it."""
        if source is None or source >= len(receipts):
            return True
        customer_id = self.validate(captured, uow.master, now.date()).customer_id
        customer = uow.master.customer(customer_id) if customer_id else None
        return not partner_problems(receipts[source], uow.partners.get(receipts[source].sender_id), customer)

    def _apply_change(self, uow: CaptureUnitOfWork, captured: CapturedOrder, now: datetime) -> Problem:
        """Apply a buyer's change (ORDCHG, or BGM function "change") to the order it changes.

        Returns an INFO problem saying what was done, or a REVIEW problem saying why it was not
        (no such order, or goods already in the warehouse), in which case the change is kept as an
        order in review for a clerk.
        """
        customer = self.validate(captured, uow.master, now.date()).customer_id
        try:
            with uow.savepoint():
                outcome = apply_captured_change(uow, captured, customer, "edi", now)
        except (NotFound, LifecycleError) as exc:
            return Problem(
                ProblemCode.CHANGE_NOT_APPLIED,
                f"change to order {captured.po_number!r} not applied: {exc}",
                field="po_number",
            )
        done = ", ".join(f"line {k}: {v}" for k, v in outcome.items()) or "nothing to change"
        return Problem(
            ProblemCode.CHANGE_APPLIED,
            f"change to order {captured.po_number!r} applied ({done})",
            severity=Severity.INFO,
        )


def _codes(orders: Sequence[CapturedOrder]) -> set[str]:
    """The codes validation looks up as our SKUs first (`validation.resolve.resolve_line`)."""
    return {c for o in orders for line in o.lines for c in (line.supplier_item_code, line.item_code) if c}


def _only_acknowledgements(result: ParseResult) -> bool:
    types = [m.type for r in result.interchanges for m in r.messages]
    return bool(types) and all(t == "CONTRL" for t in types)


def _conclude(
    record: DocumentRecord,
    result: ParseResult,
    screening: interchanges.Screening,
    changed: list[Problem],
    orders: list[Order],
    now: datetime,
) -> None:
    """The document's problems and final state: processed, duplicate or quarantined (with why)."""
    receipts = result.interchanges
    doc_problems = list(result.problems) + screening.problems + changed
    record.problems = [p.as_dict() for p in doc_problems]
    if screening.duplicates:
        record.duplicate_of = min(screening.duplicates.values())
    if orders or any(p.severity < Severity.REVIEW for p in changed):
        record.state = DocumentState.PROCESSED
    elif receipts and len(screening.duplicates) == len(receipts):
        record.state = DocumentState.DUPLICATE
    elif result.error:
        record.quarantine(result.error, now)
    elif _only_acknowledgements(result):
        record.state = DocumentState.PROCESSED
    else:
        reasons = "; ".join(p.message for p in doc_problems) or "no order found in the document"
        record.quarantine(reasons, now)

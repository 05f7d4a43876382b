"""Keeping the summary up to date: an order's refresh (what each published event about it sets off) and
the rebuild from scratch (`oms reports rebuild`)."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal

from core.reporting.domain.facts import ZERO, Contribution, contribution, delta
from core.reporting.services.unit_of_work import ReportingUnitOfWork

Progress = Callable[[int, int], None]  # (done, total)


class Upkeep:
    def __init__(self, uow_factory: Callable[[], ReportingUnitOfWork], clock: Callable[[], datetime]) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self._lock = threading.Lock()
        self._deferred: set[int] | None = None  # orders noted while refreshes are deferred
        self._documents: set[int] = set()  # and documents

    @contextmanager
    def deferred(self, batch: int = 500) -> Iterator[None]:
        """Within this block refreshes are only noted, and each order noted is refreshed once when it
        ends (`batch` orders a transaction): a bulk run (the demo history) touches every order many times
        and needs the summary only at its end.  The refresh is the same one, so the sums are too; a run
        killed inside the block leaves its orders uncounted until `oms reports rebuild`."""
        with self._lock:
            self._deferred, self._documents = set(), set()
        try:
            yield
        finally:
            with self._lock:
                orders, documents = self._deferred or set(), sorted(self._documents)
                self._deferred, self._documents = None, set()
            with self.uow_factory() as uow:
                for document_id in documents:
                    orders.update(uow.orders.ids_for_document(document_id))
            noted = sorted(orders)
            for start in range(0, len(noted), batch):
                self.refresh(noted[start : start + batch])

    def refresh(self, order_ids: Iterable[int]) -> int:
        """Bring the summary in line with these orders as they stand now: each order's last contribution
        comes off and its new one goes on, in one transaction.  Running it again with nothing changed
        changes nothing, so an event delivered twice counts once.  Returns how many orders changed
        (none while refreshes are deferred: they are only noted)."""
        with self._lock:
            if self._deferred is not None:
                self._deferred.update(order_ids)
                return 0
        with self.uow_factory() as uow:
            changed = self._refresh_in(uow, order_ids)
            uow.commit()
        return changed

    def _refresh_in(self, uow: ReportingUnitOfWork, order_ids: Iterable[int]) -> int:
        ids = sorted(set(order_ids))
        if not ids:
            return 0
        changed = 0
        now = self.clock()
        old = uow.reporting.last_contributions(ids, now)
        facts = uow.reporting.facts(ids)
        total: Contribution = defaultdict(dict)
        saved: dict[int, Contribution] = {}
        for oid in ids:
            new = contribution(facts[oid]) if oid in facts else {}
            change = delta(old.get(oid, {}), new)
            if not change:
                continue
            changed += 1
            _merge(total, change)
            saved[oid] = new
        uow.reporting.save_contributions(saved, now)
        uow.reporting.add(total)
        uow.reporting.forget([oid for oid in ids if oid not in facts])
        return changed

    def refresh_document(self, document_id: int) -> int:
        """Refresh every order a document held (what capture decided for them).  While refreshes are
        deferred the document is only noted: its orders are looked up once, when the block ends."""
        with self._lock:
            if self._deferred is not None:
                self._documents.add(document_id)
                return 0
        with self.uow_factory() as uow:  # one transaction: the lookup, then the refresh
            changed = self._refresh_in(uow, uow.orders.ids_for_document(document_id))
            uow.commit()
        return changed

    def refresh_documents(self, document_ids: Sequence[int]) -> int:
        """`refresh_document` for several documents (a publish's), their orders in one transaction."""
        if len(document_ids) == 1:
            return self.refresh_document(document_ids[0])
        with self._lock:
            if self._deferred is not None:
                self._documents.update(document_ids)
                return 0
        with self.uow_factory() as uow:
            changed = self._refresh_in(uow, uow.orders.ids_for_documents(document_ids))
            uow.commit()
        return changed

    def rebuild(self, batch: int = 2000, progress: Progress | None = None, *, per_order: bool = False) -> int:
        """Empty the summary and compute it again from every order; returns the number of orders.
        On PostgreSQL this is a few set-based statements over whole tables (`rebuild_sql`); elsewhere,
        or with `per_order`, the orders' facts are gathered and summed in Python, `batch` at a time.
        `progress(done, total)` hears after each batch, in orders read of all there are."""
        with self.uow_factory() as uow:
            uow.reporting.clear()
            now, count, read = self.clock(), 0, 0
            if not per_order:
                done = uow.reporting.rebuild_in_database(now)
                if done is not None:
                    uow.commit()
                    if progress is not None:
                        progress(done, done)
                    return done
            orders = uow.orders.count() if progress is not None else 0
            total: Contribution = defaultdict(dict)
            for ids in uow.reporting.order_ids(batch):
                facts = uow.reporting.facts(ids)
                rows = [(oid, contribution(facts[oid])) for oid in ids if oid in facts]
                for _, contrib in rows:
                    _merge(total, contrib)
                uow.reporting.insert_contributions(rows, now)
                count += len(rows)
                read += len(ids)
                if progress is not None:
                    progress(read, max(orders, read))
            uow.reporting.insert_sums(total)
            uow.commit()
        return count


def _merge(total: Contribution, change: Contribution) -> None:
    for key, measures in change.items():
        sums: dict[str, Decimal] = total[key]
        for m, v in measures.items():
            sums[m] = sums.get(m, ZERO) + v

"""Replay: read stored documents again with today's readers and rules, and say what would change.

Nothing is written: the unit of work is never committed, no answer is queued, no page is stored.
Each document is judged as on the day it arrived (its arrival date is "today" for the date rules).
The duplicate check is not run again (a later copy of an order would otherwise flag the first); an
order stored as a duplicate keeps its link.  The first-order policy sees orders from every other
document, later ones included.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from core.capture.domain.documents import DocumentRecord, InboundDocument, ParseResult
from core.capture.domain.replay import (
    OrderReplay,
    ReplayReport,
    corrected_fields,
    differences,
    first_reading,
    order_reading,
    resolved_reading,
)
from core.capture.domain.resolution import ResolvedOrder
from core.capture.services import duplicates
from core.capture.services.deciding import Validator, checked_partner, decide
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Order, Partner

log = logging.getLogger(__name__)

Reader = Callable[[InboundDocument], ParseResult]


def replay(
    uow: CaptureUnitOfWork,
    read: Reader,
    validate: Validator,
    *,
    since: datetime | None = None,
    channel: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReplayReport:
    """Read every processed document (from `since`, on `channel`) again; change nothing."""
    report = ReplayReport()
    with uow:
        ids = uow.documents.processed(since=since, channel=channel)
        policies = uow.policies.all()
        for n, doc_id in enumerate(ids, start=1):
            record = uow.documents.get(doc_id)
            if record is not None:
                report.documents += 1
                _replay_document(uow, record, read, validate, policies, report)
            if progress is not None:
                progress(n, len(ids))
        uow.rollback()
    return report


def _read(read: Reader, record: DocumentRecord, content: bytes) -> ParseResult:
    try:
        return read(record.envelope(content))
    except Exception as exc:  # a reader bug is a finding of the replay, not the end of it
        log.exception("reader failed on document %s during replay", record.id)
        return ParseResult(format="unknown", error=f"internal error while reading: {exc!r}")


def _replay_document(
    uow: CaptureUnitOfWork,
    record: DocumentRecord,
    read: Reader,
    validate: Validator,
    policies: dict[str, dict[str, object]],
    report: ReplayReport,
) -> None:
    assert record.id is not None
    result = _read(read, record, uow.blobs.get(record.sha256))
    stored = sorted(uow.orders.for_document(record.id), key=lambda o: o.message_index)
    if result.error and stored:
        report.unreadable.append((record.id, result.error))
    now = record.received_at
    seen = duplicates.DuplicateIndex(uow, record.id, now)
    fresh: list[ResolvedOrder] = []
    partners: dict[str, Partner | None] = {}
    for captured in result.orders:
        if captured.function == "change":  # a buyer's change applies to another order: not replayed
            continue
        resolved = decide(record, captured, validate, uow.master, policies, seen, now)
        source = captured.interchange_index
        if source is not None and source < len(result.interchanges):
            resolved = checked_partner(uow, result.interchanges[source], resolved, partners)
        fresh.append(resolved)
    for index in range(max(len(stored), len(fresh))):
        old = stored[index] if index < len(stored) else None
        new = fresh[index] if index < len(fresh) else None
        report.orders.append(_compare(uow, record, old, new))


def _compare(
    uow: CaptureUnitOfWork, record: DocumentRecord, old: Order | None, new: ResolvedOrder | None
) -> OrderReplay:
    assert record.id is not None
    if new is not None and old is not None and old.duplicate_of is not None:
        new = duplicates.flag(new, old.duplicate_of)
    now_reading = resolved_reading(new) if new is not None else {}
    after = str(new.decision) if new is not None else None
    problems = tuple(p.code.value for p in new.problems) if new is not None else ()
    name, channel = record.original_name, str(record.channel)
    if old is None:
        changes = tuple(differences({}, now_reading))
        return OrderReplay(record.id, channel, name, None, None, after, changes, problems_after=problems)
    audit = uow.review.audit(old.id) if old.id is not None else []
    clerk = order_reading(old)
    corrected = bool(corrected_fields(audit))
    return OrderReplay(
        record.id,
        channel,
        name,
        old.id,
        str(old.decision),
        after,
        changes=tuple(differences(first_reading(clerk, audit), now_reading)),
        corrected=corrected,
        disagreements=tuple(differences(clerk, now_reading)) if corrected else (),
        problems_after=problems,
    )

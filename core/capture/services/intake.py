"""Intake: every channel's arrival is stored (bytes and envelope) before anything else happens."""

from __future__ import annotations

from collections.abc import Callable

from core.capture.domain.documents import DocumentRecord, DocumentState, InboundDocument
from core.capture.domain.events import DocumentStored
from core.capture.services.unit_of_work import CaptureUnitOfWork


def store_arrival(
    uow: CaptureUnitOfWork, doc: InboundDocument, publish: Callable[[list[object]], None]
) -> int:
    """Store the bytes and a document row in one transaction, then ask for it to be processed.

    Duplicates are recognised when the document is processed, not here, so every arrival is on
    record (when, from whom, under what name) even when it makes no new orders.
    """
    with uow:
        uow.blobs.put(doc.sha256, doc.content)
        record = DocumentRecord(
            channel=doc.channel,
            sha256=doc.sha256,
            size=len(doc.content),
            received_at=doc.received_at,
            state=DocumentState.RECEIVED,
            original_name=doc.original_name,
            sender=doc.sender,
            external_id=doc.external_id,
            media_type=doc.media_type,
            updated_at=doc.received_at,
        )
        doc_id = uow.documents.insert(record)  # one INSERT … RETURNING: no flush before the 250
        uow.emit(DocumentStored(doc_id))
        uow.commit()
    publish(uow.collect_events())
    return doc_id

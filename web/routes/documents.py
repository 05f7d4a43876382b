"""`/api/documents`: every arrival with its state, problems, answers and raw bytes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from core.capture.domain.documents import DocumentRecord
from core.kernel.errors import NotFound
from core.unit_of_work import UnitOfWork
from web.deps import IdPath, Offset, UowDep
from web.downloads import content_disposition
from web.schemas import DocumentOut, DocumentPage, OutboundOut

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentPage)
def list_documents(
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Offset = 0,
) -> DocumentPage:
    docs = uow.documents.list(limit=limit, offset=offset)
    return DocumentPage(items=[DocumentOut.model_validate(d) for d in docs], limit=limit, offset=offset)


def _document(uow: UnitOfWork, document_id: int) -> DocumentRecord:
    record = uow.documents.get(document_id)
    if record is None:
        raise NotFound(f"document {document_id} does not exist")
    return record


@router.get("/{document_id}", response_model=DocumentOut)
def get_document(document_id: IdPath, uow: UowDep) -> DocumentOut:
    record = _document(uow, document_id)
    out = DocumentOut.model_validate(record)
    out.order_ids = [o.id for o in uow.orders.for_document(document_id) if o.id is not None]
    out.answers = [OutboundOut.model_validate(m) for m in uow.outbound.for_document(document_id)]
    return out


@router.get("/{document_id}/raw", response_class=Response)
def get_raw(document_id: IdPath, uow: UowDep) -> Response:
    record = _document(uow, document_id)
    content = uow.blobs.get(record.sha256)
    disposition = content_disposition(record.original_name or "", f"document-{document_id}")
    return Response(
        content,
        media_type=record.media_type or "application/octet-stream",
        headers={"Content-Disposition": disposition},
    )

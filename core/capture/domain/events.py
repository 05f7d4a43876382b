"""Events the services emit; published only after the transaction that raised them commits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentStored:
    """A new arrival is stored and waits for a worker."""

    document_id: int


@dataclass(frozen=True)
class DocumentDecided:
    """A document was read and its orders decided (accepted, held for review, refused); the reporting
    summary counts them once, whatever answers the document owes."""

    document_id: int


@dataclass(frozen=True)
class OrdersAccepted:
    """Orders were accepted (at capture, or approved in review) and may go on to fulfilment."""

    order_ids: tuple[int, ...]
    # accepted at capture: the document's `DocumentDecided` already has the summary count them
    with_document: bool = False


@dataclass(frozen=True)
class OrderRejected:
    """A clerk rejected an order held for review (the customer is told by its answer)."""

    order_id: int

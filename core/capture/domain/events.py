"""Events the services emit; published only after the transaction that raised them commits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentStored:
    """A new arrival is stored and waits for a worker."""

    document_id: int


@dataclass(frozen=True)
class OrdersAccepted:
    """Orders were accepted (at capture, or approved in review) and may go on to fulfilment."""

    order_ids: tuple[int, ...]

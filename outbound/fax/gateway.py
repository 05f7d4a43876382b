"""Answers by fax: the fax-gateway interface, the spool adapter a fax server collects from, and the sender.

The spool adapter writes two files into its folder (`var/outbox/fax/`), each atomically, the document
first, so a job file is never seen before its document is complete:

    <reference>.pdf    what to send
    <reference>.json   the job: {"number", "document", "pages", "reference", "order_id", "created_at"}

A pick-up script hands each job to the fax server (HylaFAX: `sendfax -n -d "$number" "$document"`) or
to a T.38/e-fax provider's API, and removes or moves both files once the server has taken the job.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

import pypdfium2 as pdfium

from core.kernel.domain.model import Customer, Order, OutboundKind, OutboundMessage
from outbound.confirmation import Letterhead, render_confirmation
from outbound.spool import safe_name, write_atomically

CHANNEL = "fax"


@dataclass(frozen=True)
class FaxJob:
    """One fax to send: where, what, how many pages, under which of our references."""

    number: str  # E.164 ("+34912345678") where we know it
    document: bytes  # PDF
    reference: str  # unique per job; names the spool files
    pages: int
    order_id: int | None = None
    created_at: datetime | None = None


class FaxGateway(Protocol):
    """Accepts a fax for sending; submitting the same job again must not send it twice."""

    def submit(self, job: FaxJob) -> None: ...


class SpoolFaxGateway:
    """The default gateway: the PDF and a job file in a folder a fax server collects from."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def paths(self, reference: str) -> tuple[Path, Path]:
        stem = safe_name(reference)
        return self.root / f"{stem}.pdf", self.root / f"{stem}.json"

    def job_file(self, job: FaxJob) -> bytes:
        document, _ = self.paths(job.reference)
        body = {
            "number": job.number,
            "document": document.name,
            "pages": job.pages,
            "reference": job.reference,
            "order_id": job.order_id,
            "created_at": job.created_at.isoformat() if job.created_at else None,
        }
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def submit(self, job: FaxJob) -> None:
        document, ticket = self.paths(job.reference)
        for path, content in ((document, job.document), (ticket, self.job_file(job))):
            if path.exists() and path.read_bytes() == content:
                continue
            write_atomically(path, content)


def page_count(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


class FaxSender:
    """Delivers outbound fax messages (a `Sender` of core.kernel.services.delivery) through a gateway."""

    def __init__(self, gateway: FaxGateway) -> None:
        self.gateway = gateway

    def send(self, message: OutboundMessage) -> None:
        self.gateway.submit(
            FaxJob(
                number=message.recipient,
                document=message.content,
                reference=Path(message.filename).stem,
                pages=page_count(message.content),
                order_id=message.order_id,
                created_at=message.created_at,
            )
        )


def confirmation_by_fax(
    order: Order,
    customer: Customer | None,
    number: str,
    language: str,
    now: datetime,
    letterhead: Letterhead | None = None,
) -> OutboundMessage:
    """The confirmation of one decided order as an outbound fax, rendered now, named for good."""
    content = render_confirmation(order, customer, language, now=now, number=number, letterhead=letterhead)
    return OutboundMessage(
        channel=CHANNEL,
        kind=OutboundKind.REPLY,
        recipient=number,
        filename=confirmation_name(order, now),
        content=content,
        created_at=now,
        order_id=order.id,
    )


def confirmation_name(order: Order, now: datetime) -> str:
    """The spool name of an order's faxed confirmation, fixed when it is first owed."""
    return f"confirmation-{order.id}-{now.strftime('%Y%m%dT%H%M%SZ')}.pdf"

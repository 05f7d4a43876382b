"""Wires purchasing: its service with the registered channels' purchase-order writers and senders, and
the steps that take a supplier's EDIFACT answer, or a supplier's e-mailed or faxed document, out of
the intake before it could be read as a customer's order. Its job (sending an approved order) and
the event that queues it are entries of `oms.handlers`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import time
from decimal import Decimal
from email.utils import parseaddr

from core.capture.domain.documents import Channel, DocumentRecord, DocumentState
from core.kernel.errors import ComandaError, ParseError
from core.purchasing.domain.answers import AnswerKind, SupplierAnswer
from core.purchasing.domain.landed import Charge
from core.purchasing.domain.mailed import ReadDocument
from core.purchasing.domain.matching import Tolerance
from core.purchasing.services import answers, mailed
from core.purchasing.services.purchasing import Purchasing as PurchasingService
from core.unit_of_work import UnitOfWork
from oms.wiring import Wiring
from parsers.edifact.supplier import read_supplier_answers
from parsers.edifact.supplier_charges import read_invoice_charges
from parsers.supplier_documents import read_arrival
from parsers.supplier_sources import Scans
from parsers.supplier_text import MailText, document_text, mail_from, mail_parts

log = logging.getLogger(__name__)
SUPPLIER_MESSAGES = (b"ORDRSP", b"DESADV", b"INVOIC")  # the message types suppliers answer with
SENDER_KINDS = {Channel.EMAIL: "email", Channel.FAX: "fax"}  # arrivals a supplier's document may be


class Purchasing:
    """Purchasing as the app wires it."""

    def __init__(
        self, wiring: Wiring, price_tolerance: Decimal = Decimal("0.02"), scans: Scans | None = None
    ) -> None:
        self.wiring = wiring
        self.scans = scans  # faxed and scanned supplier documents: read by the customers' fax OCR
        self.service = PurchasingService(
            uow_factory=wiring.uow,
            clock=wiring.clock,
            publish=wiring.publish,
            writers=wiring.channels.purchase_writers(),
            senders=wiring.channels.senders(),
            tolerance=Tolerance(price=price_tolerance),
        )

    def tick(self, at: time | None) -> int:
        """The sweep's periodic step: with OMS_PURCHASING_AUTO_PLAN set, the night's planning run once it
        is due; returns how many drafts it raised (0 when off, not due, or done already)."""
        if at is None:
            return 0
        made = self.service.nightly(at)
        if made is None:
            return 0
        log.info("nightly purchasing plan: %d draft purchase order(s) for a buyer", len(made))
        return len(made)

    def screen(self, uow: UnitOfWork, record: DocumentRecord) -> Callable[[], DocumentState] | None:
        """Suppliers' answers taken before an arrival is read as an order: an EDIFACT interchange from
        one of our suppliers holding ORDRSP, DESADV or INVOIC goes onto their purchase orders and is
        finished there; an e-mail or fax from a supplier's address or number waits for a buyer. Asked
        in the processing's own first transaction, the document's row held (`DocumentProcessor.screen`);
        returns what takes the document instead, to run after that transaction, or None: an order."""
        answered = self._supplier_answers(uow, record)
        if answered is not None:
            return lambda: self.take_supplier_answers(record.id or 0, answered)
        kept = self._supplier_document(uow, record)
        if kept is not None:
            return lambda: self.take_supplier_document(record.id or 0, kept)
        return None

    def _supplier_answers(self, uow: UnitOfWork, record: DocumentRecord) -> list[SupplierAnswer] | None:
        """The supplier's answers an EDIFACT interchange from one of our suppliers holds; else None."""
        if record.channel is not Channel.EDI:
            return None
        content = uow.blobs.get(record.sha256)
        if not any(kind in content for kind in SUPPLIER_MESSAGES):
            return None  # a customer's interchange (ORDERS): not parsed twice
        try:
            found = read_supplier_answers(content)
        except ParseError:
            return None
        charged = read_invoice_charges(content)  # an INVOIC's carriage and duties: landed cost
        found = [_with_charges(a, charged) for a in found]
        return found if answers.from_supplier(uow, found) else None

    def take_supplier_answers(self, document_id: int, found: list[SupplierAnswer]) -> DocumentState:
        try:
            kept = self.service.take_answers(found, document_id)
        except ComandaError as exc:  # e.g. an ORDRSP refusing an order already received: kept, not retried
            return self._finish(document_id, f"the supplier's message cannot be taken: {exc}")
        log.info("document %s: %d supplier message(s) taken onto purchase orders", document_id, len(kept))
        return self._finish(document_id, None)

    def _supplier_document(self, uow: UnitOfWork, record: DocumentRecord) -> _Kept | None:
        """An e-mail or fax whose sender (the channel's, or an e-mail's From) is one of our suppliers'
        e-mail addresses or fax numbers: kept as a supplier document for a buyer, answered to nobody.
        An address or number that is also a customer's stays a customer's: it is read as an order, as
        before (a customer's order lost in a buyer's list is worse than a supplier's letter in review)."""
        kind = SENDER_KINDS.get(record.channel)
        if kind is None or not uow.purchasing.suppliers():
            return None  # no supplier to be from: the e-mail is not fetched again for its From
        content = uow.blobs.get(record.sha256)
        senders = [s for s in (record.sender, mail_from(content) if kind == "email" else "") if s]
        found = [mailed.supplier_for(uow, s, kind) for s in senders]
        supplier = next((s for s in found if s is not None), None)
        # the suppliers first: they are few, and a customer's order (nearly every arrival) is then
        # not looked up among all customers' identifiers here, then again when it is read
        if supplier is None or any(uow.master.customers_by_identifier(kind, _bare(s, kind)) for s in senders):
            return None
        mail = mail_parts(content) if kind == "email" else MailText(text=document_text(content))
        # the same message twice is kept once: its Message-ID (fax job id), else this arrival
        reference = record.external_id or mail.message_id or f"document {record.id}"
        detail = {
            "channel": kind,
            "sender": senders[0],
            "subject": mail.subject,
            "name": record.original_name,
        }
        return _Kept(supplier.supplier_id, kind, content, reference, mail.text, detail)

    def take_supplier_document(self, document_id: int, kept: _Kept) -> DocumentState:
        # an invoice, credit note or delivery note read by machine; out of the transaction (OCR is slow)
        read = _read(kept.content, kept.kind == "email", self.scans)
        doc = self.service.keep_document(
            kept.supplier_id, kept.reference, kept.text, document_id, kept.detail, read
        )
        log.info(
            "document %s: a %s of supplier %s, for a buyer (%s)",
            document_id,
            doc.kind,
            doc.supplier_id,
            doc.po_number or "no PO",
        )
        return self._finish(document_id, None, "supplier-document")

    def _finish(self, document_id: int, error: str | None, fmt: str = "edifact-supplier") -> DocumentState:
        with self.wiring.uow() as uow:
            record = uow.documents.get(document_id, lock=True)
            assert record is not None
            record.format = fmt
            if error is None:
                record.state, record.updated_at = DocumentState.PROCESSED, self.wiring.clock()
            else:
                record.quarantine(error[:2000], self.wiring.clock())
            uow.commit()
            return record.state


@dataclass(frozen=True)
class _Kept:
    """What the intake's transaction found of a supplier's e-mailed or faxed document."""

    supplier_id: str
    kind: str  # "email" | "fax"
    content: bytes
    reference: str
    text: str
    detail: dict[str, str | None]


def _read(content: bytes, is_mail: bool, scans: Scans | None) -> ReadDocument | None:
    """The readers' invoice, credit note or delivery note; a reader's fault leaves the document to a
    buyer, as one read by nobody, and never stops the intake."""
    try:
        return read_arrival(content, is_mail, scans)
    except Exception:
        log.exception("a supplier's document could not be read by machine; it waits for a buyer")
        return None


def _bare(sender: str, kind: str) -> str:
    """An e-mail sender's address without its display name; a fax number as it is."""
    return parseaddr(sender)[1] or sender if kind == "email" else sender


def _with_charges(answer: SupplierAnswer, charged: dict[str, tuple[Charge, ...]]) -> SupplierAnswer:
    """An INVOIC with the charges its interchange carries for it (landed cost); the others as read."""
    if answer.kind is AnswerKind.INVOIC and answer.reference in charged:
        return replace(answer, charges=charged[answer.reference])
    return answer

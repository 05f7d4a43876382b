"""Wires purchasing: its service with the registered channels' purchase-order writers and senders, and
the step that takes a supplier's EDIFACT answer out of the intake before it could be read as a
customer's order. Its job (sending an approved order) and the event that queues it are entries of
`oms.handlers`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from core.capture.domain.documents import Channel, DocumentState
from core.kernel.errors import ComandaError, ParseError
from core.purchasing.domain.matching import Tolerance
from core.purchasing.services import answers
from core.purchasing.services.purchasing import Purchasing as PurchasingService
from oms.wiring import Wiring
from parsers.edifact.supplier import read_supplier_answers

log = logging.getLogger(__name__)
SUPPLIER_MESSAGES = (b"ORDRSP", b"DESADV", b"INVOIC")  # the message types suppliers answer with


class Purchasing:
    """Purchasing as the app wires it."""

    def __init__(self, wiring: Wiring, price_tolerance: Decimal = Decimal("0.02")) -> None:
        self.wiring = wiring
        self.service = PurchasingService(
            uow_factory=wiring.uow,
            clock=wiring.clock,
            publish=wiring.publish,
            writers=wiring.channels.purchase_writers(),
            senders=wiring.channels.senders(),
            tolerance=Tolerance(price=price_tolerance),
        )

    def intake(self, process: Callable[[int], DocumentState]) -> Callable[[int], DocumentState]:
        """Document processing with suppliers' answers taken first: an EDIFACT interchange from one of
        our suppliers holding ORDRSP, DESADV or INVOIC goes onto their purchase orders and is finished
        there; everything else is read as it always was."""

        def run(document_id: int) -> DocumentState:
            taken = self.take_supplier_answer(document_id)
            return taken if taken is not None else process(document_id)

        return run

    def take_supplier_answer(self, document_id: int) -> DocumentState | None:
        with self.wiring.uow() as uow:
            record = uow.documents.get(document_id)
            if record is None or record.state.finished or record.channel is not Channel.EDI:
                return None
            content = uow.blobs.get(record.sha256)
            if not any(kind in content for kind in SUPPLIER_MESSAGES):
                return None  # a customer's interchange (ORDERS): not parsed twice
            try:
                found = read_supplier_answers(content)
            except ParseError:
                return None
            if not answers.from_supplier(uow, found):
                return None
        try:
            kept = self.service.take_answers(found, document_id)
        except ComandaError as exc:  # e.g. an ORDRSP refusing an order already received: kept, not retried
            return self._finish(document_id, f"the supplier's message cannot be taken: {exc}")
        log.info("document %s: %d supplier message(s) taken onto purchase orders", document_id, len(kept))
        return self._finish(document_id, None)

    def _finish(self, document_id: int, error: str | None) -> DocumentState:
        with self.wiring.uow() as uow:
            record = uow.documents.get(document_id, lock=True)
            assert record is not None
            record.format = "edifact-supplier"
            if error is None:
                record.state, record.updated_at = DocumentState.PROCESSED, self.wiring.clock()
            else:
                record.quarantine(error[:2000], self.wiring.clock())
            uow.commit()
            return record.state

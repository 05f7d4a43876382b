"""Delivery of queued answers: each outbound message goes out once, through its channel's sender."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Protocol

from core.kernel.domain.model import OutboundMessage
from core.kernel.errors import TransientError
from core.kernel.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class Sender(Protocol):
    """Puts one message on its way (a spool folder, an SMTP smarthost, a fax gateway).

    Sending the same message again must not duplicate it at the far end: senders key on the
    message's file name or id.
    """

    def send(self, message: OutboundMessage) -> None: ...


def deliver_for_document(
    uow: UnitOfWork, document_id: int, senders: Mapping[str, Sender], clock: Callable[[], datetime]
) -> int:
    """Send every pending answer of a document; returns how many went out."""
    with uow:
        pending = list(uow.outbound.pending_for_document(document_id))
        sent: list[int] = []
        failure: Exception | None = None
        for message in pending:
            sender = senders.get(message.channel)
            if sender is None:
                message.error = f"no sender for channel {message.channel!r}"
                continue
            try:
                sender.send(message)
            except OSError as exc:
                message.attempts += 1
                message.error = str(exc)
                failure = exc
                log.warning("sending %s failed: %s", message.filename, exc)
                continue
            assert message.id is not None
            sent.append(message.id)
        uow.outbound.mark_sent(sent, clock())
        uow.commit()
    if failure is not None:
        raise TransientError(f"{len(pending) - len(sent)} answer(s) not sent: {failure}") from failure
    return len(sent)

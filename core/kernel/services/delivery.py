"""Delivery of queued answers: each outbound message goes out once, through its channel's sender.

A sender either puts the message on its way (the row is `sent`, or `delivered` when the far end
acknowledged it at once), fails for now (an `OSError`: the row stays pending and the job is retried),
or is refused for good (`Undeliverable`: the row is `failed`, with the reason). An acknowledgement
that comes later (an asynchronous AS2 receipt) settles the row with `settle_later`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from core.kernel.domain.model import OutboundMessage, OutboundState
from core.kernel.errors import TransientError, Undeliverable
from core.kernel.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


class Sender(Protocol):
    """Puts one message on its way (a spool folder, an SMTP smarthost, a fax gateway, a partner's server).

    Sending the same message again must not duplicate it at the far end: senders key on the
    message's file name or id. Returns `OutboundState.DELIVERED` when the far end acknowledged the
    message already, None (or SENT) when it is merely on its way.
    """

    def send(self, message: OutboundMessage) -> OutboundState | None: ...


@runtime_checkable
class StagingSender(Protocol):
    """A sender that makes several messages durable at once (a spool syncs each folder once for a
    batch): `stage` puts a message in place and returns what `make_durable` must make durable for
    it; a staged message counts as sent only once `make_durable` has returned for it."""

    def send(self, message: OutboundMessage) -> OutboundState | None: ...

    def stage(self, message: OutboundMessage) -> object: ...

    def make_durable(self, staged: Iterable[object]) -> None: ...


def deliver_for_document(
    uow: UnitOfWork, document_id: int, senders: Mapping[str, Sender], clock: Callable[[], datetime]
) -> int:
    """Send every pending answer of a document; returns how many went out."""
    with uow:
        return _send(uow, list(uow.outbound.pending_for_document(document_id)), senders, clock)


def deliver_for_documents(
    uow: UnitOfWork, document_ids: Sequence[int], senders: Mapping[str, Sender], clock: Callable[[], datetime]
) -> int:
    """Send every pending answer of several documents in one transaction; returns how many went out."""
    with uow:
        pending = list(uow.outbound.pending_for_documents(document_ids))
        return _send(uow, pending, senders, clock)


def stage_ahead(reading: UnitOfWork, document_ids: Sequence[int], senders: Mapping[str, Sender]) -> int:
    """Before the send's transaction: the documents' pending answers put in place and made durable
    by the senders that stage (a spool), read in a unit of work that writes nothing. Staging is
    idempotent (a file name, its bytes): the transaction that marks them sent finds them there and,
    on SQLite, no longer holds the writer lock through the files' and folders' `fsync`s.

    Nothing is marked sent here; a failure is left to that transaction, which stages again and keeps
    its rules (nothing marked sent before it is durable). Returns how many were staged."""
    return len(_staged_ahead(reading, document_ids, senders)[0])


def send_staged_ahead(
    reading: UnitOfWork,
    uow: UnitOfWork,
    document_ids: Sequence[int],
    senders: Mapping[str, Sender],
    clock: Callable[[], datetime],
) -> int:
    """Send the documents' pending answers: those a staging sender (a spool) put in place and made
    durable ahead (`stage_ahead`) are marked sent in one conditional statement, not read again and
    staged again under the send's lock; the others (a sender that does not stage, a staging that
    failed) go through `deliver_for_documents` as before. Returns how many were marked sent here.

    Staged is as good as sent: the file is whole and on disk under the answer's own name and bytes
    (a row's content no longer changes once it is no draft). A row another delivery marked sent
    meanwhile is left as it is; one taken from the spool by its gateway meanwhile is not written
    again (the locked send staged it again: a second copy for the gateway)."""
    staged, rest = _staged_ahead(reading, document_ids, senders)
    sent = 0
    if staged:
        with uow:
            sent = uow.outbound.mark_sent(staged, clock(), OutboundState.SENT)
            uow.commit()
    if rest:
        sent += deliver_for_documents(uow, document_ids, senders, clock)
    return sent


def _staged_ahead(
    reading: UnitOfWork, document_ids: Sequence[int], senders: Mapping[str, Sender]
) -> tuple[list[int], bool]:
    """The ids of the pending answers staged and made durable, and whether any pending one was not."""
    with reading:
        pending = list(reading.outbound.pending_for_documents(document_ids, lock=False))
    by_sender: dict[int, tuple[StagingSender, list[OutboundMessage]]] = {}
    rest = False
    for message in pending:
        sender = senders.get(message.channel)
        if isinstance(sender, StagingSender):
            by_sender.setdefault(id(sender), (sender, []))[1].append(message)
        else:
            rest = True
    staged: list[int] = []
    for sender, messages in by_sender.values():
        try:
            sender.make_durable([sender.stage(m) for m in messages])
        except OSError as exc:
            log.info("%d answer(s) not staged ahead, left to the send: %s", len(messages), exc)
            rest = True
            continue
        staged.extend(m.id for m in messages if m.id is not None)
    return staged, rest


def deliver_message(
    uow: UnitOfWork, message_id: int, senders: Mapping[str, Sender], clock: Callable[[], datetime]
) -> int:
    """Send one message that answers no document (a quote), if it is still pending."""
    with uow:
        message = uow.outbound.pending(message_id)
        return _send(uow, [message] if message is not None else [], senders, clock)


def _send(
    uow: UnitOfWork,
    pending: list[OutboundMessage],
    senders: Mapping[str, Sender],
    clock: Callable[[], datetime],
) -> int:
    gone: dict[OutboundState, list[int]] = {OutboundState.SENT: [], OutboundState.DELIVERED: []}
    failure: Exception | None = None
    staged: dict[int, tuple[StagingSender, list[object], list[OutboundMessage]]] = {}  # by sender
    for message in pending:
        sender = senders.get(message.channel)
        if sender is None:
            message.error = f"no sender for channel {message.channel!r}"
            continue
        try:
            if isinstance(sender, StagingSender):
                _, tokens, messages = staged.setdefault(id(sender), (sender, [], []))
                tokens.append(sender.stage(message))
                messages.append(message)
                state = OutboundState.SENT
            else:
                state = sender.send(message) or OutboundState.SENT
        except OSError as exc:
            message.attempts += 1
            message.error = str(exc)
            failure = exc
            log.warning("sending %s failed: %s", message.filename, exc)
            continue
        except Undeliverable as exc:
            message.attempts += 1
            message.state, message.error = OutboundState.FAILED, str(exc)[:2000]
            log.warning("%s was refused for good: %s", message.filename, exc)
            continue
        assert message.id is not None
        gone[state if state is OutboundState.DELIVERED else OutboundState.SENT].append(message.id)
    for sender, tokens, messages in staged.values():  # on disk before any of them is marked sent
        try:
            sender.make_durable(tokens)
        except OSError as exc:
            failure = exc
            log.warning("%d staged answer(s) not made durable: %s", len(messages), exc)
            for message in messages:
                if message.id in gone[OutboundState.SENT]:
                    gone[OutboundState.SENT].remove(message.id)
                    message.attempts += 1
                    message.error = str(exc)
    for state, ids in gone.items():
        uow.outbound.mark_sent(ids, clock(), state)
    uow.commit()
    if failure is not None:
        sent = sum(len(ids) for ids in gone.values())
        raise TransientError(f"{len(pending) - sent} answer(s) not sent: {failure}") from failure
    return sum(len(ids) for ids in gone.values())


def settle_later(uow: UnitOfWork, message_id: int, delivered: bool, detail: str, at: datetime) -> bool:
    """An acknowledgement (or a refusal) that came after the message went: mark its row delivered or
    failed. Returns False when the row was settled before or does not exist."""
    with uow:
        state = OutboundState.DELIVERED if delivered else OutboundState.FAILED
        done = uow.outbound.settle(message_id, state, None if delivered else detail[:2000], at)
        uow.commit()
    return done

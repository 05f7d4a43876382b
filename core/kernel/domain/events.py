"""The kernel's events: messages wait in the outbox (capture's answers, fulfilment's notifications and
billing's notices alike), published after the transaction that queued them commits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswersQueued:
    """Outbound messages for a document are in the outbox and wait to be delivered."""

    document_id: int


@dataclass(frozen=True)
class MessageQueued:
    """An outbound message that answers no document (a quote) is in the outbox and waits to go."""

    message_id: int


@dataclass(frozen=True)
class AnswersDrafted:
    """Answers to a document wait in the outbox as drafts: a job renders them, then sends them."""

    document_id: int

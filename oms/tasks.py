"""The dramatiq actors: thin, idempotent, carrying ids only; the work is in the core services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import dramatiq
from dramatiq.errors import Retry
from sqlalchemy.exc import OperationalError

from core.kernel.errors import TransientError

# A document that keeps failing transiently is retried with backoff for about an hour, then left in
# its row for the start-up / periodic sweep to pick up again: nothing is dropped.
MAX_RETRIES = 12
RETRY_MIN_MS = 500
RETRY_MAX_MS = 5 * 60_000


@dataclass(frozen=True)
class Actors:
    process_document: dramatiq.Actor[..., Any]
    deliver_answers: dramatiq.Actor[..., Any]


def declare_actors(
    broker: dramatiq.Broker, process: Callable[[int], object], deliver: Callable[[int], object]
) -> Actors:
    """Declare the actors on this broker, bound to the handlers the composition root built."""

    def process_document(document_id: int) -> None:
        try:
            process(int(document_id))
        except (TransientError, OperationalError) as exc:
            raise Retry(str(exc)) from exc

    def deliver_answers(document_id: int) -> None:
        try:
            deliver(int(document_id))
        except (TransientError, OperationalError) as exc:
            raise Retry(str(exc)) from exc

    options: dict[str, Any] = {
        "broker": broker,
        "max_retries": MAX_RETRIES,
        "min_backoff": RETRY_MIN_MS,
        "max_backoff": RETRY_MAX_MS,
        "time_limit": 30 * 60_000,
    }
    return Actors(
        process_document=dramatiq.actor(queue_name="documents", **options)(process_document),
        deliver_answers=dramatiq.actor(queue_name="answers", **options)(deliver_answers),
    )

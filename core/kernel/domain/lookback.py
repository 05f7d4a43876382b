"""How far back the duplicate check reads a customer's earlier orders: the windows and the most orders
read, as one value given to `OrderRepository.recent_for_customer` and to everything that answers as it
does (the batch's kept reads, the confirm's one read, the test stand-ins)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Lookback:
    """A read of a customer's earlier orders: those created at or after `since`, newest first, at most
    `limit`; each with its lines only when created at or after `lines_since` and not on the channel
    `lines_not_on` (any channel when None), for the same lines count only from another channel."""

    since: datetime
    lines_since: datetime
    lines_not_on: str | None = None
    limit: int = 500

    def admits(self, created_at: datetime) -> bool:
        """Whether an order created at `created_at` is read at all."""
        return created_at >= self.since

    def with_lines(self, created_at: datetime, channel: str) -> bool:
        """Whether an order created at `created_at` on `channel` is read with its lines."""
        return created_at >= self.lines_since and channel != self.lines_not_on

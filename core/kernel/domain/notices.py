"""Where a notice to a customer stands on its way into the outbox: fulfilment's notifications and
billing's notices are rows rendered the same way (`core.kernel.services.outbox`)."""

from __future__ import annotations

import enum


class NotificationState(enum.StrEnum):
    PENDING = "pending"  # waits to be rendered (no notifier yet, or rendering failed: retried)
    QUEUED = "queued"  # rendered into the outbox; the channel's sender delivers it
    SKIPPED = "skipped"  # the channel has nothing to say for this kind (reason in `error`)

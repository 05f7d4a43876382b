"""Wires payments, invoicing, returns and the books: the card processor (the sandbox by default), the
billing notifiers of the registered channels, and the service.  The credit/payment policy is built by
`oms.bootstrap`, which gives it to the lifecycle too; billing's jobs (invoicing after `ShipmentShipped`,
closing after `ShipmentDelivered`, a void after `OrderCancelled`, processor calls, notices) are entries
of `oms.handlers`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from core.billing.services.billing import Billing as BillingService
from core.billing.services.credit import PaymentPolicy
from core.billing.services.notices import BillingNotifier
from core.unit_of_work import UnitOfWork
from outbound.channel import ChannelRegistry
from outbound.payments.sandbox import SandboxProcessor

SANDBOX_FILE = "payments-sandbox.db"


class Billing:
    """Payments, invoices, returns and the books as the app wires them."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        publish: Callable[[list[object]], None],
        channels: ChannelRegistry,
        policy: PaymentPolicy,
        data_dir: Path,
    ) -> None:
        self.gateway = SandboxProcessor(data_dir / SANDBOX_FILE, clock=clock)
        self.notifiers: dict[str, BillingNotifier] = dict(channels.billing_notifiers())
        self.service = BillingService(
            uow_factory=uow,
            clock=clock,
            publish=publish,
            gateway=self.gateway,
            policy=policy,
            notifiers=self.notifiers,
        )

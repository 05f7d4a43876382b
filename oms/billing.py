"""Wires payments, invoicing, returns and the books: the card processor (the sandbox by default), the
billing notifiers of the registered channels, and the service.  The credit/payment policy is built by
`oms.bootstrap`, which gives it to the lifecycle too; billing's jobs (invoicing after `ShipmentShipped`,
closing after `ShipmentDelivered`, a void after `OrderCancelled`, processor calls, notices) are entries
of `oms.handlers`."""

from __future__ import annotations

from pathlib import Path

from core.billing.domain.approvals import FourEyes
from core.billing.services.billing import Billing as BillingService
from core.billing.services.credit import PaymentPolicy
from core.billing.services.notices import BillingNotifier
from oms.wiring import Wiring
from outbound.payments.sandbox import SandboxProcessor

SANDBOX_FILE = "payments-sandbox.db"


class Billing:
    """Payments, invoices, returns and the books as the app wires them."""

    def __init__(
        self, wiring: Wiring, policy: PaymentPolicy, data_dir: Path, four_eyes: FourEyes | None = None
    ) -> None:
        self.gateway = SandboxProcessor(data_dir / SANDBOX_FILE, clock=wiring.clock)
        self.notifiers: dict[str, BillingNotifier] = dict(wiring.channels.billing_notifiers())
        self.service = BillingService(
            uow_factory=wiring.uow,
            clock=wiring.clock,
            publish=wiring.publish,
            gateway=self.gateway,
            policy=policy,
            notifiers=self.notifiers,
            four_eyes=four_eyes or FourEyes(),
        )

"""Wires the order lifecycle: its service with billing's approval policy and close gate, the carriers'
booking interface and the registered channels' notifiers.  Its jobs and the events that queue them
are entries of `oms.handlers`."""

from __future__ import annotations

from core.fulfilment.services.approval import ApprovalPolicy
from core.fulfilment.services.fulfilment import Fulfilment
from core.fulfilment.services.lifecycle import CloseGate
from core.fulfilment.services.notifications import Notifier
from oms.wiring import Wiring
from outbound.carriers import FakeCarrier


class Lifecycle:
    """The lifecycle as the app wires it."""

    def __init__(self, wiring: Wiring, policy: ApprovalPolicy, close_gate: CloseGate) -> None:
        self.carrier = FakeCarrier()
        self.notifiers: dict[str, Notifier] = dict(wiring.channels.notifiers())
        self.service = Fulfilment(
            uow_factory=wiring.uow,
            clock=wiring.clock,
            publish=wiring.publish,
            carriers={"*": self.carrier},
            notifiers=self.notifiers,
            policy=policy,
            close_gate=close_gate,
        )

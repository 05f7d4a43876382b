"""Wires the order lifecycle: its service with billing's approval policy and close gate, the carriers'
booking interface and the registered channels' notifiers.  Its jobs and the events that queue them
are entries of `oms.handlers`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from core.fulfilment.services.approval import ApprovalPolicy
from core.fulfilment.services.fulfilment import Fulfilment
from core.fulfilment.services.lifecycle import CloseGate
from core.fulfilment.services.notifications import Notifier
from core.unit_of_work import UnitOfWork
from outbound.carriers import FakeCarrier
from outbound.channel import ChannelRegistry


class Lifecycle:
    """The lifecycle as the app wires it."""

    def __init__(
        self,
        *,
        uow: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        publish: Callable[[list[object]], None],
        channels: ChannelRegistry,
        policy: ApprovalPolicy,
        close_gate: CloseGate,
    ) -> None:
        self.carrier = FakeCarrier()
        self.notifiers: dict[str, Notifier] = dict(channels.notifiers())
        self.service = Fulfilment(
            uow_factory=uow,
            clock=clock,
            publish=publish,
            carriers={"*": self.carrier},
            notifiers=self.notifiers,
            policy=policy,
            close_gate=close_gate,
        )

"""The channels Comanda answers on, each registered once (`outbound.channel` is the plug point).

Adding a channel is its own folders (`outbound/<channel>/`, its receiver in `ingest/`, its tests)
and one line in `register_channels`; the core, the jobs and the web app take whatever is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from core.capture.domain.documents import InboundDocument
from core.kernel.services.delivery import settle_later
from core.unit_of_work import UnitOfWork
from oms.settings import Settings
from outbound.as2.channel import As2Channel
from outbound.channel import ChannelRegistry
from outbound.edifact.channel import EdifactChannel
from outbound.email.channel import EmailChannel
from outbound.fax.channel import FaxChannel


def register_channels(settings: Settings, clock: Callable[[], datetime]) -> ChannelRegistry:
    """Every channel, in the order master data's contacts are tried (e-mail before fax)."""
    registry = ChannelRegistry()
    registry.register(EdifactChannel.from_settings(settings))
    registry.register(EmailChannel.from_settings(settings))
    registry.register(FaxChannel.from_settings(settings))
    registry.register(As2Channel.from_settings(settings, clock))  # None without OMS_AS2_PARTNERS
    return registry


class ChannelHost:
    """The running application as channels see it (`outbound.channel.Host`)."""

    def __init__(
        self,
        submit: Callable[[InboundDocument], int],
        uow: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
    ) -> None:
        self._submit = submit
        self._uow = uow
        self._clock = clock

    def submit(self, doc: InboundDocument) -> int:
        return self._submit(doc)

    def settle(self, message_id: int, delivered: bool, detail: str) -> None:
        settle_later(self._uow(), message_id, delivered, detail, self._clock())

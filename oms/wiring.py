"""What every area's wiring is given by bootstrap: the unit of work, the clock, the bus, the channels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from core.unit_of_work import UnitOfWork
from outbound.channel import ChannelRegistry


@dataclass(frozen=True)
class Wiring:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]
    publish: Callable[[list[object]], None]
    channels: ChannelRegistry

"""The channel registry: each channel once by name, in order, and what the core is handed from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.capture.domain.documents import InboundDocument
from outbound.channel import Channel, ChannelRegistry
from outbound.edifact.channel import EdifactChannel
from outbound.email.channel import EmailChannel
from outbound.fax.channel import FaxChannel
from outbound.spool import FolderSpool

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Settings:
    outbox: Path
    mail_from: str = "Pedidos <pedidos@comanda.example>"
    smtp_smarthost: str | None = None
    durable_writes: bool = True


def registry(tmp_path: Path) -> ChannelRegistry:
    settings = Settings(tmp_path / "outbox")
    made = ChannelRegistry()
    made.register(EdifactChannel.from_settings(settings))
    made.register(EmailChannel.from_settings(settings))
    made.register(FaxChannel.from_settings(settings))
    return made


def test_the_core_gets_each_part_by_channel_name(tmp_path: Path) -> None:
    channels = registry(tmp_path)

    assert channels.names() == ["edi", "email", "fax"]
    assert set(channels.notifiers()) == set(channels.billing_notifiers()) == {"edi", "email", "fax"}
    assert set(channels.senders()) == {"edi", "email", "fax"}
    assert set(channels.responders()) == {"email", "fax"}  # EDIFACT answers interchanges instead
    writers = channels.interchange_writers()
    assert set(writers) == {"edi", "*"} and writers["*"] is writers["edi"]  # an interchange by e-mail
    assert isinstance(channels["email"].sender, FolderSpool)  # no smarthost: .eml files in the outbox


def test_a_channel_registers_once_and_a_switched_off_one_not_at_all(tmp_path: Path) -> None:
    channels = registry(tmp_path)

    channels.register(None)
    with pytest.raises(ValueError, match="'fax'"):
        channels.register(FaxChannel.from_settings(Settings(tmp_path)))
    assert channels.names() == ["edi", "email", "fax"]


class Loud(Channel):
    name = "loud"
    public_paths = ("/loud",)

    def __init__(self) -> None:
        self.ticks = 0

    def tick(self, now: datetime) -> None:
        self.ticks += 1
        raise RuntimeError("the line is down")


class Quiet(Channel):
    name = "quiet"

    def __init__(self) -> None:
        self.ticks = 0
        self.host: object = None

    def open(self, host: object) -> None:
        self.host = host

    def tick(self, now: datetime) -> None:
        self.ticks += 1


def test_periodic_work_of_one_channel_failing_does_not_stop_the_others() -> None:
    channels, loud, quiet = ChannelRegistry(), Loud(), Quiet()
    channels.register(loud)
    channels.register(quiet)

    channels.tick(NOW)

    assert (loud.ticks, quiet.ticks) == (1, 1)
    assert channels.public_paths() == frozenset({"/loud"})


def test_opening_hands_every_channel_the_running_system() -> None:
    class Host:
        def submit(self, doc: InboundDocument) -> int:
            return 1

        def settle(self, message_id: int, delivered: bool, detail: str) -> None:
            pass

    channels, quiet, host = ChannelRegistry(), Quiet(), Host()
    channels.register(quiet)
    channels.open(host)
    assert quiet.host is host

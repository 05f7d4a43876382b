"""The AS2 channel as the registry sees it: switched on by the partner file, our outbox rows settled
by MDNs that come later (or failed when none does), arrivals stored through the host before the MDN
says processed, and nothing taken while no host stores it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from core.capture.domain.documents import Channel, InboundDocument
from core.kernel.domain.model import OutboundKind, OutboundMessage, OutboundState
from oms.channels import register_channels
from oms.settings import Settings
from outbound.as2.channel import EXPIRE_EVERY, MDN_WAIT, As2Channel
from outbound.as2.journal import FileJournal, SentState
from outbound.as2.mdn import read_mdn
from outbound.as2.message import build_message
from outbound.as2.partners import MdnMode
from outbound.as2.receiver import As2Receiver
from tests.unit.as2.keys import NOW, book_of, write_pem
from tests.unit.as2.network import ORDERS, ORDRSP, OUR_URL, Network, Side, pair


@dataclass
class Host:
    documents: list[InboundDocument] = field(default_factory=list)
    settled: list[tuple[int, bool, str]] = field(default_factory=list)

    def submit(self, doc: InboundDocument) -> int:
        self.documents.append(doc)
        return len(self.documents)

    def settle(self, message_id: int, delivered: bool, detail: str) -> None:
        self.settled.append((message_id, delivered, detail))


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def ours(network: Network, tmp_path: Path, clock: Clock, **terms: object) -> tuple[As2Channel, Side, Host]:
    """Our AS2 channel on the network, opened with a host, and the retailer's side."""
    us, them = pair(network, tmp_path, **terms)
    channel = As2Channel(book_of(us.partner), FileJournal(tmp_path / "ours"), clock, post=network.post)
    network.sides[OUR_URL] = Side(us.partner, channel.client.journal, channel.client, channel.receiver)
    host = Host()
    channel.open(host)
    return channel, them, host


def row(row_id: int) -> OutboundMessage:
    return OutboundMessage(
        channel="as2",
        kind=OutboundKind.ORDRSP,
        recipient="8400000000001",
        filename=f"ORDRSP_{row_id}.edi",
        content=ORDRSP,
        created_at=NOW,
        id=row_id,
    )


def test_an_mdn_that_comes_on_its_own_settles_the_outbox_row_it_answers(
    network: Network, tmp_path: Path
) -> None:
    channel, them, host = ours(network, tmp_path, Clock(), mdn=MdnMode.ASYNC)

    assert channel.sender is not None
    state = channel.sender.send(row(7))  # the partner posts its MDN to our /as2 (here: at once)

    assert state is OutboundState.DELIVERED
    assert [(ident, delivered) for ident, delivered, _ in host.settled] == [(7, True)]
    assert [a.payload for a in them.arrivals] == [ORDRSP]


def test_a_row_whose_mdn_never_comes_is_failed_by_the_sweep_once_overdue(
    network: Network, tmp_path: Path
) -> None:
    clock = Clock()
    channel, them, host = ours(network, tmp_path, clock, mdn=MdnMode.ASYNC)
    network.sides[OUR_URL] = replace(
        network.sides[OUR_URL], receiver=As2Receiver(book_of(them.partner), them.journal, them.take, clock)
    )  # MDNs lost on the way
    assert channel.sender is not None
    assert channel.sender.send(row(8)) is None  # on its way: the row says sent

    clock.now = NOW + MDN_WAIT - timedelta(minutes=2)
    channel.tick(clock.now)  # not overdue yet
    clock.now = NOW + MDN_WAIT + timedelta(minutes=1)
    channel.tick(clock.now)  # overdue, but the last look was three minutes ago: not again so soon
    assert host.settled == []
    clock.now += EXPIRE_EVERY
    channel.tick(clock.now)

    assert host.settled == [(8, False, f"no MDN within {MDN_WAIT}")]
    [record] = channel.client.journal.awaiting(clock.now + timedelta(days=1)) or [None]
    assert record is None


def test_a_partner_message_is_stored_as_an_as2_document_before_the_mdn(
    network: Network, tmp_path: Path
) -> None:
    _, them, host = ours(network, tmp_path, Clock())

    record = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")

    assert record.state is SentState.DELIVERED
    [doc] = host.documents
    assert (doc.channel, doc.content, doc.external_id) == (Channel.AS2, ORDERS, record.message_id)
    assert (doc.sender, doc.original_name) == ("RETAILER", "ORDERS_77.edi")


def test_nothing_is_acknowledged_while_no_host_stores_it(network: Network, tmp_path: Path) -> None:
    channel, them, _ = ours(network, tmp_path, Clock())
    channel.host = None  # built, never opened
    message = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)

    reply = channel.receiver.receive(message.headers, message.body)

    receipt = read_mdn(reply.headers, reply.body, them.partner)
    assert receipt.error == "unexpected-processing-error"


def partner_file(tmp_path: Path) -> Path:
    write_pem(tmp_path, "COMANDA")
    write_pem(tmp_path, "RETAILER")
    path = tmp_path / "partners.toml"
    path.write_text(
        '[[station]]\nas2_id = "COMANDA"\ncertificate = "COMANDA.pem"\nkey = "COMANDA.key"\n\n'
        '[[partner]]\nas2_id = "RETAILER"\ncertificates = ["RETAILER.pem"]\nurl = "https://retailer.test/as2"\n',
        encoding="utf-8",
    )
    return path


def test_the_partner_file_setting_switches_the_channel_on(tmp_path: Path) -> None:
    off = Settings.from_env({"OMS_DATA_DIR": str(tmp_path)})
    on = Settings.from_env({"OMS_DATA_DIR": str(tmp_path), "OMS_AS2_PARTNERS": str(partner_file(tmp_path))})

    assert off.as2_partners is None and on.as2_partners == tmp_path / "partners.toml"
    assert register_channels(off, Clock()).names() == ["edi", "email", "fax"]
    channels = register_channels(on, Clock())
    assert channels.names() == ["edi", "email", "fax", "as2"]
    assert channels.public_paths() == frozenset({"/as2"})
    for channel in channels:  # what each declares it reads is a setting there is
        assert all(hasattr(on, name) for name in channel.settings), channel.name

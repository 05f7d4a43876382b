"""Two AS2 stations in one process: each side's receiver and client, wired through an in-memory
transport that routes a POST to the receiver behind its URL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from outbound.as2.client import As2Client, HttpReply
from outbound.as2.journal import FileJournal
from outbound.as2.partners import Partner
from outbound.as2.receiver import As2Arrival, As2Receiver
from tests.unit.as2.keys import NOW, book_of, books

ORDERS = b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'UNH+1+ORDERS:D:96A:UN'"
ORDRSP = b"UNA:+.? 'UNB+UNOC:3+8437000100010:14+8400000000001:14+261126:1000+91'UNH+1+ORDRSP:D:96A:UN'"
OUR_URL, THEIR_URL = "https://comanda.test/as2", "https://retailer.test/as2"


def clock() -> datetime:
    return NOW


@dataclass
class Side:
    partner: Partner  # the other side, as this side's partner file has it
    journal: FileJournal
    client: As2Client
    receiver: As2Receiver
    arrivals: list[As2Arrival] = field(default_factory=list)
    failures: int = 0  # how many handovers should still fail

    def take(self, arrival: As2Arrival) -> int:
        if self.failures:
            self.failures -= 1
            raise OSError("disk full")
        self.arrivals.append(arrival)
        return len(self.arrivals)


class Network:
    """Routes POSTs to the receiver behind each URL; async MDNs are posted after the answer."""

    def __init__(self) -> None:
        self.sides: dict[str, Side] = {}
        self.posts: list[str] = []
        self.outage: int | None = None  # an HTTP status every POST gets instead

    def post(self, url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> HttpReply:
        self.posts.append(url)
        if self.outage:
            return HttpReply(self.outage, {}, b"down for maintenance")
        reply = self.sides[url].receiver.receive(headers, body)
        if reply.async_url and reply.async_mdn:
            self.post(reply.async_url, reply.async_mdn.headers, reply.async_mdn.body, timeout)
        return HttpReply(reply.status, reply.headers, reply.body)


def side(network: Network, tmp: Path, partner: Partner, url: str) -> Side:
    journal = FileJournal(tmp / partner.station.as2_id)
    client = As2Client(book_of(partner), journal, clock, post=network.post)
    made = Side(partner, journal, client, receiver=None)  # type: ignore[arg-type]
    made.receiver = As2Receiver(book_of(partner), journal, made.take, clock, accept_mdn=client.accept_mdn)
    network.sides[url] = made
    return made


def pair(network: Network, tmp: Path, **terms: object) -> tuple[Side, Side]:
    """(us, the retailer), each knowing the other under the same terms."""
    theirs, ours = books(**terms)  # the retailer as we see it, and us as the retailer sees us
    us = side(
        network,
        tmp,
        replace(theirs, url=THEIR_URL, async_mdn_url=OUR_URL, edi_ids=("8400000000001",)),
        OUR_URL,
    )
    them = side(network, tmp, replace(ours, url=OUR_URL, async_mdn_url=THEIR_URL), THEIR_URL)
    return us, them

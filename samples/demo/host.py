"""What the demo scenarios use of the application `oms` hands them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from core.fulfilment.domain.warehouse import Shipment

SAMPLES = Path(__file__).resolve().parents[1]
ACTOR = "demo"
Say = Callable[[str], None]


class DemoApp(Protocol):
    @property
    def settings(self) -> Any: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def lifecycle(self) -> Any: ...  # .service: core.fulfilment's Fulfilment
    @property
    def billing(self) -> Any: ...  # .service: core.billing's Billing

    def uow(self) -> Any: ...
    def submit(self, doc: Any) -> int: ...
    def process(self, document_id: int) -> object: ...
    def deliver(self, document_id: int) -> int: ...
    def run_jobs(self) -> None: ...
    def validate(self, order: Any, master: Any, today: Any) -> Any: ...  # as the review screen re-checks
    def answer(self, uow: Any, order: Any, now: datetime) -> int: ...  # the answer to a reviewed order


class Entrances(Protocol):
    """How documents come in, the way each channel's receiver takes them (`oms` builds these)."""

    def drop(self, channel: str, name: str, content: bytes) -> int:
        """Write a file into the channel's inbox folder, as a fax server does, and have the folder
        watcher take it; returns the stored document's id."""
        ...

    def mail(self, raw: bytes, envelope_sender: str) -> int:
        """An e-mail arrives as the SMTP receiver takes it; returns the stored document's id."""
        ...

    def post(self, url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> Any:
        """POST to our own web app (an `outbound.as2.client.HttpReply`): `url`'s path is what counts."""
        ...


class Printer(Protocol):
    """Where the demo's pick lists and labels are written (the same files `oms release`/`oms ship` write)."""

    def picklist(self, pick_list_id: int) -> Path: ...
    def label(self, shipment: Shipment) -> Path: ...


def rel(path: Path) -> str:
    """A path as short as the reader needs it: relative to where the command runs, when under it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Stage:
    """What the demo's arrivals work with: the app, its doors, and the AS2 partner when one is set up
    (a `samples.demo.as2.DemoPartner`) with our AS2 address as the partner knows it."""

    app: DemoApp
    doors: Entrances
    partner: Any = None
    as2_url: str = "http://127.0.0.1:8000/as2"

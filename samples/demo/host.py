"""What the demo scenarios use of the application `oms` hands them."""

from __future__ import annotations

from collections.abc import Callable
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

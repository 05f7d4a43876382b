"""`oms demo history` as a bulk load: `durable_writes` off for its run (SQLite synchronous=OFF, outbox
files renamed into place without fsync), the same history as before, and nothing of it left behind.

The counts below were recorded from a run of the code before the switch (commit a309af6, where every
commit and every outbox file waited for the disk), October 2026 at seed 11 and half the usual rate; a
change of speed must not change what the history makes. Besides the record, the business rules they
follow: each shipment is invoiced once, each return is credited once."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from core.kernel.adapters.db import make_engine
from core.kernel.domain.model import OutboundKind, OutboundMessage
from oms.cli.demo import Doors
from oms.cli.demo_history import play_history
from outbound.spool import FolderSpool
from tests.conftest import make_app

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _synchronous(url: str, *, durable: bool = True) -> int:
    engine = make_engine(url, durable=durable)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA synchronous").scalar() or 0)
    finally:
        engine.dispose()


def test_sqlite_waits_for_the_disk_unless_told_not_to(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oms.db'}"
    assert _synchronous(url) == 1  # NORMAL: in WAL mode, a commit survives a crash of the system
    assert _synchronous(url, durable=False) == 0  # OFF: a bulk load redone from scratch after one


def test_a_spool_that_is_not_durable_still_renames_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    message = OutboundMessage("edi", OutboundKind.ORDRSP, "8437000100010", "ORDRSP_1.edi", b"UNA:+.? '", NOW)
    FolderSpool(tmp_path / "durable").send(message)
    assert len(synced) == 2  # the file, then its folder
    FolderSpool(tmp_path / "bulk", durable=False).send(message)
    assert len(synced) == 2  # none more
    for root in ("durable", "bulk"):
        folder = tmp_path / root / "8437000100010"
        assert [p.name for p in folder.iterdir()] == ["ORDRSP_1.edi"]  # no dot-file left over
        assert (folder / "ORDRSP_1.edi").read_bytes() == b"UNA:+.? '"


@pytest.mark.integration
@pytest.mark.slow
def test_the_bulk_history_makes_what_the_durable_one_made(tmp_path: Path) -> None:
    app = make_app(tmp_path, clock=lambda: NOW)
    try:
        tally = play_history(
            app.settings,
            Doors,
            date(2026, 10, 1),
            date(2026, 10, 31),
            seed=11,
            scale=0.5,
            say=lambda _: None,
        )
    finally:
        app.close()
    made = (tally.orders, tally.reviewed, tally.shipments, tally.delivered, tally.returns, tally.paid)
    # recorded at a309af6, but for the payments: 8 there, when a transfer went to the customer's oldest
    # due invoice rather than the one it was for (and so the count moved with the job threads' order);
    # by the rule, the invoices of the orders delivered by 10 October are paid 21 days on, by the 31st:
    # 9 of them, one transfer each
    assert made == (62, 2, 75, 56, 3, 9)
    app = make_app(tmp_path, clock=lambda: NOW)
    try:
        with app.engine.connect() as conn:

            def count(sql: str) -> int:
                return int(conn.execute(text(sql)).scalar() or 0)

            invoices = count("SELECT count(*) FROM invoices WHERE kind = 'invoice'")
            credit_notes = count("SELECT count(*) FROM invoices WHERE kind = 'credit_note'")
            assert count("SELECT count(*) FROM orders") == tally.orders
            assert invoices == count("SELECT count(*) FROM shipments") == tally.shipments
            assert credit_notes == tally.returns
            due = count(
                "SELECT count(DISTINCT i.id) FROM invoices i JOIN shipments s ON s.order_id = i.order_id"
                " WHERE i.kind = 'invoice' AND s.delivered_at < '2026-10-11'"
            )
            assert due == tally.paid == count("SELECT count(*) FROM payment_transactions")
            assert count("SELECT count(*) FROM outbound_messages") == 231  # recorded at a309af6
            # recorded at a309af6 as 302, with 8 receipts posted; one entry per receipt, and there are 9
            assert count("SELECT count(*) FROM journal_entries") == 303
            # the app opened after the run waits for the disk again: the switch was the run's only
            assert int(conn.exec_driver_sql("PRAGMA synchronous").scalar() or 0) == 1
    finally:
        app.close()

"""Fax intake: sidecars read with their fax (and never as documents); customers found by fax number."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.capture.domain.documents import Channel, InboundDocument
from core.capture.domain.order import Party
from ingest.fax import FaxSidecars, read_sidecar
from ingest.folder import FolderWatcher
from tests.unit.validation.test_decide import TODAY, Master, codes, order
from validation.decide import validate

NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)


def test_json_sidecar_prefers_the_networks_caller_id(tmp_path: Path) -> None:
    path = tmp_path / "fax0001.json"
    path.write_text(json.dumps({"tsi": "FERRETERIA", "caller_id": "0034 912 345 678", "commid": "000123"}))
    meta = read_sidecar(path)
    assert (meta.sender, meta.external_id) == ("+34912345678", "000123")


def test_hylafax_info_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "fax0002.tif.info"
    path.write_text("Sender: +44 20 7946 0123\nPages: 2\nQuality: Normal\nCommID: 000000042\n")
    meta = read_sidecar(path)
    assert (meta.sender, meta.external_id) == ("+442079460123", "000000042")


def test_a_sender_that_is_no_number_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "fax.json"
    path.write_text(json.dumps({"sender": "HARTLEY HW"}))
    assert read_sidecar(path).sender == "HARTLEY HW"


def test_attach_finds_both_naming_styles(tmp_path: Path) -> None:
    fax = tmp_path / "fax0003.tif"
    fax.write_bytes(b"II*\x00")
    (tmp_path / "fax0003.json").write_text(json.dumps({"sender": "912345678"}))
    (tmp_path / "fax0003.tif.info").write_text("CommID: 77\n")
    doc = InboundDocument(channel=Channel.FAX, content=b"II*\x00", received_at=NOW)
    enriched, taken = FaxSidecars().attach(fax, doc)
    assert (enriched.sender, enriched.external_id) == ("+34912345678", "77")
    assert sorted(p.name for p in taken) == ["fax0003.json", "fax0003.tif.info"]


def test_unreadable_sidecar_is_left_and_the_fax_taken(tmp_path: Path) -> None:
    fax = tmp_path / "fax0004.tif"
    fax.write_bytes(b"II*\x00")
    (tmp_path / "fax0004.json").write_text("{not json")
    doc = InboundDocument(channel=Channel.FAX, content=b"II*\x00", received_at=NOW)
    enriched, taken = FaxSidecars().attach(fax, doc)
    assert enriched.sender is None and taken == []


def test_watcher_takes_fax_with_its_sidecar_and_never_the_sidecar_alone(tmp_path: Path) -> None:
    inbox = tmp_path / "fax"
    inbox.mkdir()
    got: list[InboundDocument] = []

    def submit(doc: InboundDocument) -> int:
        got.append(doc)
        return len(got)

    watcher = FolderWatcher({inbox: Channel.FAX}, submit, lambda: NOW, sidecars={Channel.FAX: FaxSidecars()})
    (inbox / "fax0005.json").write_text(json.dumps({"sender": "+34 981 234 567", "id": "J5"}))
    (inbox / "fax0005.tif").write_bytes(b"II*\x00 fax")
    (inbox / "orphan.info").write_text("Sender: 1\n")
    for path in inbox.iterdir():
        watcher.consider(path)
    assert [p.name for p in watcher.tracker._seen] == ["fax0005.tif"]
    assert watcher.take(inbox / "fax0005.tif") == 1
    (doc,) = got
    assert (doc.channel, doc.sender, doc.external_id, doc.original_name) == (
        Channel.FAX,
        "+34981234567",
        "J5",
        "fax0005.tif",
    )
    assert sorted(p.name for p in inbox.iterdir()) == ["orphan.info"]


@pytest.mark.parametrize("number", ["+34 912 345 678", "0034912345678", "912345678"])
def test_customer_found_by_the_number_it_faxed_from(number: str) -> None:
    master = Master()
    master.customer_rows["C-1"].fax = "912 345 678"
    master.customer_rows["C-1"].country = "ES"
    resolved = validate(order(buyer=Party(name="Ferretería Núñez", fax=number)), master, TODAY)
    assert resolved.customer_id == "C-1"
    assert "unknown_customer" not in codes(resolved.problems)


def test_the_buyers_id_comes_before_the_fax_number() -> None:
    master = Master()
    master.customer_rows["C-2"] = type(master.customer_rows["C-1"])("C-2", "Otro", fax="+34 912 345 678")
    resolved = validate(order(buyer=Party(party_id="8437000100010", fax="912345678")), master, TODAY)
    assert resolved.customer_id == "C-1"


def test_an_unknown_fax_number_is_an_unknown_customer() -> None:
    resolved = validate(order(buyer=Party(fax="+34 999 999 999")), Master(), TODAY)
    assert resolved.customer_id is None
    problem = next(p for p in resolved.problems if p.code.value == "unknown_customer")
    assert "+34 999 999 999" in problem.message

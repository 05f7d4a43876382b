"""What we write parses back through our own reader: ORDRSP and CONTRL envelopes without a fault."""

from __future__ import annotations

from datetime import UTC, datetime

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from oms.bootstrap import App
from parsers.edifact import EdifactParser
from tests.conftest import SAMPLES
from tests.integration.helpers import ingest, outbox_files

DEMO = (SAMPLES / "edifact" / "demo-orders.edi").read_bytes()


def read_back(content: bytes):  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    doc = InboundDocument(channel=Channel.EDI, content=content, received_at=now)
    return EdifactParser().parse(doc, ParseContext(today=now))


def test_our_answers_parse_back_through_our_reader_without_faults(demo_app: App) -> None:
    ingest(demo_app, DEMO.replace(b"UNT+26+1'", b"UNT+25+1'"))  # a fault, so the CONTRL reports one
    files = {f.name.split("_")[0]: f for f in outbox_files(demo_app)}
    assert set(files) == {"ORDRSP", "CONTRL"}

    ordrsp = read_back(files["ORDRSP"].read_bytes())
    [receipt] = ordrsp.interchanges
    assert receipt.accepted, receipt
    assert (receipt.sender_id, receipt.recipient_id) == ("8437000999997", "8437000100010")
    assert [m.type for m in receipt.messages] == ["ORDRSP"]  # the second order; the first is in review
    assert ordrsp.orders == ()

    contrl = read_back(files["CONTRL"].read_bytes())
    [receipt] = contrl.interchanges
    assert receipt.accepted, receipt
    assert [m.type for m in receipt.messages] == ["CONTRL"]
    assert contrl.problems == ()  # a CONTRL is recorded without complaint

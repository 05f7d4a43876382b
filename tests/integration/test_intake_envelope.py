"""Intake keeps every arrival on record before anything else happens: the bytes under their hash and a
document row with the envelope exactly as the channel gave it, in state `received`, and one request to
process it, sent only after the row is committed. Expected values written out by hand."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import event, text

from core.capture.domain.documents import Channel, DocumentState, InboundDocument
from core.capture.domain.events import DocumentStored
from core.capture.services import intake
from oms.bootstrap import App

ARRIVED = datetime(2026, 11, 26, 9, 30, 5, tzinfo=UTC)
BYTES = "Pedido de Ferretería Núñez: 10 uds TOR-M8-40\n".encode()


def test_an_arrival_is_stored_whole_and_then_asked_to_be_processed(app: App) -> None:
    published: list[list[object]] = []
    committed_when_published: list[bool] = []

    def publish(events: list[object]) -> None:
        with app.uow() as uow:  # a fresh transaction sees the row: it was committed before publishing
            committed_when_published.append(all(uow.documents.get(e.document_id) for e in events))  # type: ignore[attr-defined]
        published.append(events)

    doc = InboundDocument(
        channel=Channel.EMAIL,
        content=BYTES,
        received_at=ARRIVED,
        original_name="pedido-año.eml",
        sender="compras@ferreteria-nunez.es",
        external_id="<4712@ferreteria-nunez.es>",
        media_type="message/rfc822",
    )
    doc_id = intake.store_arrival(app.uow(), doc, publish)

    assert published == [[DocumentStored(doc_id)]] and committed_when_published == [True]
    with app.uow() as uow:
        record = uow.documents.get(doc_id)
        assert record is not None
        assert (record.channel, record.state, record.size) == (
            Channel.EMAIL,
            DocumentState.RECEIVED,
            len(BYTES),
        )
        assert record.sha256 == hashlib.sha256(BYTES).hexdigest()
        assert (record.original_name, record.sender, record.external_id, record.media_type) == (
            "pedido-año.eml",
            "compras@ferreteria-nunez.es",
            "<4712@ferreteria-nunez.es>",
            "message/rfc822",
        )
        assert record.received_at.astimezone(UTC) == ARRIVED
        assert record.updated_at.astimezone(UTC) == ARRIVED
        assert uow.blobs.get(record.sha256) == BYTES


def test_the_same_bytes_twice_are_two_arrivals_on_record(app: App) -> None:
    """Duplicates are judged when processed, not at the door: both arrivals are kept, with their own ids."""
    first = intake.store_arrival(
        app.uow(), InboundDocument(Channel.EDI, b"UNA:+.? '", ARRIVED), lambda _: None
    )
    second = intake.store_arrival(
        app.uow(), InboundDocument(Channel.EDI, b"UNA:+.? '", ARRIVED), lambda _: None
    )
    assert first != second
    with app.uow() as uow:
        assert {uow.documents.get(first).state, uow.documents.get(second).state} == {DocumentState.RECEIVED}  # type: ignore[union-attr]


def test_an_arrival_is_two_inserts_before_the_250_and_repeated_bytes_stay_one_blob(app_each_db: App) -> None:
    """What the SMTP 250 waits for is the bytes' row and the document's, written and committed:
    nothing read first (whether the bytes are there, the new row's id), and the second arrival of
    the same bytes adds a document row, not a second copy of the bytes."""
    app = app_each_db
    said: list[str] = []

    def heard(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        said.append(" ".join(statement.split()[:3]).upper())

    event.listen(app.engine, "before_cursor_execute", heard)
    try:
        ids = [
            intake.store_arrival(app.uow(), InboundDocument(Channel.EMAIL, BYTES, ARRIVED), lambda _: None)
            for _ in range(2)
        ]
    finally:
        event.remove(app.engine, "before_cursor_execute", heard)
    written = [s for s in said if not s.startswith(("BEGIN", "SELECT PG_", "SET "))]
    assert written == ["INSERT INTO BLOBS", "INSERT INTO DOCUMENTS"] * 2
    assert ids[0] != ids[1]
    with app.uow() as uow:
        assert [uow.documents.get(i).sha256 for i in ids] == [hashlib.sha256(BYTES).hexdigest()] * 2  # type: ignore[union-attr]
        assert uow.session.execute(text("SELECT count(*) FROM blobs")).scalar_one() == 1
        assert uow.blobs.get(hashlib.sha256(BYTES).hexdigest()) == BYTES

"""The envelope every channel hands over, and the stored document's state: a document is finished once it
was processed, found a duplicate or quarantined (a worker never takes a finished one again, and only an
unfinished one is requeued at start-up); the envelope is named by the SHA-256 of its bytes and its
arrival time is never a naive clock reading; a stored record gives back the very envelope it was
stored from; quarantining keeps the reason and the time (docs/operations.md)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.capture.domain.documents import (
    Channel,
    DocumentRecord,
    DocumentState,
    InboundDocument,
    content_hash,
)

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
LATER = datetime(2026, 12, 4, 9, 45, tzinfo=UTC)
# the SHA-256 of the three bytes "abc", as FIPS 180-2 (appendix B.1) prints it
ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize(
    ("state", "finished"),
    [
        ("received", False),  # stored, no worker has it yet
        ("processing", False),  # a worker has it, or crashed holding it: start-up requeues it
        ("processed", True),
        ("duplicate", True),
        ("quarantined", True),
    ],
)
def test_a_document_is_finished_once_processed_found_a_duplicate_or_quarantined(
    state: str, finished: bool
) -> None:
    assert DocumentState(state).finished is finished


def test_a_document_is_named_by_the_sha256_of_its_bytes() -> None:
    assert content_hash(b"abc") == ABC_SHA256
    doc = InboundDocument(Channel.EDI, b"abc", NOW)
    assert doc.sha256 == ABC_SHA256


def test_a_hash_the_channel_already_computed_is_kept() -> None:
    # the blob store already holds the bytes under their hash: the envelope rebuilt from a record
    # carries that name rather than a second computation
    doc = InboundDocument(Channel.FAX, b"abc", NOW, sha256="f" * 64)
    assert doc.sha256 == "f" * 64


def test_an_arrival_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        InboundDocument(Channel.EMAIL, b"abc", datetime(2026, 12, 4, 9, 30))


def test_a_stored_record_gives_back_the_envelope_it_was_stored_from() -> None:
    record = DocumentRecord(
        Channel.EMAIL,
        ABC_SHA256,
        3,
        NOW,
        original_name="pedido.pdf",
        sender="compras@nunez.example",
        external_id="<m-1@nunez.example>",
        media_type="application/pdf",
    )
    envelope = record.envelope(b"abc")
    assert envelope == InboundDocument(
        channel=Channel.EMAIL,
        content=b"abc",
        received_at=NOW,
        original_name="pedido.pdf",
        sender="compras@nunez.example",
        external_id="<m-1@nunez.example>",
        media_type="application/pdf",
        sha256=ABC_SHA256,
    )


def test_quarantining_keeps_the_reason_and_the_time() -> None:
    record = DocumentRecord(Channel.EDI, ABC_SHA256, 3, NOW, state=DocumentState.PROCESSING)
    record.quarantine("no UNB segment", LATER)
    assert record.state is DocumentState.QUARANTINED
    assert record.state.finished
    assert record.error == "no UNB segment"
    assert record.updated_at == LATER

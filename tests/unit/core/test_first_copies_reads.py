"""`FirstCopies`, the collector's batch asking which earlier arrival each of its e-mails is a copy of,
from one read: the first arrival, by number, of the same bytes (or the same Message-ID on the same
channel), not itself a duplicate, and either numbered before the e-mail or already taken up for
reading; a batch document's state as its record says now. Each question reads the asking record's
own fields once, not once for every arrival it looks at."""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

from core.capture.adapters.repository import FirstCopies, _Arrival
from core.capture.domain.documents import Channel, DocumentRecord, DocumentState

RECEIVED, PROCESSING, PROCESSED, DUPLICATE = (
    DocumentState.RECEIVED,
    DocumentState.PROCESSING,
    DocumentState.PROCESSED,
    DocumentState.DUPLICATE,
)


class Record:
    """A batch document's record that counts the reads of its own fields."""

    def __init__(self, id: int, sha256: str, external_id: str | None, state: DocumentState) -> None:
        self._fields: dict[str, object] = {
            "id": id,
            "sha256": sha256,
            "channel": Channel.EMAIL,
            "external_id": external_id,
        }
        self.state = state
        self.reads: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        if name in ("_fields", "reads", "state"):
            raise AttributeError(name)
        self.reads[name] += 1
        return self._fields[name]


def arrival(id: int, sha256: str, external_id: str | None, state: DocumentState) -> _Arrival:
    return _Arrival(id, sha256, str(Channel.EMAIL), external_id, state)


def test_each_documents_first_copy_by_the_rule_its_own_fields_read_once_a_question() -> None:
    """The answers are a guard (as before); the reads fail before: the record's bytes' hash and
    number were read again for every arrival looked at."""
    batch = [
        Record(11, "d", "m-1", PROCESSING),  # taken up already in this batch
        Record(12, "b", "m-2", RECEIVED),
        Record(13, "c", "m-3", RECEIVED),
        Record(14, "d", "m-4", RECEIVED),
    ]
    others = [
        arrival(5, "c", None, PROCESSED),  # 13's bytes, read long ago
        arrival(7, "b", None, DUPLICATE),  # 12's bytes, but a copy itself
        arrival(9, "b", None, PROCESSED),  # 12's bytes, the first of them
        arrival(20, "e", "m-4", RECEIVED),  # 14's Message-ID, numbered after it, waiting
        arrival(21, "f", "m-4", PROCESSING),  # 14's Message-ID, after it but taken up meanwhile
    ]
    own = [arrival(r.id, r.sha256, r.external_id, r.state) for r in batch]
    for record in batch:
        record.reads.clear()
    copies = FirstCopies(cast(list[DocumentRecord], batch), own + others)
    answers = {}
    for record in batch:
        before = Counter(record.reads)
        answers[record._fields["id"], "bytes"] = copies.with_hash(cast(DocumentRecord, record))
        assert all(n <= 1 for n in (record.reads - before).values()), record.reads - before
        before = Counter(record.reads)
        answers[record._fields["id"], "id"] = copies.with_external_id(cast(DocumentRecord, record))
        assert all(n <= 1 for n in (record.reads - before).values()), record.reads - before
    assert answers == {
        (11, "bytes"): None,  # 14 has its bytes, but is numbered after it and not taken up
        (11, "id"): None,
        (12, "bytes"): 9,  # 7 came first but is a copy itself
        (12, "id"): None,
        (13, "bytes"): 5,
        (13, "id"): None,
        (14, "bytes"): 11,  # numbered before it, in the same batch
        (14, "id"): 21,  # numbered after it but taken up: read already
    }

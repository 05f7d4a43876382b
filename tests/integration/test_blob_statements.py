"""A document's stored bytes are read by statements built once and reused with each call's own hashes
(the take-up reads every e-mail's bytes, a batch's ahead in one statement), not built anew each time;
what they find is unchanged.

The rules under test, written out, the expectations coming from the bytes each test stores itself:

- `prefetch(hashes)`: the bytes of those hashes that are stored, read in one statement; a hash that
  names nothing is left out (and a later `get` of it says so);
- `get(hash)`: the exact bytes stored under that hash, read ahead by `prefetch` (no statement) or else
  read by one statement; a hash that names nothing raises `KeyError`.
"""

from __future__ import annotations

import hashlib

import pytest

from oms.bootstrap import App
from tests.integration.statement_support import executed_statements

pytestmark = pytest.mark.integration

# plain text, bytes that are no text (a zero byte, an invalid UTF-8 sequence), and an accented text
CONTENTS = {
    "text": b"Pedido 1\r\n10 x TORN-M6\r\n",
    "binary": b"\x00\x01\xff\xfe%PDF-1.4\x00\xc3\x28",
    "accents": "Señores: 3 cajas de tornillos, entrega el miércoles".encode(),
}
NOWHERE = hashlib.sha256(b"never stored").hexdigest()


def _hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _stored(app: App) -> dict[str, str]:
    """Each of `CONTENTS` stored as a blob; their hashes by name."""
    with app.uow() as uow:
        for content in CONTENTS.values():
            uow.blobs.put(_hash(content), content)
        uow.commit()
    return {name: _hash(content) for name, content in CONTENTS.items()}


def test_bytes_read_ahead_are_read_by_the_same_statement_every_time(app_each_db: App) -> None:
    app = app_each_db  # the bare app on SQLite, then on PostgreSQL
    sha = _stored(app)
    with app.uow() as uow, executed_statements(uow.session) as executed:
        uow.blobs.prefetch([sha["binary"], sha["text"], sha["binary"]])
        first = list(executed)
        uow.blobs.prefetch([sha["accents"], NOWHERE])
        second = executed[len(first) :]
        assert len(first) == 1 and len(second) == 1  # one statement for each batch's hashes
        assert second[0] is first[0]
        executed.clear()
        # read ahead: each handed out with no statement, byte for byte as stored
        assert {name: uow.blobs.get(sha[name]) for name in CONTENTS} == CONTENTS
        assert executed == []
        with pytest.raises(KeyError):  # not stored: left out of the read ahead, and not found after
            uow.blobs.get(NOWHERE)


def test_bytes_not_read_ahead_are_read_by_the_same_statement_every_time(app_each_db: App) -> None:
    app = app_each_db  # the bare app on SQLite, then on PostgreSQL
    sha = _stored(app)
    with app.uow() as uow, executed_statements(uow.session) as executed:
        assert uow.blobs.get(sha["text"]) == CONTENTS["text"]
        assert uow.blobs.get(sha["text"]) == CONTENTS["text"]  # the last read: kept, not read again
        assert uow.blobs.get(sha["binary"]) == CONTENTS["binary"]
        assert len(executed) == 2 and executed[1] is executed[0]
        with pytest.raises(KeyError):
            uow.blobs.get(NOWHERE)
        assert executed[2] is executed[0]

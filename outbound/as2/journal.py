"""What the AS2 channel must remember between requests: each message we sent (its MIC, until its MDN
settles it) and each Message-ID we received (so a partner's retry is answered, not processed twice).

`As2Journal` is the interface; `FileJournal` keeps one small JSON file per message beside the outbox,
shared by every worker, written atomically. A database-backed journal can take its place unchanged.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from outbound.spool import write_atomically


class SentState(enum.StrEnum):
    """Where a message we sent stands."""

    AWAITING_MDN = "awaiting-mdn"  # posted (or about to be); no receipt yet
    DELIVERED = "delivered"  # a processed MDN with our MIC came back, or no MDN was asked for
    FAILED = "failed"  # refused: an error MDN, an HTTP error, or an MDN whose MIC differs


@dataclass(frozen=True)
class SentRecord:
    """One message we sent and its fate."""

    message_id: str
    partner: str  # the partner's AS2 id
    station: str  # our AS2 id
    filename: str
    mic: str
    mdn_mode: str
    sent_at: str  # ISO 8601, UTC
    state: SentState = SentState.AWAITING_MDN
    detail: str = ""  # the MDN's disposition, or why it failed
    settled_at: str | None = None
    mdn_message_id: str | None = None
    reference: str = ""  # what the sender knows it by (the outbox row's id)


@dataclass(frozen=True)
class ReceivedRecord:
    """A message we received, processed and acknowledged."""

    message_id: str
    partner: str
    mic: str
    received_at: str
    reference: str = ""  # what the intake made of it (a document id)


class As2Journal(Protocol):
    def record_sent(self, record: SentRecord) -> None: ...

    def sent(self, message_id: str) -> SentRecord | None: ...

    def settle(
        self, message_id: str, state: SentState, detail: str, when: datetime, mdn_id: str | None
    ) -> SentRecord: ...

    def awaiting(self, sent_before: datetime) -> list[SentRecord]: ...

    def received(self, partner: str, message_id: str) -> ReceivedRecord | None: ...

    def record_received(self, record: ReceivedRecord) -> None: ...


class FileJournal:
    """`As2Journal` on a folder: `sent/<hash>.json` and `received/<hash>.json`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, kind: str, *key: str) -> Path:
        digest = hashlib.sha256("\x00".join(key).encode("utf-8")).hexdigest()
        return self.folder / kind / f"{digest}.json"

    def _write(self, path: Path, record: SentRecord | ReceivedRecord) -> None:
        write_atomically(path, json.dumps(asdict(record), ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def record_sent(self, record: SentRecord) -> None:
        self._write(self._path("sent", record.message_id), record)

    def sent(self, message_id: str) -> SentRecord | None:
        path = self._path("sent", message_id)
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return SentRecord(**{**data, "state": SentState(data["state"])})

    def settle(
        self, message_id: str, state: SentState, detail: str, when: datetime, mdn_id: str | None
    ) -> SentRecord:
        record = self.sent(message_id)
        if record is None:
            raise KeyError(message_id)
        settled = replace(
            record, state=state, detail=detail, settled_at=when.isoformat(), mdn_message_id=mdn_id
        )
        self.record_sent(settled)
        return settled

    def awaiting(self, sent_before: datetime) -> list[SentRecord]:
        """Messages still waiting for their MDN that were sent before `sent_before`."""
        found = []
        for path in sorted((self.folder / "sent").glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                data["state"] == SentState.AWAITING_MDN
                and datetime.fromisoformat(data["sent_at"]) < sent_before
            ):
                found.append(SentRecord(**{**data, "state": SentState.AWAITING_MDN}))
        return found

    def received(self, partner: str, message_id: str) -> ReceivedRecord | None:
        path = self._path("received", partner, message_id)
        if not path.exists():
            return None
        return ReceivedRecord(**json.loads(path.read_text(encoding="utf-8")))

    def record_received(self, record: ReceivedRecord) -> None:
        self._write(self._path("received", record.partner, record.message_id), record)

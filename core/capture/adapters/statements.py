"""The documents' and their bytes' statements the take-up and the storing run for every e-mail
(`DocumentRepository`, `BlobRepository`), built once and executed with their values bound at each call:
a `select` and then its cache key built anew on every call cost more than the rest of the call's Python
(mail31 did the same for the duplicate check's `recent_for_customer`). Those that load records are built
on first use, once the records are mapped (`start_mappers`, once a process); a statement is immutable, so
one serves every session and thread."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Integer, String, bindparam, select
from sqlalchemy.sql import ColumnElement, Select

from core.capture.adapters import orm
from core.capture.domain.documents import DocumentRecord, DocumentState
from core.kernel.adapters.bulk import any_of_param


def _first_of(same: ColumnElement[bool]) -> Select[int]:
    """The id of the first arrival `same` names other than document `:before`, not a duplicate itself,
    that came before it: numbered before it, or taken up for reading already (an arrival numbered first
    can be committed last, after the other was read). The id only: nearly every arrival finds nothing,
    and a duplicate's record needs only its id."""
    t = orm.documents.c
    before = bindparam("before", type_=Integer())
    return (
        select(t.id)
        .where(same, t.id != before, t.state != DocumentState.DUPLICATE)
        .where((t.id < before) | (t.state != DocumentState.RECEIVED))
        .order_by(t.id)
        .limit(1)
    )


FIRST_WITH_HASH = _first_of(orm.documents.c.sha256 == bindparam("sha256"))
FIRST_WITH_ID = _first_of(
    (orm.documents.c.channel == bindparam("channel"))
    & (orm.documents.c.external_id == bindparam("external_id"))
)
FIRST_COPY = select(FIRST_WITH_HASH.scalar_subquery(), FIRST_WITH_ID.scalar_subquery())


@cache
def one_document(lock: bool) -> Select[DocumentRecord]:
    """A document by its id (`:doc_id`), its row locked with `lock`."""
    stmt = select(DocumentRecord).where(orm.documents.c.id == bindparam("doc_id"))
    return stmt.with_for_update() if lock else stmt


@cache
def documents(postgres: bool, lock: bool) -> Select[DocumentRecord]:
    """Documents by id (`:ids`, one array parameter on PostgreSQL, an IN list elsewhere), in id order,
    their rows locked in that order with `lock`."""
    t = orm.documents.c
    stmt = select(DocumentRecord).where(any_of_param(t.id, "ids", postgres=postgres)).order_by(t.id)
    return stmt.with_for_update() if lock else stmt


@cache
def waiting() -> Select[DocumentRecord]:
    """Up to `:limit` arrivals on `:channel` never taken up, other than `:besides`, oldest first, their
    rows locked; rows another transaction holds are passed over."""
    t = orm.documents.c
    return (
        select(DocumentRecord)
        .where(
            t.state == DocumentState.RECEIVED,
            t.channel == bindparam("channel"),
            t.attempts == 0,
            t.id != bindparam("besides"),
        )
        .order_by(t.id)
        .limit(bindparam("limit", type_=Integer()))
        .with_for_update(skip_locked=True)
    )


@cache
def copies_of(postgres: bool, by_id: bool) -> Select[int, str, str, str | None, DocumentState]:
    """The arrivals, other than `:own`, not duplicates, with one of the hashes `:shas` or (`by_id`) one
    of the external ids `:external_ids`: what `first_copies` reads."""
    t = orm.documents.c
    same = any_of_param(t.sha256, "shas", postgres=postgres, item=String())
    if by_id:
        same = same | any_of_param(t.external_id, "external_ids", postgres=postgres, item=String())
    others = ~any_of_param(t.id, "own", postgres=postgres)
    return select(t.id, t.sha256, t.channel, t.external_id, t.state).where(
        same, t.state != DocumentState.DUPLICATE, others
    )


BLOB = select(orm.blobs.c.content).where(orm.blobs.c.sha256 == bindparam("sha256"))


@cache
def blobs(postgres: bool) -> Select[str, bytes]:
    """The hashes and bytes of the blobs whose hashes are `:shas` (a batch's, read ahead), in no order."""
    b = orm.blobs.c
    return select(b.sha256, b.content).where(any_of_param(b.sha256, "shas", postgres=postgres, item=String()))

"""The statements a session executes while a block runs, for tests that hold a repository to statements
built once and reused (the same objects on every call)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session


@contextmanager
def executed_statements(session: Session) -> Iterator[list[Any]]:
    """The statements executed through `session` while the block runs, in order."""
    executed: list[Any] = []

    def seen(state: ORMExecuteState) -> None:
        executed.append(state.statement)

    event.listen(session, "do_orm_execute", seen)
    try:
        yield executed
    finally:
        event.remove(session, "do_orm_execute", seen)

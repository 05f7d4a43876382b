"""Logging: one line per event, as text or (`OMS_LOG_FORMAT=json`) one JSON object per line, every line
carrying the document id, order id and channel of the work it belongs to.

The ids come from a context variable that the jobs and the intake set (`context(document_id=…)`), so
they reach every logger underneath without being passed down; threads and tasks each see their own.
Expected faults (the project's own errors, `ComandaError`) are logged as their message, without a
traceback; anything else keeps its traceback.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from core.kernel.errors import ComandaError

_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("oms_log_context", default={})  # noqa: B039 - never mutated
# how many `context` blocks are open in this thread or task: `annotate` adds to the innermost one only
_open: contextvars.ContextVar[int] = contextvars.ContextVar("oms_log_open", default=0)


@contextmanager
def context(**fields: Any) -> Iterator[None]:
    """Every log line inside carries these fields (None values are left out)."""
    token = _context.set({**_context.get(), **{k: v for k, v in fields.items() if v is not None}})
    depth = _open.set(_open.get() + 1)
    try:
        yield
    finally:
        _open.reset(depth)
        _context.reset(token)


def annotate(**fields: Any) -> None:
    """Add fields to the innermost `context` from inside it (known only once work began); they go
    when that context ends. Outside any `context` it does nothing: there the fields would stay on every
    later line of the thread (a job's channel on the next job's lines)."""
    if not _open.get():
        return
    _context.set({**_context.get(), **{k: v for k, v in fields.items() if v is not None}})


def current() -> dict[str, Any]:
    return dict(_context.get())


class ContextFilter(logging.Filter):
    """Puts the context's fields on each record (as attributes) before it is formatted."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = _context.get()
        record.oms_context = fields
        for key, value in fields.items():
            setattr(record, key, value)
        return True


def _expected(record: logging.LogRecord) -> BaseException | None:
    exc = record.exc_info[1] if record.exc_info else None
    return exc if isinstance(exc, ComandaError) else None


class TextFormatter(logging.Formatter):
    """The usual one-line text, the context in brackets, and no traceback for an expected fault."""

    def format(self, record: logging.LogRecord) -> str:
        expected = _expected(record)
        if expected is not None:
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
            record.msg = f"{record.getMessage()}: {type(expected).__name__}: {expected}"
            record.args = None
        line = super().format(record)
        fields = getattr(record, "oms_context", {})
        if fields:
            line += " [" + " ".join(f"{k}={v}" for k, v in fields.items()) + "]"
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the context, and the error if any."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "oms_context", {}),
        }
        expected = _expected(record)
        if expected is not None:
            out["error"] = f"{type(expected).__name__}: {expected}"
        elif record.exc_info:
            out["error"] = (
                f"{record.exc_info[0].__name__ if record.exc_info[0] else 'Error'}: {record.exc_info[1]}"
            )
            out["traceback"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """Ours, so that configuring again replaces it and nobody else's."""


def configure(fmt: str, level: int, stream: Any = None, *, force: bool = False) -> None:
    """The root logger's handler: text or JSON, with the context filter.  Like `logging.basicConfig`,
    it leaves a root logger that someone else configured alone (a test runner's), unless `force`."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler) or force]:
        root.removeHandler(old)
    if root.handlers:
        return
    handler = _Handler(stream or sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ContextFilter())
    root.addHandler(handler)
    root.setLevel(level)

"""Log lines: JSON objects one per line carrying the work's ids, text lines with them in brackets, and no
traceback for the project's own (expected) errors while other exceptions keep theirs."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator

import pytest

from core.kernel.errors import ParseError
from oms import logs


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """The root handler `configure` installs, writing into a buffer; the test's handlers put back after."""
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    yield logging.getLogger("oms.test"), io.StringIO()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in saved:
        root.addHandler(handler)
    root.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_json_lines_carry_the_ids_of_the_work_they_belong_to(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, buffer = captured
    logs.configure("json", logging.INFO, buffer, force=True)
    log.info("before")
    with logs.context(document_id=7, channel="fax"):
        log.info("reading page %d", 2)
        with logs.context(order_id=31):
            log.warning("price differs: 0,18 € ≠ 0,20 €")
    log.info("after")
    first, reading, price, after = lines(buffer)
    assert "document_id" not in first and "document_id" not in after
    assert reading["message"] == "reading page 2"
    assert (reading["document_id"], reading["channel"]) == (7, "fax") and "order_id" not in reading
    assert (price["document_id"], price["order_id"], price["level"]) == (7, 31, "WARNING")
    assert price["message"] == "price differs: 0,18 € ≠ 0,20 €"
    assert price["time"].endswith("+00:00")  # type: ignore[union-attr]


def test_another_thread_does_not_see_this_ones_ids(captured: tuple[logging.Logger, io.StringIO]) -> None:
    log, buffer = captured
    logs.configure("json", logging.INFO, buffer, force=True)
    with logs.context(document_id=1):
        worker = threading.Thread(target=lambda: log.info("elsewhere"))
        worker.start()
        worker.join()
    assert "document_id" not in lines(buffer)[0]


def test_an_expected_fault_is_logged_without_a_traceback(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, buffer = captured
    logs.configure("json", logging.INFO, buffer, force=True)
    try:
        raise ParseError("no UNH segment")
    except ParseError:
        log.exception("reader failed on pedido.edi")
    try:
        raise ValueError("a bug")
    except ValueError:
        log.exception("reader failed on otro.edi")
    expected, bug = lines(buffer)
    assert expected["error"] == "ParseError: no UNH segment" and "traceback" not in expected
    assert bug["error"] == "ValueError: a bug"
    assert "Traceback (most recent call last)" in bug["traceback"]  # type: ignore[operator]


def test_text_lines_show_the_ids_and_no_traceback_for_expected_faults(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    log, buffer = captured
    logs.configure("text", logging.INFO, buffer, force=True)
    with logs.context(document_id=3, channel="edi"):
        try:
            raise ParseError("no UNH segment")
        except ParseError:
            log.exception("reader failed")
    (line,) = buffer.getvalue().splitlines()
    assert line.endswith("oms.test: reader failed: ParseError: no UNH segment [document_id=3 channel=edi]")


def test_fields_added_inside_a_context_go_with_it_and_outside_any_context_are_not_kept(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    # A job learns its document's channel only once it has read the row, and adds it to its lines.
    # Those fields belong to that job: once its context ends they are gone, and fields added where no
    # job's context is open (a document processed by a caller that opened none) never reach the lines
    # of whatever runs next on the same thread.
    log, buffer = captured
    logs.configure("json", logging.INFO, buffer, force=True)
    with logs.context(document_id=7):
        logs.annotate(channel="email")
        log.info("inside")
    logs.annotate(channel="fax")
    log.info("outside")
    with logs.context(document_id=8):
        log.info("next job")
    inside, outside, following = lines(buffer)
    assert (inside["document_id"], inside["channel"]) == (7, "email")
    assert "channel" not in outside and "document_id" not in outside
    assert following["document_id"] == 8 and "channel" not in following

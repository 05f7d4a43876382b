"""A reader that fails on one document gives that document an error and no order, for `oms extract` and
the capture benches alike: one unreadable file must not hide the others (a bench cell of 27 faxes once
stopped at a reader bug on one page; the service quarantines such a document with the same words)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.capture.domain.documents import Channel, InboundDocument, ParseResult
from oms.extract import read_or_error, result_json

DOC = InboundDocument(
    channel=Channel.FAX,
    content=b"II*\x00",
    received_at=datetime(2026, 12, 7, tzinfo=UTC),
    original_name="a.tif",
)


def test_a_reader_that_fails_gives_an_error_and_no_order() -> None:
    def broken(doc: InboundDocument) -> ParseResult:
        return ParseResult(format="tiff-ocr") if Decimal("-") else ParseResult(format="x")  # "-" is no number

    got = read_or_error(broken, DOC)
    assert not got.orders and got.format == "unknown"
    assert got.error is not None and got.error.startswith("internal error while reading: InvalidOperation")
    shown = result_json("a.tif", "fax", got, None, datetime(2026, 12, 7, tzinfo=UTC).date())
    assert (shown["orders"], shown["error"]) == ([], got.error)


def test_a_reader_that_works_gives_its_own_result() -> None:  # guard: nothing changes for a good read
    result = ParseResult(format="tiff-ocr")
    assert read_or_error(lambda doc: result, DOC) is result

"""Builders for small EDIFACT interchanges and a one-call reader, shared by the EDIFACT tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from parsers.edifact import EdifactParser

UNA = "UNA:+.? '"
UNB = "UNB+UNOC:3+SENDER:14+RECEIVER:14+240115:0930+IC1"
ORDER_BODY = (
    "BGM+220+PO-1+9",
    "DTM+137:20240115:102",
    "NAD+BY+5412345000013::9",
    "LIN+1++4000862141404:EN",
    "QTY+21:5",
)


def message(ref: str = "M1", *body: str, kind: str = "ORDERS:D:96A:UN:EAN008") -> list[str]:
    """UNH, the body (an ORDERS header and one line by default) and a correct UNT."""
    segments = [f"UNH+{ref}+{kind}", *(body or ORDER_BODY)]
    return [*segments, f"UNT+{len(segments) + 1}+{ref}"]


def interchange(
    *messages: Sequence[str], una: str | None = UNA, unb: str = UNB, unz: str | None = None, end: str = "'"
) -> str:
    """An interchange of the given messages; UNZ counts them unless `unz` says otherwise ("" for none)."""
    segments = [unb] + [s for m in (messages or (message(),)) for s in m]
    if unz is None:
        unz = f"UNZ+{len(messages or (None,))}+{unb.split('+')[5]}"
    if unz:
        segments.append(unz)
    return (una or "") + end.join(segments) + end


def doc(content: bytes | str, encoding: str = "latin-1") -> InboundDocument:
    data = content.encode(encoding) if isinstance(content, str) else content
    return InboundDocument(Channel.EDI, data, datetime(2024, 1, 15, tzinfo=UTC), original_name="test.edi")


def read(content: bytes | str, encoding: str = "latin-1") -> ParseResult:
    return EdifactParser().parse(
        doc(content, encoding), ParseContext(today=datetime(2024, 1, 15, tzinfo=UTC))
    )


def faults_of(result: ParseResult) -> list[tuple[str, str | None]]:
    """(code, segment tag) of every fault anywhere in the result's receipts."""
    found = []
    for receipt in result.interchanges:
        found += [(f.code, f.segment_tag) for f in receipt.faults]
        found += [(f.code, f.segment_tag) for g in receipt.groups for f in g.faults]
        found += [(f.code, f.segment_tag) for m in receipt.messages for f in m.faults]
    return found

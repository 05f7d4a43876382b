"""The EDIFACT reader under fuzzing: whatever near-valid interchange arrives, it returns a result or raises
its documented ParseError, never anything else; and the separators, UNA, escaping and encoding an
interchange chooses never change what is read from it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.kernel.errors import ParseError
from parsers.edifact import EdifactParser
from tests.fuzz.edifact_strategies import (
    DEFAULT_CHARS,
    Chars,
    byte_damage,
    interchanges,
    near_valid_edifact,
    service_chars,
    write,
)

TODAY = datetime(2026, 11, 26, 9, tzinfo=UTC)


def read(content: bytes) -> ParseResult:
    doc = InboundDocument(Channel.EDI, content, TODAY, original_name="fuzz.edi")
    return EdifactParser().parse(doc, ParseContext(today=TODAY))


def read_or_refuse(content: bytes) -> ParseResult | None:
    """The result, or None when the reader refused with ParseError; any other exception escapes."""
    try:
        result = read(content)
    except ParseError as exc:
        assert str(exc), "a refusal says why"
        return None
    assert result.format == "edifact"
    for order in result.orders:
        for line in order.lines:
            for number in (line.quantity, line.unit_price, line.amount):
                assert number is None or (isinstance(number, Decimal) and number.is_finite())
    return result


@given(near_valid_edifact())
def test_a_mutated_interchange_is_read_or_refused_with_parse_error(content: bytes) -> None:
    read_or_refuse(content)


@given(st.binary(max_size=400).map(lambda junk: b"UNB+UNOC:3+" + junk))
def test_random_bytes_after_a_unb_are_read_or_refused_with_parse_error(content: bytes) -> None:
    read_or_refuse(content)


@given(interchanges().flatmap(lambda segs: st.tuples(st.just(segs), byte_damage(write_default(segs)))))
def test_a_damaged_interchange_is_read_or_refused(drawn: tuple[object, bytes]) -> None:
    read_or_refuse(drawn[1])


def write_default(segments: list[list[list[str]]]) -> bytes:
    chars = Chars(*DEFAULT_CHARS[:4], DEFAULT_CHARS[5])
    return write(segments, chars, una=True).encode("latin-1")


def what_was_read(result: ParseResult) -> list[tuple[object, ...]]:
    return [
        (
            o.po_number,
            o.order_date,
            o.buyer.party_id,
            o.buyer.name,
            tuple((ln.item_code, ln.quantity, ln.unit, ln.unit_price) for ln in o.lines),
        )
        for o in result.orders
    ]


NAMES = st.text(alphabet="ABCDEFGHIJ abcdefáéíóúñÑü&.,-/?:+'*|~^!#", min_size=1, max_size=30).filter(
    lambda name: name.strip() == name and name.strip()
)


@given(
    interchanges(),
    service_chars().filter(lambda c: c.decimal == "."),
    st.sampled_from([("UNOC", "latin-1"), ("UNOY", "utf-8"), ("UNOW", "utf-8")]),
    st.sampled_from(["", "\r\n", "\n"]),
    st.booleans(),
    NAMES,
)
def test_separators_escaping_and_encoding_never_change_what_is_read(
    segments: list[list[list[str]]],
    chars: Chars,
    syntax: tuple[str, str],
    newline: str,
    bom: bool,
    buyer_name: str,
) -> None:
    """The same interchange, written with any service characters its UNA declares (values escaped with
    the release character), in any repertoire that holds its text, reads the same orders."""
    syntax_id, encoding = syntax
    segments = [list(map(list, s)) for s in segments]
    segments[0][1] = [syntax_id, "3"]
    for seg in segments:
        if seg[0] == ["NAD"] and len(seg) > 4 and seg[1] == ["BY"]:
            seg[4] = [buyer_name]
    canonical = write(segments, Chars(*DEFAULT_CHARS[:4], DEFAULT_CHARS[5]), una=True).encode(encoding)
    varied = write(segments, chars, una=True, newline=newline).encode(encoding)
    if bom and encoding == "utf-8":
        varied = b"\xef\xbb\xbf" + varied
    expected = what_was_read(read(canonical))
    assert expected, "the canonical interchange holds orders"
    assert any(order[3] == buyer_name for order in expected)
    assert what_was_read(read(varied)) == expected


def test_the_canonical_writer_reads_back_the_generator_unchanged() -> None:
    """The strategies' own round trip: split and written again, the generator's interchange reads the
    same as it was written (else the properties above would compare the wrong things)."""
    from samples.edifact_gen import orders_interchange
    from tests.fuzz.edifact_strategies import split_segments

    raw = orders_interchange(messages=2, lines=3)
    again = write_default(split_segments(raw.decode("latin-1")))
    assert what_was_read(read(again)) == what_was_read(read(raw))
    assert [replace(o, evidence=(), problems=()).lines for o in read(again).orders] == [
        replace(o, evidence=(), problems=()).lines for o in read(raw).orders
    ]

"""What cannot be read raises ParseError/EnvelopeError; everything else becomes faults; `score`."""

from __future__ import annotations

import random

import pytest
from pydifact.exceptions import ValidationError

from core.capture.domain.documents import ParseContext
from core.kernel.errors import EnvelopeError, ParseError
from parsers.base import ParserRegistry
from parsers.edifact import EdifactParser
from parsers.edifact import lexer as lexer_module
from tests.unit.parsers.edifact_support import doc, interchange, message, read


@pytest.mark.parametrize("content", [b"", b"   \r\n\t "])
def test_empty_document_is_a_parse_error(content: bytes) -> None:
    with pytest.raises(ParseError, match="empty"):
        read(content)


def test_binary_garbage_is_an_envelope_error() -> None:
    garbage = random.Random(7).randbytes(64 * 1024)
    assert b"UNB" not in garbage and b"UNA" not in garbage
    with pytest.raises(EnvelopeError, match="neither a UNA nor a UNB"):
        read(b"%PDF-1.7\n" + garbage)


def test_file_cut_inside_the_unb_is_an_envelope_error() -> None:
    with pytest.raises(EnvelopeError, match="UNB"):
        read("UNA:+.? 'UNB+UNOC:3+SENDER:14+REC")


def test_interchange_cut_after_the_header_is_read_with_faults() -> None:
    result = read("UNB+UNOC:3+S+R+240115:0930+IC1'UNH+M1+ORDERS:D:96A:UN'BGM+220+PO-7+9'")
    assert result.orders == ()  # the message has no UNT: it may be cut short, so it is not taken
    codes = [p.code.value for p in result.problems]
    assert codes == ["missing_unt", "missing_unt", "missing_unz"]


def test_registry_turns_parse_errors_into_a_result_with_error() -> None:
    registry = ParserRegistry([EdifactParser()])
    context = ParseContext(today=doc(b"").received_at)
    result = registry.parse(doc(b"\x00\x01UNB+UNOC"), context)
    assert (result.format, result.orders) == ("edifact", ())
    assert result.error is not None and "UNB" in result.error


def test_unexpected_pydifact_errors_are_wrapped_at_the_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(string: str) -> object:
        raise ValidationError("Control character length must be 6.")

    monkeypatch.setattr(lexer_module.Characters, "from_str", broken)
    with pytest.raises(ParseError, match="pydifact") as info:
        read(interchange(message("M1")))
    assert isinstance(info.value.__cause__, ValidationError)


@pytest.mark.parametrize(
    ("content", "score"),
    [
        (interchange().encode(), 100),
        (interchange(una=None).encode(), 100),
        (b"\xef\xbb\xbf" + interchange().encode(), 100),
        (b"Subject: orders\r\n\r\n" + interchange(una=None).encode(), 100),
        (b"UNB\x1dUNOB\x1f1\x1dS\x1dR\x1d240115\x1f0930\x1dIC1\x1c", 100),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None),
        (b"Dear supplier, please deliver the UNB items.", None),
        (b"x" * 8192 + interchange().encode(), None),  # too far in to be this file's format
        (b"", None),
    ],
)
def test_score(content: bytes, score: int | None) -> None:
    assert EdifactParser().score(doc(content)) == score


def test_parser_name() -> None:
    assert EdifactParser().name == "edifact"

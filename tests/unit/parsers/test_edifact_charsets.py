"""The character set comes from UNB S001 0001; decoding is lenient and never crashes."""

from __future__ import annotations

import pytest

from core.capture.domain.order import ProblemCode, Severity
from tests.unit.parsers.edifact_support import interchange, message, read


def _named(syntax: str, name: str, codec: str, *, una: str | None = "UNA:+.? '") -> bytes:
    body = ("BGM+220+PO-1+9", f"NAD+BY+ID::9++{name}", "LIN+1", "QTY+21:1")
    text = interchange(message("M1", *body), una=una, unb=f"UNB+{syntax}:3+S:14+R:14+240115:0930+IC1")
    return text.encode(codec)


@pytest.mark.parametrize(
    ("syntax", "name", "codec"),
    [
        ("UNOC", "Café Müller", "iso8859-1"),
        ("UNOD", "Łódź Żółw", "iso8859-2"),
        ("UNOE", "Иван Ж", "iso8859-5"),
        ("UNOF", "Ωμέγα", "iso8859-7"),
        ("UNOG", "Ĝis ĉiu", "iso8859-3"),
        ("UNOH", "Rīga Ģ", "iso8859-4"),
        ("UNOI", "عربي", "iso8859-6"),
        ("UNOJ", "שלום", "iso8859-8"),
        ("UNOK", "Şişli İ", "iso8859-9"),
        ("UNOW", "Łódź Ωμέγα 東京", "utf-8"),
        ("UNOY", "Łódź 東京", "utf-8"),
        ("UNOX", "東京 Tokyo", "iso2022_jp"),
    ],
)
def test_each_syntax_identifier_decodes_its_repertoire(syntax: str, name: str, codec: str) -> None:
    result = read(_named(syntax, name, codec))
    assert result.orders[0].buyer.name == name
    assert result.problems == ()
    assert result.interchanges[0].syntax_id == syntax
    assert result.interchanges[0].accepted


def test_unoc_latin1_byte_is_e_acute() -> None:
    data = _named("UNOC", "Suppli\xe9r", "latin-1")
    assert b"Suppli\xe9r" in data
    assert read(data).orders[0].buyer.name == "Suppliér"


def test_unoa_and_unob_read_plain_ascii_without_problems() -> None:
    for syntax in ("UNOA", "UNOB"):
        result = read(_named(syntax, "ACME TRADING", "ascii"))
        assert result.orders[0].buyer.name == "ACME TRADING"
        assert result.problems == ()


def test_unoc_declared_but_utf8_bytes_read_as_utf8_with_an_info_problem() -> None:
    result = read(_named("UNOC", "Suppliér Ωmega", "utf-8"))
    assert result.orders[0].buyer.name == "Suppliér Ωmega"
    (problem,) = result.problems
    assert (problem.code, problem.severity) == (ProblemCode.SYNTAX_ERROR, Severity.INFO)
    assert "UTF-8" in problem.message
    assert problem in result.orders[0].problems
    assert result.interchanges[0].accepted  # a leniency, not a syntax fault


def test_unoa_with_latin1_bytes_reads_them_and_reports_invalid_characters() -> None:
    result = read(_named("UNOA", "CAF\xc9", "latin-1"))
    assert result.orders[0].buyer.name == "CAFÉ"
    (fault,) = result.interchanges[0].faults
    assert (fault.code, fault.segment_tag) == ("21", "UNB")
    assert [p.severity for p in result.problems] == [Severity.INFO]


def test_undecodable_utf8_becomes_replacement_characters_and_a_positioned_fault() -> None:
    result = read(_named("UNOW", "Bad ~ byte", "utf-8", una=None).replace(b"~", b"\xff"))
    (order,) = result.orders
    assert order.buyer.name == "Bad \ufffd byte"
    (fault,) = result.interchanges[0].messages[0].faults
    assert (fault.code, fault.segment_tag, fault.segment_position) == ("21", "NAD", 3)
    assert [(p.code, p.severity) for p in order.problems] == [(ProblemCode.SYNTAX_ERROR, Severity.REVIEW)]


def test_unassigned_byte_in_iso8859_6_is_replaced_not_fatal() -> None:
    data = _named("UNOI", "X", "ascii").replace(b"++X'", b"++X\xa1'")
    result = read(data)
    assert result.orders[0].buyer.name == "X\ufffd"
    assert [f.code for f in result.interchanges[0].messages[0].faults] == ["21"]


def test_unknown_syntax_identifier_is_read_leniently_with_a_note() -> None:
    result = read(_named("XXXX", "Caf\xe9", "latin-1"))
    assert result.orders[0].buyer.name == "Café"
    assert any("unknown syntax identifier" in p.message for p in result.problems)


def test_each_interchange_is_decoded_in_its_own_character_set() -> None:
    first = _named("UNOC", "Café", "latin-1")
    second = _named("UNOD", "Łódź", "iso8859-2").replace(b"IC1", b"IC2")
    result = read(first + second)
    assert [o.buyer.name for o in result.orders] == ["Café", "Łódź"]
    assert [r.syntax_id for r in result.interchanges] == ["UNOC", "UNOD"]

"""Gaps closed around pydifact: what comes before the interchange, service characters, CR/LF, several
interchanges and messages, functional groups, decimal marks and released characters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.capture.domain.order import ProblemCode, Severity
from tests.unit.parsers.edifact_support import ORDER_BODY, UNB, interchange, message, read


def test_utf8_bom_is_skipped() -> None:
    result = read(b"\xef\xbb\xbf" + interchange().encode("ascii"))
    assert [o.po_number for o in result.orders] == ["PO-1"]
    assert result.problems == ()


def test_junk_text_before_the_interchange_is_ignored_and_noted() -> None:
    junk = "From: edi@example.com\r\nSubject: orders\r\n\r\n"
    result = read(junk + interchange())
    assert [o.po_number for o in result.orders] == ["PO-1"]
    (problem,) = result.problems
    assert problem.code is ProblemCode.SYNTAX_ERROR
    assert problem.severity is Severity.INFO
    assert f"{len(junk)} bytes before" in problem.message


def test_junk_bytes_and_whitespace_before_unb_without_una() -> None:
    result = read(b"\x00\x00 \r\n\t" + interchange(una=None).encode("ascii"))
    assert [o.po_number for o in result.orders] == ["PO-1"]
    assert result.interchanges[0].control_ref == "IC1"


def test_interchange_without_una_uses_the_default_service_characters() -> None:
    result = read(interchange(message("M1", "BGM+220+PO?+1+9", "NAD+BY+A?:B::9"), una=None))
    assert result.orders[0].po_number == "PO+1"
    assert result.orders[0].buyer.party_id == "A:B"


def test_una_separators_and_release_character_are_used() -> None:
    text = (
        "UNA^*,# ~"
        "UNB*UNOC^3*S^14*R^14*240115^0930*IC1~"
        "UNH*M1*ORDERS^D^96A^UN~"
        "BGM*220*PO#*7#~1*9~"
        "NAD*BY*ACME#^X^^9~"
        "LIN*1**4000862141404^EN~"
        "QTY*21^2,5^PCE~"
        "UNT*6*M1~"
        "UNZ*1*IC1~"
    )
    result = read(text)
    (order,) = result.orders
    assert order.po_number == "PO*7~1"
    assert order.buyer.party_id == "ACME^X"
    assert order.buyer.qualifier == "9"
    assert order.lines[0].quantity == Decimal("2.5")
    assert order.lines[0].unit == "PCE"
    assert result.interchanges[0].accepted


def test_una_without_release_character_reads_question_marks_literally() -> None:
    text = interchange(message("M1", "BGM+220+WHY?+9", "LIN+1", "QTY+21:1"), una="UNA:+.  '")
    assert read(text).orders[0].po_number == "WHY?"


def test_level_b_information_separators_without_una() -> None:
    segments = [
        "UNB\x1dUNOB\x1f1\x1dS\x1dR\x1d240115\x1f0930\x1dIC1",
        "UNH\x1dM1\x1dORDERS\x1fD\x1f96A\x1fUN",
        "BGM\x1d220\x1dPO-B\x1d9",
        "UNT\x1d3\x1dM1",
        "UNZ\x1d1\x1dIC1",
    ]
    result = read("\x1c".join(segments) + "\x1c")
    assert result.orders[0].po_number == "PO-B"
    assert result.interchanges[0].accepted


def test_cr_and_lf_are_discarded_even_inside_values() -> None:
    text = interchange(
        message("M1", "BGM+220+PO-\r\n1+9", "DTM+137:200508\n19:102", "LIN+1", "QTY+21:1\r\n0"),
        end="'\r\n",
    )
    result = read(text)
    (order,) = result.orders
    assert order.po_number == "PO-1"
    assert order.order_date == date(2005, 8, 19)
    assert order.lines[0].quantity == 10
    assert result.interchanges[0].accepted


def test_newline_as_segment_terminator_declared_in_una_is_kept() -> None:
    text = interchange(message("M1", "BGM+220+PO-N+9", "LIN+1", "QTY+21:3"), una="UNA:+.? \n", end="\n")
    result = read(text)
    assert result.orders[0].po_number == "PO-N"
    assert result.orders[0].lines[0].quantity == 3
    assert result.interchanges[0].accepted


def test_released_newline_with_newline_terminator_is_a_segment_fault_not_a_crash() -> None:
    text = interchange(
        message("M1", "BGM+220+PO-N+9", "FTX+AAI+++a?\nb", "LIN+1", "QTY+21:3"), una="UNA:+.? \n", end="\n"
    )
    result = read(text)
    (order,) = result.orders
    assert order.lines[0].quantity == 3
    fault = result.interchanges[0].messages[0].faults[0]
    assert (fault.code, fault.segment_tag, fault.segment_position) == ("12", "FTX", 3)


def test_several_interchanges_in_one_file_each_with_its_own_una() -> None:
    first = interchange(message("A1"), message("A2", "BGM+220+PO-2+9"))
    second = (
        "UNA:*.? 'UNB*UNOC:3*SENDER2:14*RECEIVER:14*240116:1000*IC2'"
        "UNH*B1*ORDERS:D:96A:UN'BGM*220*PO-3*9'UNT*3*B1'UNZ*1*IC2'"
    )
    result = read(first + "\r\n" + second)
    assert [r.control_ref for r in result.interchanges] == ["IC1", "IC2"]
    assert [r.sender_id for r in result.interchanges] == ["SENDER", "SENDER2"]
    assert [o.po_number for o in result.orders] == ["PO-1", "PO-2", "PO-3"]
    assert [o.interchange_index for o in result.orders] == [0, 0, 1]
    assert all(r.accepted for r in result.interchanges)


def test_several_messages_per_interchange_are_counted_and_kept_in_order() -> None:
    messages = [message(f"M{i}", f"BGM+220+PO-{i}+9", "LIN+1", f"QTY+21:{i}") for i in range(1, 6)]
    result = read(interchange(*messages))
    assert [o.po_number for o in result.orders] == [f"PO-{i}" for i in range(1, 6)]
    assert [m.reference for m in result.interchanges[0].messages] == [f"M{i}" for i in range(1, 6)]
    assert all(m.segment_count == 5 for m in result.interchanges[0].messages)
    assert result.interchanges[0].accepted


def test_functional_groups_are_read_and_unz_counts_groups() -> None:
    group = [
        "UNG+ORDERS+SENDER:14+RECEIVER:14+240115:0930+G1+UN+D:96A",
        *message("M1"),
        *message("M2", "BGM+220+PO-2+9"),
        "UNE+2+G1",
    ]
    result = read(interchange(group, unz="UNZ+1+IC1"))
    (receipt,) = result.interchanges
    assert receipt.accepted
    (g,) = receipt.groups
    assert (g.reference, g.message_type, g.sender_id, g.recipient_id) == (
        "G1",
        "ORDERS",
        "SENDER",
        "RECEIVER",
    )
    assert [m.group_ref for m in receipt.messages] == ["G1", "G1"]
    assert [o.po_number for o in result.orders] == ["PO-1", "PO-2"]


def test_decimal_comma_from_una_and_comma_in_numbers_generally() -> None:
    body = ("BGM+220+PO-1+9", "LIN+1", "QTY+21:2,5", "PRI+AAA:1,25", "MOA+203:3,125")
    with_una = read(interchange(message("M1", *body), una="UNA:+,? '")).orders[0].lines[0]
    without_una = read(interchange(message("M1", *body), una=None)).orders[0].lines[0]
    for line in (with_una, without_una):
        assert (line.quantity, line.unit_price, line.amount) == (
            Decimal("2.5"),
            Decimal("1.25"),
            Decimal("3.125"),
        )


def test_released_service_characters_in_values() -> None:
    body = ("BGM+220+PO-1+9", "NAD+BY+ID::9++A?+B?:C?'D??E", *ORDER_BODY[3:])
    order = read(interchange(message("M1", *body))).orders[0]
    assert order.buyer.name == "A+B:C'D?E"
    assert order.buyer.party_id == "ID"
    assert order.lines[0].quantity == 5


def test_unb_with_a_different_data_separator_and_no_una() -> None:
    result = read(interchange(message("M1"), una=None, unb=UNB).replace("+", "*"))
    assert result.interchanges[0].sender_id == "SENDER"
    assert result.orders[0].po_number == "PO-1"

"""Envelope checks: each reported as a positioned SyntaxFault (0085 code) in the receipts and as a
Problem, with INFO outside the message and REVIEW inside it."""

from __future__ import annotations

from datetime import UTC, datetime

from core.capture.domain.interchange import SyntaxFault
from core.capture.domain.order import ProblemCode, Severity
from tests.unit.parsers.edifact_support import faults_of, interchange, message, read


def _where(fault: SyntaxFault) -> tuple[str, str | None, int | None, int | None]:
    return fault.code, fault.segment_tag, fault.segment_position, fault.element_position


def test_clean_interchange_has_no_faults_and_full_receipt() -> None:
    unb = "UNB+UNOC:3+SENDER:14+RECEIVER:ZZ+240115:0930+IC1++ORDERS++1++1"
    result = read(interchange(message("M1"), unb=unb))
    (receipt,) = result.interchanges
    assert receipt.accepted
    assert (receipt.sender_id, receipt.sender_qualifier) == ("SENDER", "14")
    assert (receipt.recipient_id, receipt.recipient_qualifier) == ("RECEIVER", "ZZ")
    assert (receipt.control_ref, receipt.syntax_id, receipt.syntax_version) == ("IC1", "UNOC", "3")
    assert receipt.prepared_at == datetime(2024, 1, 15, 9, 30, tzinfo=UTC)
    assert (receipt.application_ref, receipt.ack_requested, receipt.test) == ("ORDERS", True, True)
    assert receipt.wants_contrl
    (m,) = receipt.messages
    assert (m.reference, m.type, m.version, m.release, m.agency, m.association) == (
        "M1",
        "ORDERS",
        "D",
        "96A",
        "UN",
        "EAN008",
    )
    assert (m.segment_count, m.group_ref, m.faults) == (7, None, ())
    assert result.problems == ()
    assert result.orders[0].problems == ()


def test_eight_digit_preparation_date_of_syntax_version_4() -> None:
    unb = "UNB+UNOC:4+S+R+20240115:2359+IC1"
    receipt = read(interchange(message("M1"), unb=unb)).interchanges[0]
    assert receipt.prepared_at == datetime(2024, 1, 15, 23, 59, tzinfo=UTC)
    assert receipt.syntax_version == "4"
    assert not receipt.wants_contrl


def test_impossible_preparation_date_is_an_invalid_value() -> None:
    receipt = read(interchange(message("M1"), unb="UNB+UNOC:3+S+R+241345:0930+IC1")).interchanges[0]
    assert receipt.prepared_at is None
    fault = receipt.faults[0]
    assert (fault.code, fault.segment_tag, fault.element_position, fault.component_position) == (
        "12",
        "UNB",
        5,
        1,
    )


def test_unt_segment_count_mismatch() -> None:
    segments = message("M1")
    segments[-1] = "UNT+99+M1"
    result = read(interchange(segments))
    (fault,) = result.interchanges[0].messages[0].faults
    assert _where(fault) == ("29", "UNT", 7, 2)
    (problem,) = result.orders[0].problems
    assert (problem.code, problem.severity) == (ProblemCode.MESSAGE_COUNT_MISMATCH, Severity.REVIEW)
    assert "99" in problem.message and "7" in problem.message


def test_unt_reference_mismatch() -> None:
    segments = message("M1")
    segments[-1] = "UNT+7+OTHER"
    result = read(interchange(segments))
    (fault,) = result.interchanges[0].messages[0].faults
    assert _where(fault) == ("28", "UNT", 7, 3)
    assert [p.code for p in result.orders[0].problems] == [ProblemCode.MESSAGE_REF_MISMATCH]


def test_unz_message_count_mismatch_is_info_on_the_interchange_and_the_order() -> None:
    result = read(interchange(message("M1"), unz="UNZ+3+IC1"))
    (receipt,) = result.interchanges
    assert [_where(f) for f in receipt.faults] == [("29", "UNZ", None, 2)]
    assert receipt.messages[0].accepted
    (problem,) = result.orders[0].problems
    assert (problem.code, problem.severity) == (ProblemCode.INTERCHANGE_COUNT_MISMATCH, Severity.INFO)
    assert problem in result.problems


def test_unz_reference_mismatch() -> None:
    result = read(interchange(message("M1"), unz="UNZ+1+WRONG"))
    assert [_where(f) for f in result.interchanges[0].faults] == [("28", "UNZ", None, 3)]
    assert [p.code for p in result.orders[0].problems] == [ProblemCode.INTERCHANGE_REF_MISMATCH]


def test_unz_counts_groups_when_groups_are_used() -> None:
    group = ["UNG+ORDERS+S+R+240115:0930+G1", *message("M1"), *message("M2"), "UNE+2+G1"]
    result = read(interchange(group, unz="UNZ+2+IC1"))
    (receipt,) = result.interchanges
    assert [_where(f) for f in receipt.faults] == [("29", "UNZ", None, 2)]
    assert "1 were found" in result.problems[0].message


def test_une_count_and_reference_mismatch() -> None:
    group = ["UNG+ORDERS+S+R+240115:0930+G1", *message("M1"), "UNE+5+G9"]
    result = read(interchange(group, unz="UNZ+1+IC1"))
    (g,) = result.interchanges[0].groups
    assert [_where(f) for f in g.faults] == [("29", "UNE", None, 2), ("28", "UNE", None, 3)]
    codes = [p.code for p in result.orders[0].problems]
    assert codes == [ProblemCode.GROUP_COUNT_MISMATCH, ProblemCode.GROUP_REF_MISMATCH]
    assert not result.interchanges[0].accepted


def test_missing_une_is_reported_on_the_group() -> None:
    group = ["UNG+ORDERS+S+R+240115:0930+G1", *message("M1")]
    result = read(interchange(group, unz="UNZ+1+IC1"))
    (g,) = result.interchanges[0].groups
    assert [_where(f) for f in g.faults] == [("13", "UNE", None, None)]
    assert result.interchanges[0].faults == ()


def test_missing_unz_keeps_the_message_usable() -> None:
    result = read(interchange(message("M1"), unz=""))
    (receipt,) = result.interchanges
    assert [_where(f) for f in receipt.faults] == [("13", "UNZ", None, None)]
    assert receipt.messages[0].accepted
    (problem,) = result.orders[0].problems
    assert (problem.code, problem.severity) == (ProblemCode.MISSING_UNZ, Severity.INFO)
    assert result.orders[0].po_number == "PO-1"


def test_missing_unt_before_the_next_message() -> None:
    cut = message("M1")[:-1]
    result = read(interchange(cut, message("M2", "BGM+220+PO-2+9"), unz="UNZ+2+IC1"))
    first, second = result.interchanges[0].messages
    assert [_where(f) for f in first.faults] == [("13", "UNT", None, None)]
    assert first.segment_count == 6
    assert second.accepted
    # the message without UNT may have lost lines: reported, never taken as an order
    assert [o.po_number for o in result.orders] == ["PO-2"]
    assert result.orders[0].problems == ()
    assert [(p.code, p.severity) for p in result.problems] == [
        (ProblemCode.MISSING_UNT, Severity.REVIEW),
        (ProblemCode.MISSING_UNT, Severity.REVIEW),
    ]
    assert "M1 is incomplete" in result.problems[1].message


def test_file_ending_inside_a_segment_reports_the_cut_missing_unt_and_unz() -> None:
    text = "UNA:+.? 'UNB+UNOC:3+S+R+240115:0930+IC1'UNH+M1+ORDERS:D:96A:UN'BGM+220+PO-9+9'LIN+1'QTY+21:1"
    result = read(text)
    assert result.orders == ()  # a message cut short is not an order
    assert "M1 is incomplete" in " ".join(p.message for p in result.problems)
    (receipt,) = result.interchanges
    assert [_where(f) for f in receipt.messages[0].faults] == [
        ("13", "QTY", None, None),
        ("13", "UNT", None, None),
    ]
    assert [_where(f) for f in receipt.faults] == [("13", "UNZ", None, None)]


def test_segments_between_messages_are_an_occurrence_outside_message() -> None:
    result = read(interchange([*message("M1"), "FTX+AAI+++stray", "RFF+ON:1"]))
    (receipt,) = result.interchanges
    assert [_where(f) for f in receipt.faults] == [("33", "FTX", None, None)]
    assert "2 segment(s) outside any message" in result.problems[0].message
    assert result.problems[0].severity is Severity.INFO
    assert receipt.messages[0].accepted


def test_message_after_unz_is_not_read_and_needs_review() -> None:
    text = interchange(message("M1")) + "'".join(message("M2", "BGM+220+PO-2+9")) + "'"
    result = read(text)
    assert [o.po_number for o in result.orders] == ["PO-1"]
    (fault,) = result.interchanges[0].faults
    assert _where(fault) == ("33", "UNH", None, None)
    (problem,) = result.problems
    assert problem.severity is Severity.REVIEW
    assert "outside any interchange" in problem.message and "1 message(s)" in problem.message


def test_groups_and_messages_mixed() -> None:
    group = ["UNG+ORDERS+S+R+240115:0930+G1", *message("M1"), "UNE+1+G1"]
    result = read(interchange(group, message("M2"), unz="UNZ+1+IC1"))
    codes = [f.code for f in result.interchanges[0].faults]
    assert codes == ["30"]


def test_invalid_segment_tag_inside_a_message_is_positioned() -> None:
    body = ("BGM+220+PO-1+9", "bad+1", "LIN+1", "QTY+21:1")
    result = read(interchange(message("M1", *body)))
    (fault,) = result.interchanges[0].messages[0].faults
    assert _where(fault) == ("12", "bad", 3, None)
    assert result.orders[0].lines[0].quantity == 1


def test_unh_without_reference_or_type_is_missing_data() -> None:
    segments = ["UNH++ORDERS:D:96A", "BGM+220+PO-1+9", "UNT+3+"]
    result = read(interchange(segments))
    found = [
        (f.code, f.segment_tag, f.segment_position, f.element_position, f.component_position)
        for f in result.interchanges[0].messages[0].faults
    ]
    assert found == [("13", "UNH", 1, 2, 1), ("13", "UNH", 1, 3, 4)]


def test_non_numeric_control_count_is_an_invalid_value() -> None:
    segments = message("M1")
    segments[-1] = "UNT+X7+M1"
    assert faults_of(read(interchange(segments))) == [("12", "UNT")]

"""The EDIFACT writer: escaping, envelope, counts and character sets, read back with pydifact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pydifact.parser import Parser
from pydifact.segmentcollection import Interchange

from outbound.edifact.syntax import (
    Envelope,
    Message,
    choose_syntax_id,
    decimal_text,
    escape,
    segment,
    write_interchange,
)

pytestmark = pytest.mark.filterwarnings("ignore::pydifact.exceptions.MissingImplementationWarning")

# Independent of the writer's own table on purpose.
CODEC = {"UNOA": "ascii", "UNOB": "ascii", "UNOC": "latin-1", "UNOD": "iso8859-2", "UNOW": "utf-8"}
MADRID_WINTER = timezone(timedelta(hours=1))


def envelope(**changes: object) -> Envelope:
    values: dict[str, object] = {
        "sender_id": "8412345000004",
        "sender_qualifier": "14",
        "recipient_id": "5412345000013",
        "recipient_qualifier": "14",
        "control_ref": "42",
        "syntax_id": "UNOC",
        "syntax_version": "3",
        "prepared_at": datetime(2025, 3, 4, 9, 5, tzinfo=MADRID_WINTER),
    }
    values.update(changes)
    return Envelope(**values)  # type: ignore[arg-type]


def decode(data: bytes) -> tuple[str, str]:
    """The syntax identifier the UNB declares, and the text decoded with its charset."""
    assert data[:9] in (b"UNA:+.? '", b"UNA:+.?*'")
    assert data[9:13] == b"UNB+"
    syntax_id = data[13:17].decode("ascii")
    return syntax_id, data.decode(CODEC[syntax_id])


def raw_segments(text: str) -> list[tuple[str, list[Any]]]:
    return [(s.tag, list(s.elements)) for s in Parser().parse(text) if s.tag != "UNA"]


def one_message(*body_segments: object, ref: str = "1") -> Message:
    return Message(ref, ("TEST", "D", "96A", "UN"), tuple(body_segments))  # type: ignore[arg-type]


def test_escape_puts_the_release_character_before_each_service_character() -> None:
    assert escape("a+b:c'd?e") == "a?+b?:c?'d??e"
    assert escape("plain text") == "plain text"
    assert escape("2*3", ":+'?*") == "2?*3"


def test_service_characters_in_values_survive_a_round_trip() -> None:
    name = "O'Brien + Hijos: ¿Qué? 50% ??"
    data = write_interchange(envelope(), [one_message(segment("NAD", "BY", None, None, name))])

    _, text = decode(data)
    assert "O?'Brien ?+ Hijos?: ¿Qué?? 50% ????" in text
    nad = Interchange.from_str(text).get_segment("NAD")
    assert nad is not None
    assert nad.elements == ["BY", "", "", name]


def test_envelope_unb_unh_unt_unz_for_syntax_3() -> None:
    body = (segment("BGM", "231", "X1", "29"), segment("DTM", ("137", "20250304", "102")))
    data = write_interchange(
        envelope(application_ref="ORDRSP", test=True),
        [one_message(*body, ref="M1"), one_message(segment("BGM", "231", "X2", "27"), ref="M2")],
    )

    syntax_id, text = decode(data)
    assert syntax_id == "UNOC"
    assert text.startswith(
        "UNA:+.? 'UNB+UNOC:3+8412345000004:14+5412345000013:14+250304:0905+42++ORDRSP++++1'"
    )
    assert "\n" not in text and "\r" not in text
    interchange = Interchange.from_str(text)
    assert interchange.syntax_identifier == ("UNOC", 3)
    assert interchange.sender == ["8412345000004", "14"]
    assert interchange.recipient == ["5412345000013", "14"]
    assert interchange.control_reference == "42"
    assert interchange.timestamp == datetime(2025, 3, 4, 9, 5)
    messages = list(interchange.get_messages())
    assert [m.reference_number for m in messages] == ["M1", "M2"]

    segments = raw_segments(text)
    unh_at = [i for i, (tag, _) in enumerate(segments) if tag == "UNH"]
    unt_at = [i for i, (tag, _) in enumerate(segments) if tag == "UNT"]
    assert segments[unt_at[0]][1] == [str(unt_at[0] - unh_at[0] + 1), "M1"] == ["4", "M1"]
    assert segments[unt_at[1]][1] == [str(unt_at[1] - unh_at[1] + 1), "M2"] == ["3", "M2"]
    assert segments[-1] == ("UNZ", ["2", "42"])


def test_syntax_4_writes_the_century_and_releases_the_repetition_separator() -> None:
    data = write_interchange(
        envelope(syntax_version="4"), [one_message(segment("FTX", "AAI", None, None, "2*3 = 6"))]
    )

    _, text = decode(data)
    assert text.startswith("UNA:+.?*'UNB+UNOC:4+")
    assert "+20250304:0905+" in text
    assert "2?*3 = 6" in text
    interchange = Interchange.from_str(text)
    assert interchange.timestamp == datetime(2025, 3, 4, 9, 5)
    ftx = interchange.get_segment("FTX")
    assert ftx is not None and ftx.elements[-1] == "2*3 = 6"


def test_trailing_empty_elements_and_components_are_left_out() -> None:
    data = write_interchange(envelope(), [one_message(segment("QTY", ("21", "5", ""), None, ""))])

    _, text = decode(data)
    assert "'QTY+21:5'" in text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # empty elements and components inside a segment stay, as placeholders; trailing ones go
        (segment("IMD", "F", ("", ""), ("", "", "", "Tornillo")), "IMD+F++:::Tornillo'"),
        (segment("FTX", "AAI", None, ("Mañana", "", ""), None), "FTX+AAI++Mañana'"),
        (segment("UNS", "", ("", "")), "UNS'"),
        # a service character at the end of a value is released, never taken for a trailing separator
        (segment("RFF", ("ON", "PO:"), ""), "RFF+ON:PO?:'"),
        (segment("RFF", ("ON", "PO+"), ("", "")), "RFF+ON:PO?+'"),
        (segment("LOC", "7", "?"), "LOC+7+??'"),
        (segment("NAD", "BY", ("A'B", "", "9")), "NAD+BY+A?'B::9'"),
    ],
)
def test_each_segment_is_written_with_its_separators_and_releases(written: object, expected: str) -> None:
    data = write_interchange(envelope(), [one_message(written)])

    _, text = decode(data)
    assert f"'{expected}UNT+3+1'" in text


def test_line_breaks_inside_values_become_spaces() -> None:
    data = write_interchange(envelope(), [one_message(segment("NAD", "DP", None, None, "Calle\r\nMayor\t1"))])

    _, text = decode(data)
    assert "Calle  Mayor 1" in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("partner", "text", "chosen"),
    [
        ("UNOC", "Ferretería Núñez, Málaga, pingüino", "UNOC"),
        ("UNOC", "Precio en €", "UNOW"),
        ("UNOC", "Łódź", "UNOW"),
        ("UNOD", "Łódź", "UNOD"),
        ("UNOA", "FERRETERIA (MADRID) 50%", "UNOA"),
        ("UNOA", "Ferreteria", "UNOB"),
        ("UNOA", "PEDIDOS@FERRETERIA.ES", "UNOC"),
        ("UNOB", "Núñez", "UNOC"),
        ("UNOW", "Núñez €", "UNOW"),
    ],
)
def test_the_smallest_repertoire_that_holds_the_text_is_chosen(partner: str, text: str, chosen: str) -> None:
    assert choose_syntax_id(partner, text) == chosen


def test_latin1_text_stays_in_unoc_bytes() -> None:
    data = write_interchange(envelope(), [one_message(segment("NAD", "BY", None, None, "Ferretería Núñez"))])

    assert data[13:17] == b"UNOC"
    assert "Ferretería Núñez".encode("latin-1") in data
    _, text = decode(data)
    nad = Interchange.from_str(text).get_segment("NAD")
    assert nad is not None and nad.elements[3] == "Ferretería Núñez"


@pytest.mark.parametrize("char", ["€", "Ł"])
def test_unoc_is_raised_to_unow_for_a_character_outside_latin1(char: str) -> None:
    name = f"Núñez {char} Cía"
    data = write_interchange(envelope(), [one_message(segment("NAD", "BY", None, None, name))])

    syntax_id, text = decode(data)
    assert syntax_id == "UNOW"
    assert name.encode("utf-8") in data
    nad = Interchange.from_str(text).get_segment("NAD")
    assert nad is not None and nad.elements[3] == name


def test_an_accent_in_the_envelope_ids_also_counts_for_the_charset() -> None:
    data = write_interchange(
        envelope(sender_id="Núñez", syntax_id="UNOA"), [one_message(segment("BGM", "1"))]
    )

    syntax_id, text = decode(data)
    assert syntax_id == "UNOC"
    assert Interchange.from_str(text).sender == ["Núñez", "14"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.18"), "0.18"),
        (Decimal("1250.5"), "1250.5"),
        (Decimal("1250.500"), "1250.5"),
        (Decimal("10.000"), "10"),
        (Decimal("1E+3"), "1000"),
        (Decimal("2.5E-7"), "0.00000025"),
        (Decimal("-2.50"), "-2.5"),
        (Decimal("-0.00"), "0"),
        (Decimal("0"), "0"),
    ],
)
def test_decimals_are_plain_with_a_point(value: Decimal, text: str) -> None:
    assert decimal_text(value) == text


def test_decimals_that_are_not_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot write"):
        decimal_text(Decimal("NaN"))


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"prepared_at": datetime(2025, 3, 4, 9, 5)}, "timezone-aware"),
        ({"syntax_id": "UNOX"}, "syntax identifier"),
        ({"syntax_version": "5"}, "syntax version"),
        ({"control_ref": "123456789012345"}, "control reference"),
        ({"control_ref": ""}, "control reference"),
        ({"recipient_id": ""}, "required"),
    ],
)
def test_an_unusable_envelope_is_refused(changes: dict[str, object], complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        envelope(**changes)


def test_prepared_at_is_written_in_its_own_time_zone() -> None:
    data = write_interchange(
        envelope(prepared_at=datetime(2025, 3, 4, 23, 30, tzinfo=UTC)), [one_message(segment("BGM", "1"))]
    )

    assert b"+250304:2330+42'" in data


def test_message_references_must_differ_within_an_interchange() -> None:
    with pytest.raises(ValueError, match="repeat"):
        write_interchange(envelope(), [one_message(segment("BGM", "1")), one_message(segment("BGM", "2"))])

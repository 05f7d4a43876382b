"""A line of text with no digit and no "@" holds no identifier (every one is a number, a tax id of six
digits or more, or an e-mail address) and is not searched for them (issue 15: half the lines of a
typed e-mail order are greetings and words); a line with digits of any script is still read."""

from __future__ import annotations

from core.capture.domain.order import IdentifierKind
from parsers.layout.identifiers import in_text


def test_lines_of_words_hold_no_identifier() -> None:
    for line in ("Hola, buenos días:", "NIF: ABCDEFGHIJ", "Tel: ver firma", "Gracias, un saludo", ""):
        assert in_text(line) == [], line


def test_a_number_in_another_script_and_an_address_without_digits_are_still_read() -> None:
    (phone,) = in_text("Tel: ٩١٢٣٤٥٦٧٨")  # Arabic-Indic digits
    assert (phone.kind, phone.value) == (IdentifierKind.PHONE, "٩١٢٣٤٥٦٧٨")
    (address,) = in_text("Escríbanos a pedidos@ferreteria.es")
    assert (address.kind, address.value) == (IdentifierKind.EMAIL, "pedidos@ferreteria.es")
    (vat,) = in_text("NIF: B28765432")
    assert (vat.kind, vat.value) == (IdentifierKind.VAT, "B28765432")

"""A Portuguese order number label "N.º DO PEDIDO" whose raised o a fax read as an asterisk ("N.*").

The business rule: "N.º" is the number sign however OCR draws the raised o over the N's point, as "N*"
already was: "N.*" keys as the sign, so "N.* DO PEDIDO" is the label "n.º do pedido" and the words
after it the order's number (dotmatrix-193878 at look seed 193877: "N.* DO PEDIDO 003857" was no label,
and the order went without its number). A word that is no sign stays what it is."""

from __future__ import annotations

from parsers.layout.text import token_key


def test_the_portuguese_number_sign_read_with_an_asterisk_is_the_sign() -> None:
    assert token_key("N.*") == "no"
    assert token_key("n.*") == "no"


def test_the_sign_as_printed_and_other_words_key_as_before() -> None:
    assert token_key("N.º") == "no"
    assert token_key("N.") == "n"
    assert token_key("NA*") == "na"

"""Strong identifiers at their edges, from the rules a clerk matching a letterhead goes by:

- a tax id has at least six letters and digits (one a digit) besides an EU country prefix; a prefix is
  only a prefix when a whole tax id follows it;
- a printed tax id with its prefix asks for that country's; master data answers with and without its
  prefix (its own, else its customer's EU country);
- a GLN has thirteen digits, however grouped; an e-mail address has something on both sides of its @;
- a telephone and a fax number are one line whatever the document calls it; printed without a country
  it matches the same digits dialled nationally anywhere, trunk 0 or not.
"""

from __future__ import annotations

import pytest

from core.kernel.domain.identity import identifier_keys, national_forms, normalised, vat_parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("ESB28765432", ("ES", "B28765432")),
        ("es-b28.765.432", ("ES", "B28765432")),
        ("123456", (None, "123456")),  # six: the least a tax id has
        ("12345", None),
        ("ES123456", ("ES", "123456")),
        ("ES12345", (None, "ES12345")),  # too short after the prefix: the prefix is part of the number
        ("ESABCDEF1", ("ES", "ABCDEF1")),
        ("ES1ABCDEF", ("ES", "1ABCDEF")),  # the digit right after the prefix counts
        ("ESABCDEFG", None),  # no digit after the prefix, none at all
        ("XX1234567", (None, "XX1234567")),  # not an EU prefix
        ("EL123456789", ("EL", "123456789")),  # Greece writes EL
        ("", None),
        (None, None),
    ],
)
def test_the_parts_of_a_tax_id(text: str | None, parts: tuple[str | None, str] | None) -> None:
    assert vat_parts(text) == parts


def test_a_printed_tax_id_asks_with_its_prefix_or_for_any_country() -> None:
    assert identifier_keys("vat", "DE812345678") == {"vat:DE:812345678"}
    assert identifier_keys("vat", "812345678") == {"vat:*:812345678"}


def test_master_data_answers_with_and_without_its_prefix() -> None:
    assert identifier_keys("vat", "FR812345678", "FR") == {"vat:*:812345678", "vat:FR:812345678"}
    # unprefixed, the customer's EU country gives the prefix, in whatever case it is written
    assert identifier_keys("vat", "812345678", "fr") == {"vat:*:812345678", "vat:FR:812345678"}
    # outside the EU there is no prefix to give
    assert identifier_keys("vat", "314172605", "US") == {"vat:*:314172605"}
    # its own prefix wins over the customer's country
    assert identifier_keys("vat", "PT501234567", "ES") == {"vat:*:501234567", "vat:PT:501234567"}


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        ("84-37000-10001-0", {"gln:8437000100010"}),
        ("843700010001", set()),
        ("84370001000100", set()),
    ],
)
def test_a_gln_has_thirteen_digits_however_grouped(value: str, keys: set[str]) -> None:
    assert identifier_keys("gln", value) == keys


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        (" Pedidos@Ebro.ES ", {"email:pedidos@ebro.es"}),
        ("a@b", {"email:a@b"}),
        ("@ebro.es", set()),
        ("pedidos@", set()),
        ("@", set()),
        ("pedidos.ebro.es", set()),
    ],
)
def test_an_address_has_something_on_both_sides_of_its_at(value: str, keys: set[str]) -> None:
    assert identifier_keys("email", value) == keys


def test_a_phone_and_a_fax_are_one_line_whatever_the_document_calls_it() -> None:
    for value, country in (("+34 976 111 222", None), ("976 111 222", "ES"), ("976 111 222", None)):
        assert identifier_keys("phone", value, country) == identifier_keys("fax", value, country)
        assert identifier_keys("phone", value, country)


def test_a_number_printed_without_a_country_is_its_digits_as_dialled() -> None:
    assert identifier_keys("phone", "976 111 222") == {"tel:n:976111222"}
    # a trunk 0 may or may not be part of the national number: both are tried
    assert identifier_keys("fax", "020 7946 0123") == {"tel:n:02079460123", "tel:n:2079460123"}
    assert identifier_keys("phone", "123456") == {"tel:n:123456"}
    assert identifier_keys("phone", "12345") == frozenset()  # an extension, not a line


def test_separators_and_a_label_around_a_number_do_not_change_it() -> None:
    international = {"tel:+34976111222", "tel:n:976111222"}
    assert identifier_keys("phone", " +34 976 111 222") == international
    assert identifier_keys("fax", "(0034) 976-111-222") == international
    assert identifier_keys("phone", "Tel. 976 111 222") == {"tel:n:976111222"}


def test_a_customer_with_no_country_on_file_is_dialled_in_spain() -> None:
    assert identifier_keys("phone", "976 111 222", "") == {"tel:+34976111222", "tel:n:976111222"}


def test_a_normalised_number_is_known_by_its_e164_form_and_its_national_forms() -> None:
    assert identifier_keys("phone", "+44 20 7946 0123") == {
        "tel:+442079460123", "tel:n:2079460123", "tel:n:02079460123",
    }  # fmt: skip
    # Italy keeps its 0 after the calling code: no trunk to add or drop
    assert identifier_keys("phone", "06 1234 5678", "IT") == {"tel:+390612345678", "tel:n:0612345678"}
    assert identifier_keys("phone", "+86 10 1234 5678") == {"tel:+861012345678"}
    assert identifier_keys("phone", "0034 12", "ES") == frozenset()


def test_a_number_printed_nationally_finds_the_customer_wherever_it_is() -> None:
    italian_master = identifier_keys("phone", "+39 06 1234 5678", "IT")
    assert identifier_keys("phone", "06 1234 5678") & italian_master
    british_master = identifier_keys("fax", "+44 20 7946 0123", "GB")
    assert identifier_keys("fax", "020 7946 0123") & british_master
    assert not identifier_keys("fax", "020 7946 0124") & british_master


@pytest.mark.parametrize(
    ("number", "forms"),
    [
        ("+34976111222", ("976111222",)),
        ("+351211234567", ("211234567",)),
        ("+4930123456", ("30123456", "030123456")),
        ("+12125550123", ("2125550123",)),
        ("+861012345678", ()),
    ],
)
def test_the_national_forms_of_a_number(number: str, forms: tuple[str, ...]) -> None:
    assert national_forms(number) == forms


def test_nothing_or_an_unknown_kind_is_known_by_nothing() -> None:
    assert identifier_keys("vat", None) == frozenset()
    assert identifier_keys("vat", "") == frozenset()
    assert identifier_keys("iban", "ES9121000418450200051332") == frozenset()


def test_what_is_stored_for_each_kind() -> None:
    assert normalised("gln", "84 37000 100010") == "8437000100010"
    assert normalised("gln", "123") is None
    assert normalised("vat", "B-99887766") == "B99887766"
    assert normalised("fax", "976 111 222") == "+34976111222"  # Spain unless told
    assert normalised("email", "nobody") is None
    assert normalised("iban", "ES91") is None


def test_a_danish_fax_kept_nationally_is_known_by_the_number_a_fax_header_prints() -> None:
    """A Danish supplier's fax kept in master data as "33 12 34 56" (country DK) is the number a fax
    server prints as "+45 33 12 34 56": the two share a key, so the fax is recognised as theirs."""
    kept = identifier_keys("fax", "33 12 34 56", "DK")
    assert kept, "a Danish number written nationally gives keys"
    assert "tel:+4533123456" in kept & identifier_keys("fax", "+45 33 12 34 56")

"""Telephone and fax numbers in E.164, each expectation from the dialling rules as people use them:
"+" or "00" starts an international number; a national number is read in the default country, whose
calling code goes in front and whose trunk "0" (United Kingdom, Germany, France...) is dropped, while
Italy and Spain keep every digit; an E.164 number has at most 15 digits, and fewer than 7 is no number
anybody can call back."""

from __future__ import annotations

import pytest

from core.kernel.domain.phone import normalise_phone, plausible, same_number


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("+34 912 345 678", "ES", "+34912345678"),
        ("0034 912 345 678", "ES", "+34912345678"),
        ("912 345 678", "ES", "+34912345678"),
        ("  912-345.678\n", "ES", "+34912345678"),
        ("(91) 234/56 78", "ES", "+34912345678"),
        ("+44 (0)20 7946 0123", "ES", "+442079460123"),
        ("0044 20 7946 0123", "ES", "+442079460123"),
        ("020 7946 0123", "GB", "+442079460123"),
        ("020 7946 0123", "gb", "+442079460123"),
        ("030 1234567", "DE", "+49301234567"),
        ("01 42 68 53 00", "FR", "+33142685300"),
        ("06 1234 5678", "IT", "+390612345678"),  # Italy keeps its leading 0 after +39
        ("212 555 0123", "US", "+12125550123"),
        ("21 123 4567", "PT", "+351211234567"),
    ],
)
def test_one_number_written_many_ways_reads_as_one(text: str, country: str, expected: str) -> None:
    assert normalise_phone(text, country) == expected


def test_a_national_number_is_spanish_when_no_country_is_given() -> None:
    assert normalise_phone("912 345 678") == "+34912345678"


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "Tel. 912 345 678",  # words are no number (the reader strips its labels first)
        "91 234 56 78 ext",
        "+34 91x 345 678",
        "34+912345678",  # a plus inside is no international prefix
        "++34912345678",
        "+",
        "00",
    ],
)
def test_text_that_is_no_number_is_none(text: str | None) -> None:
    assert normalise_phone(text) is None


def test_a_national_number_in_a_country_whose_calling_code_we_do_not_know_is_none() -> None:
    assert normalise_phone("912 345 678", "ZZ") is None


def test_an_international_number_keeps_its_digits_whatever_the_default_country() -> None:
    assert normalise_phone("+86 10 1234 5678", "ZZ") == "+861012345678"
    assert normalise_phone("+44 20 7946 0123", "IT") == "+442079460123"


def test_seven_to_fifteen_digits_make_a_number_and_six_or_sixteen_do_not() -> None:
    assert normalise_phone("+1234567") == "+1234567"
    assert normalise_phone("+123456") is None
    assert normalise_phone("+123456789012345") == "+123456789012345"
    assert normalise_phone("+1234567890123456") is None
    # the calling code counts: "12345" read in Spain is +3412345, seven digits
    assert normalise_phone("12345") == "+3412345"
    assert normalise_phone("1234") is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+34912345678", True),  # Spain: 9 digits after 34
        ("+3491234567", False),
        ("+349123456789", False),
        ("+351211234567", True),  # Portugal: 9 after 351
        ("+35121123456", False),
        ("+33142685300", True),  # France: 9
        ("+3314268530", False),
        ("+39061234", True),  # Italy: 6 to 11
        ("+3906123", False),
        ("+3906123456789", True),
        ("+39061234567890", False),
        ("+442079460123", True),  # United Kingdom: 9 or 10
        ("+44207946012", True),
        ("+4420794601", False),
        ("+4420794601234", False),
        ("+49301234", True),  # Germany: 6 to 13
        ("+4930123", False),
        ("+493012345678901", True),
        ("+4930123456789012", False),
        ("+12125550123", True),  # North America: 10
        ("+1212555012", False),
        ("+121255501234", False),
        ("+861012345678", True),  # a plan we do not know: 7 to 15 digits in all
        ("+861234", False),
        ("+8612345", True),
        ("+861234567890123", True),
        ("+8612345678901234", False),
    ],
)
def test_a_number_is_plausible_with_as_many_digits_as_its_countrys(number: str, expected: bool) -> None:
    assert plausible(number) is expected


@pytest.mark.parametrize(
    "number", [None, "", "34912345678", "+34 912345678", "+34-912345678", "+", "+x912345678", "++34912345678"]
)
def test_only_a_normalised_number_can_be_plausible(number: str | None) -> None:
    assert plausible(number) is False


def test_two_writings_of_one_line_are_the_same_number() -> None:
    assert same_number("+34 912 345 678", "912345678")
    assert same_number("0044 20 7946 0123", "+44 (0)20 7946 0123")
    assert same_number("020 7946 0123", "+442079460123", "GB")
    # both sides are read in the country given, not only the first
    assert same_number("+442079460123", "020 7946 0123", "GB")


def test_different_lines_or_no_number_are_never_the_same() -> None:
    assert not same_number("+34 912 345 678", "+34 912 345 679")
    assert not same_number(None, None)
    assert not same_number("", "")
    assert not same_number("n/a", "n/a")
    # read in Spain the national number is +34..., not the British line
    assert not same_number("020 7946 0123", "+442079460123")


def test_nordic_and_central_european_numbers_written_nationally_are_placed() -> None:
    """Suppliers of Spanish firms in Denmark, Sweden, Norway, Finland, Poland and Czechia write their
    fax nationally in master data. Denmark (+45), Norway (+47), Poland (+48) and Czechia (+420) dial
    no trunk prefix; Sweden (+46) and Finland (+358) drop the national "0" after the country code."""
    assert normalise_phone("33 12 34 56", "DK") == "+4533123456"
    assert normalise_phone("22 33 44 55", "NO") == "+4722334455"
    assert normalise_phone("08-123 456 78", "SE") == "+46812345678"
    assert normalise_phone("09 123 4567", "FI") == "+35891234567"
    assert normalise_phone("22 123 45 67", "PL") == "+48221234567"
    assert normalise_phone("221 234 567", "CZ") == "+420221234567"
    # the same Danish fax written internationally reads alike
    assert normalise_phone("+45 33 12 34 56", "ES") == normalise_phone("33 12 34 56", "DK")

"""Strong identifiers compare equal however master data, a letterhead or a fax header writes them, and
different identifiers never do."""

from __future__ import annotations

from core.kernel.domain.identity import identifier_keys, normalised


def same(kind: str, a: str, b: str, country: str = "ES") -> bool:
    """Whether `a` (as a document prints it) and `b` (as master data holds it for a customer in
    `country`) are one."""
    return bool(identifier_keys(kind, a) & identifier_keys(kind, b, country))


def test_a_spanish_tax_id_is_one_with_or_without_its_country_prefix_and_separators() -> None:
    assert same("vat", "B-28765432", "ESB28765432")
    assert same("vat", "ES B 28.765.432", "b28765432")
    assert not same("vat", "B-28765433", "ESB28765432")  # one digit off is another company


def test_tax_ids_of_other_countries_keep_their_own_shape() -> None:
    assert same("vat", "GB 284 9371 52", "GB284937152", "GB")
    assert same("vat", "31-4172605", "314172605", "US")  # a US employer id, no country prefix
    assert same("vat", "HNO980312AB1", "hno-980312-ab1", "MX")  # a Mexican RFC
    assert not same("vat", "DE 812 345 678", "FR812345678", "FR")  # same digits, another country's
    assert not same("vat", "DE 812 345 678", "812345678", "FR")  # the French customer's, unprefixed
    assert same("vat", "812 345 678", "DE812345678", "DE")  # printed without its prefix: any country


def test_too_little_to_be_a_tax_id_names_nothing() -> None:
    assert identifier_keys("vat", "B-12") == frozenset()
    assert identifier_keys("vat", "ABCDEFGH") == frozenset()  # no digit at all


def test_a_number_printed_nationally_matches_the_customers_number_in_its_country() -> None:
    assert same("fax", "912 345 678", "+34 912 345 678", "ES")
    assert same("phone", "0034 912 345 678", "912345678", "ES")
    assert same("phone", "020 7946 0123", "+44 20 7946 0123", "GB")  # the trunk 0 the UK drops abroad
    assert same("fax", "+44 (0)20 7946 0123", "020 7946 0123", "GB")
    assert not same("fax", "912 345 679", "+34 912 345 678", "ES")


def test_a_gln_must_have_thirteen_digits_and_an_address_an_at() -> None:
    assert same("gln", "8437000100010", "8437000100010")
    assert identifier_keys("gln", "843700010001") == frozenset()
    assert same("email", "Pedidos@FerreteriaNunez.es", "pedidos@ferreterianunez.es")
    assert identifier_keys("email", "pedidos at ferreterianunez.es") == frozenset()


def test_what_is_stored_when_a_clerk_confirms_an_identifier() -> None:
    assert normalised("phone", "976 111 222", "ES") == "+34976111222"
    assert normalised("fax", "020 7946 0123", "GB") == "+442079460123"
    assert normalised("vat", "ES B-99887766") == "ESB99887766"
    assert normalised("email", " Compras@Ebro.es ") == "compras@ebro.es"
    assert normalised("vat", "n/a") is None

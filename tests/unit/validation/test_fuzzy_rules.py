"""The name-and-address guess by its rules written out: names compared without accents, case, punctuation
or the words that say what kind of company it is; a name too short to tell companies apart is never
guessed; the best reading wins wherever it stands in the list, but two readings alike are left to a
person; a postal code written with a space is the same code, and a name found at another postal code
counts only in the same town."""

from __future__ import annotations

from core.capture.domain.order import Party
from core.kernel.domain.model import Customer, Product
from validation.fuzzy import customer_by_name, fold, product_by_description

NUNEZ = Customer("C-1", "Ferretería Núñez S.L.", postal_code="50001", city="Zaragoza")
GALICIA = Customer("C-2", "Bricolaje Galicia S.A.", postal_code="15001", city="A Coruña")
BAR = Customer("C-5", "Ybar S.L.")
NAMELESS = Customer("C-9", "")


def test_fold_keeps_letters_and_digits_only() -> None:
    assert fold("  Ferretería   Núñez, S.L. (nº 2) ") == "ferreteria nunez s l no 2"  # º is a small o
    assert fold("ÀÉÎÕÜ-ç") == "aeiou c"


def test_the_best_reading_wins_wherever_it_is_listed() -> None:
    found = customer_by_name(Party(name="FERRETERIA NUNEZ"), [GALICIA, NAMELESS, NUNEZ])
    assert found is not None and found[0] is NUNEZ
    assert found[1].compared == "ferreteria nunez" and found[1].score == 100


def test_a_name_left_with_fewer_than_four_letters_is_not_guessed() -> None:
    # "Bar" once "S.L." is taken off: too short to tell one company from another
    assert customer_by_name(Party(name="Bar, S.L."), [Customer("C-4", "Bar S.L.")]) is None
    # four letters are enough
    found = customer_by_name(Party(name="YBAR SL"), [BAR, NUNEZ])
    assert found is not None and found[0] is BAR


def test_two_customers_named_alike_are_left_to_a_person() -> None:
    twin = Customer("C-7", "Ferretería Núñez S.A.", postal_code="50001", city="Zaragoza")
    assert customer_by_name(Party(name="Ferretería Núñez"), [NUNEZ, twin]) is None


def test_a_postal_code_written_with_a_space_is_the_same_code() -> None:
    party = Party(name="Ferreteria Nunez", postal_code="50 001")
    assert customer_by_name(party, [NUNEZ, GALICIA]) is not None
    spaced = Customer("C-1", "Ferretería Núñez S.L.", postal_code="50 001", city="Zaragoza")
    found = customer_by_name(Party(name="Ferreteria Nunez", postal_code="50001"), [spaced])
    assert found is not None and found[0] is spaced


def test_another_postal_code_counts_only_in_the_same_town() -> None:
    moved = Party(name="Ferreteria Nunez", postal_code="50012", city="ZARAGOZA")
    found = customer_by_name(moved, [NUNEZ, GALICIA])
    assert found is not None and found[0] is NUNEZ
    assert customer_by_name(Party(name="Ferreteria Nunez", postal_code="50012"), [NUNEZ]) is None
    assert (
        customer_by_name(Party(name="Ferreteria Nunez", postal_code="28001", city="Madrid"), [NUNEZ]) is None
    )
    townless = Customer("C-1", "Ferretería Núñez S.L.", postal_code="50001")
    assert (
        customer_by_name(Party(name="Ferreteria Nunez", postal_code="50012", city="Zaragoza"), [townless])
        is None
    )


def test_a_description_shorter_than_six_letters_is_not_guessed() -> None:
    products = [
        Product("P-1", "Tuerca"),
        Product("P-2", "Arandela plana M8", description_en="Flat washer M8"),
    ]
    assert product_by_description("Tuer", products) is None
    found = product_by_description("tuerca", products)  # six letters are enough
    assert found is not None and found[0].sku == "P-1"
    found = product_by_description("FLAT WASHER M8", products)
    assert found is not None and found[0].sku == "P-2"

"""A product code printed inside a line's description (issue 10: "an item code printed in brackets
inside the description is lost").

The business rule: a line whose own code column was not read, but whose description starts or carries
one of our SKUs, a product's GTIN or this customer's own item code, is that product when the rest of
the description names the same product. A code printed on the order is as good as one in a code
column, so such a line flows on like one found by its code (its price is still checked). A description
that only reads like a product, a code naming another product than the words, or two codes naming two
products, still waits for a clerk.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine
from core.kernel.domain.model import Decision, Product
from tests.unit.validation.test_decide import TODAY, Master, codes, order
from validation.decide import validate


def master() -> Master:
    m = Master()
    m.product_rows["TOR-M8-40"].name = "Tornillo hexagonal M8x40 zincado"
    m.product_rows["TOR-M8-40"].description_en = "Hex bolt M8x40 zinc plated"
    m.product_rows["TUE-M8"].name = "Tuerca hexagonal M8 zincada"
    m.product_rows["TUE-M8"].description_en = "Hex nut M8 zinc plated"
    return m


def line(description: str, price: str = "0.05") -> CapturedLine:
    return CapturedLine(
        line_no="1", description=description, quantity=Decimal(100), unit_price=Decimal(price)
    )


def test_our_sku_at_the_start_of_the_description_names_the_product_and_the_order_flows() -> None:
    resolved = validate(order(lines=(line("TUE-M8 Hex nut M8 zinc plated"),)), master(), TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert resolved.problems == ()
    assert resolved.decision is Decision.ACCEPT


def test_a_code_in_brackets_a_gtin_and_the_customers_own_code_count_too() -> None:
    in_brackets = line("[TUE-M8] Tuerca hexagonal M8 zincada")
    gtin = line("UD 8437000100102 Hex bolt M8x40 zinc plated", price="0.18")
    own_code = line("4712 Hex nut M8 zinc plated (sample)")  # C-1's code for TUE-M8
    resolved = validate(order(lines=(in_brackets, gtin, own_code)), master(), TODAY)
    assert resolved.skus == ("TUE-M8", "TOR-M8-40", "TUE-M8")
    assert resolved.decision is Decision.ACCEPT, resolved.problems


def test_a_code_that_names_another_product_than_the_words_waits_for_a_clerk() -> None:
    # "TOR-M8-40" is the bolt, the words are the nut: which one was meant is for a person to say
    resolved = validate(order(lines=(line("TOR-M8-40 Hex nut M8 zinc plated"),)), master(), TODAY)
    assert resolved.decision is Decision.REVIEW
    assert "product_by_description" in codes(resolved.problems)


def test_two_codes_naming_two_products_wait_for_a_clerk() -> None:
    resolved = validate(order(lines=(line("TUE-M8 / TOR-M8-40 Hex nut M8 zinc plated"),)), master(), TODAY)
    assert resolved.decision is Decision.REVIEW


def test_a_code_alone_without_words_naming_it_is_no_match() -> None:
    resolved = validate(order(lines=(line("TUE-M8 for the new site"),)), master(), TODAY)
    assert resolved.skus == (None,)
    assert resolved.decision is Decision.REVIEW


def test_a_code_in_the_description_still_has_its_price_checked() -> None:
    resolved = validate(order(lines=(line("TUE-M8 Hex nut M8 zinc plated", price="0.09"),)), master(), TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert "price_mismatch" in codes(resolved.problems)
    assert resolved.decision is Decision.REVIEW


def test_a_code_of_letters_and_hyphens_counts_but_an_ordinary_word_is_no_code() -> None:
    m = master()
    m.product_rows["GUA-NIT-L"] = Product(
        "GUA-NIT-L",
        "Guantes de nitrilo talla L",
        description_en="Nitrile gloves size L",
        price=Decimal("8.50"),
        currency="EUR",
    )
    gloves = line("GUA-NIT-L Nitrile gloves size L (box of 100)", price="8.50")
    resolved = validate(order(lines=(gloves,)), m, TODAY)
    assert resolved.skus == ("GUA-NIT-L",) and resolved.decision is Decision.ACCEPT, resolved.problems
    # no code printed: the words alone only suggest the product
    words_only = validate(order(lines=(line("Nitrile gloves size L", price="8.50"),)), m, TODAY)
    assert words_only.skus == ("GUA-NIT-L",) and words_only.decision is Decision.REVIEW


def test_an_underscore_read_against_the_code_is_punctuation_like_a_comma_or_a_bracket() -> None:
    # a fax's underline or a stray stroke after the code arrives as "TUE-M8_"; the code is still ours
    resolved = validate(order(lines=(line("TUE-M8_ Hex nut M8 zinc plated"),)), master(), TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert resolved.decision is Decision.ACCEPT, resolved.problems
    # but an underscore does not make a code of a word that names another product than the words
    other = validate(order(lines=(line("TOR-M8-40_ Hex nut M8 zinc plated"),)), master(), TODAY)
    assert other.decision is Decision.REVIEW


def test_a_code_ocr_cut_in_two_inside_the_description_is_joined_again() -> None:
    # a SAP listing's code column read as the position, the code in the description in two pieces
    cut = CapturedLine(
        line_no="1",
        item_code="00010",
        description="TUE- M8 Hex nut M8 zinc plated",
        quantity=Decimal(100),
        unit_price=Decimal("0.05"),
    )
    resolved = validate(order(lines=(cut,)), master(), TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert "product_by_description" not in codes(resolved.problems)

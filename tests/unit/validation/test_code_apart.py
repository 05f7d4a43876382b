"""A product code at the head of a line's description, read by a fax with its hyphens lost or spaced
(issue 10: lines held "by its description" whose code was printed and read all but its separators).

The business rule: a line with no code column read, whose description starts with a code that, hyphens
and spaces aside (a look-alike character such as I for 1 counting as the one it stands for), is the code
of exactly one of our products or of the customer's own items, is that product when the words after the
code name the same product by themselves. The code's letters and the words are two readings agreeing,
so the line flows on like one whose code was read whole (its price is still checked). A code so read
that could be two products' codes, words naming another product, a second code naming another product,
or a line whose own code column says something else, still wait for a clerk.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine
from core.kernel.domain.model import Decision, Product
from tests.unit.validation.test_code_in_description import master as described_master
from tests.unit.validation.test_decide import TODAY, Master, codes, order
from validation.decide import validate


def master() -> Master:
    """The bolt and the nut named in Spanish and English (as for a code printed in the description),
    and gloves and a silicone whose codes a fax prints at the head of their descriptions."""
    m = described_master()
    m.product_rows["GUA-NIT-L"] = Product(
        "GUA-NIT-L",
        "Guantes de nitrilo talla L",
        description_en="Nitrile gloves size L",
        price=Decimal("8.50"),
        currency="EUR",
    )
    m.product_rows["SIL-TRA-300"] = Product(
        "SIL-TRA-300",
        "Silicona neutra transparente 300 ml",
        description_en="Neutral silicone clear 300 ml",
        price=Decimal("4.20"),
        currency="EUR",
    )
    return m


def line(description: str, price: str = "8.50", item_code: str | None = None) -> CapturedLine:
    return CapturedLine(
        line_no="1",
        item_code=item_code,
        description=description,
        quantity=Decimal(10),
        unit_price=Decimal(price),
    )


def test_a_code_read_with_its_hyphens_lost_names_the_product_the_words_name_and_the_order_flows() -> None:
    resolved = validate(order(lines=(line("GUANITL Guantes de nitrilo talla L (caja"),)), master(), TODAY)
    assert resolved.skus == ("GUA-NIT-L",)
    assert resolved.problems == ()
    assert resolved.decision is Decision.ACCEPT


def test_a_code_read_with_its_hyphens_as_spaces_counts_the_same() -> None:
    spaced = line("SIL TRA 300 Silicona neutra transparente 300 ml", price="4.20")
    resolved = validate(order(lines=(spaced,)), master(), TODAY)
    assert resolved.skus == ("SIL-TRA-300",)
    assert resolved.decision is Decision.ACCEPT, resolved.problems


def test_a_look_alike_in_its_place_counts_as_the_character_it_stands_for() -> None:
    # "I" for "1" is what a fax makes of it; the customer's own code "4712" is TUE-M8 (the test master)
    resolved = validate(order(lines=(line("47I2 Hex nut M8 zinc plated", price="0.05"),)), master(), TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert resolved.decision is Decision.ACCEPT, resolved.problems


def test_a_code_of_one_product_beside_words_of_another_waits_for_a_clerk() -> None:
    # "TUEM8" is the nut, the words are the bolt: which one was meant is for a person to say
    resolved = validate(
        order(lines=(line("TUEM8 Hex bolt M8x40 zinc plated", price="0.18"),)), master(), TODAY
    )
    assert resolved.decision is Decision.REVIEW
    assert "product_by_description" in codes(resolved.problems)


def test_a_code_that_reads_as_two_products_codes_waits_for_a_clerk() -> None:
    # the customer's own code "GUA-NITL" is for the nut; read without hyphens it is also our gloves' SKU
    m = master()
    m.items[("C-1", "GUA-NITL")] = "TUE-M8"
    resolved = validate(order(lines=(line("GUANITL Guantes de nitrilo talla L"),)), m, TODAY)
    assert resolved.decision is Decision.REVIEW
    assert "product_by_description" in codes(resolved.problems)


def test_a_second_code_naming_another_product_waits_for_a_clerk() -> None:
    resolved = validate(order(lines=(line("GUANITL / TUEM8 Guantes de nitrilo talla L"),)), master(), TODAY)
    assert resolved.decision is Decision.REVIEW


def test_a_line_whose_own_code_column_says_something_else_waits() -> None:
    own = line("GUANITL Guantes de nitrilo talla L", item_code="ZZ-999")
    resolved = validate(order(lines=(own,)), master(), TODAY)
    assert resolved.decision is Decision.REVIEW


def test_a_code_more_than_look_alikes_off_is_no_match() -> None:
    # "SIL TNA 200": R read N and 3 read 2 are no look-alikes; the words alone only suggest the product
    spoilt = line("SIL TNA 200 Silicona neutra transparente 300 ml", price="4.20")
    resolved = validate(order(lines=(spoilt,)), master(), TODAY)
    assert resolved.skus == ("SIL-TRA-300",)
    assert resolved.decision is Decision.REVIEW
    assert "product_by_description" in codes(resolved.problems)


def test_a_code_so_read_still_has_its_price_checked() -> None:
    resolved = validate(
        order(lines=(line("GUANITL Guantes de nitrilo talla L", price="9.90"),)), master(), TODAY
    )
    assert resolved.skus == ("GUA-NIT-L",)
    assert "price_mismatch" in codes(resolved.problems)
    assert resolved.decision is Decision.REVIEW

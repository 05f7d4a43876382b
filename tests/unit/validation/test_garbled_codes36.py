"""A code printed at the head of a fine fax's description and cut by a space read after one of its
hyphens, a letter lost beside the space ("SIL- RA-300" for SIL-TRA-300), the code cell holding only a
speck-garbled position ("yuu4U"), issue 10, faxfl36.  The business rule: a code the fax garbled is taken
for a product only when exactly one product's code fits it and the description names that product, and
the line then waits for a person whatever its price (the code printed may have been another)."""

from __future__ import annotations

from decimal import Decimal

from core.kernel.domain.model import Product
from tests.unit.validation.test_decide import Master
from tests.unit.validation.test_garbled_codes import assert_held_as, fax_line, master, sku


def with_silicone() -> Master:
    m = master()
    m.product_rows["SIL-TRA-300"] = Product(
        "SIL-TRA-300",
        "Silicona neutra transparente 300 ml",
        "Neutral silicone clear 300 ml",
        price=Decimal("4.20"),
        currency="EUR",
    )
    return m


def test_a_code_cut_after_its_hyphen_a_letter_lost_names_its_product() -> None:
    line = fax_line("yuu4U", "SIL- RA-300 Neutral silicone clear 300 ml")
    assert sku(line, with_silicone()) == "SIL-TRA-300"


def test_such_a_line_waits_for_a_person_at_the_products_own_price() -> None:
    line = fax_line("yuu4U", "SIL- RA-300 Neutral silicone clear 300 ml", price="4.20")
    assert_held_as(line, with_silicone(), "SIL-TRA-300")


def test_the_pieces_beside_a_description_naming_another_product_settle_nothing() -> None:
    # guard: the joined pieces fit SIL-TRA-300, the words name a rivet
    line = fax_line("yuu4U", "SIL- RA-300 Aluminium blind rivet 4x10 mm")
    assert sku(line, with_silicone()) is None


def test_a_hyphen_before_an_ordinary_word_joins_nothing() -> None:
    # guard: "SIL- clear" is a word broken at the line's hyphen, no code; nothing else names a code
    line = fax_line("yuu4U", "SIL- clear 300 ml")
    assert sku(line, with_silicone()) is None

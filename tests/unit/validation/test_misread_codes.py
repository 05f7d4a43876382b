"""A line whose code OCR read badly, settled by the other readings of that code, by the rules written
out: the one product that the other readings name (our SKU, a GTIN, or this customer's own code, which
only counts when we know the customer) is the line's product when the line's description names it too
(at least half of the words of its Spanish or English name, words of three letters or more, accents
and case aside); readings naming two products, or a description naming something else, settle
nothing, and a misread code is never settled by guessing from the description alone."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine
from core.kernel.domain.model import Customer, Product
from tests.unit.validation.test_decide import Master
from validation.resolve import resolve_line

NUNEZ = Customer("C-1", "Ferretería Núñez", gln="8437000100010")  # knows TUE-M8 as its item 4712


def master() -> Master:
    m = Master()
    m.product_rows["TOR-M8-40"].name = "Tornillo hexagonal"
    m.product_rows["TUE-M8"].name = "Tuerca autoblocante zincada"
    m.product_rows["TUE-M8"].description_en = "Hex nut"
    m.product_rows["TAC-8"] = Product("TAC-8", "Taco nylon", gtin="84370017")  # an EAN-8
    m.product_rows["CAJ-1"] = Product("CAJ-1", "Caja tornillos surtidos", gtin="18437000100109")  # a GTIN-14
    return m


def misread(description: str, *readings: str) -> CapturedLine:
    return CapturedLine(
        line_no="1",
        item_code="T0R-M8-4O",
        description=description,
        quantity=Decimal(10),
        code_readings=readings,
    )


def test_another_reading_that_is_our_sku_settles_the_line() -> None:
    found = resolve_line(misread("TORNILLO HEXÁGONAL", "T0R-M8-4O", "TOR-M8-40"), None, master())
    assert (found.product and found.product.sku, found.via) == ("TOR-M8-40", "misread")


def test_another_reading_that_is_a_gtin_settles_the_line() -> None:
    found = resolve_line(misread("Tornillo hexagonal M8", "8437000100102"), None, master())
    assert (found.product and found.product.sku, found.via) == ("TOR-M8-40", "misread")


def test_the_customers_own_code_counts_only_when_the_customer_is_known() -> None:
    line = misread("Tuerca autoblocante", "47I2", "4712")
    found = resolve_line(line, NUNEZ, master())
    assert (found.product and found.product.sku, found.via) == ("TUE-M8", "misread")
    assert resolve_line(line, None, master()).product is None


def test_readings_of_one_product_agree_and_of_two_products_settle_nothing() -> None:
    same = resolve_line(misread("Tornillo hexagonal", "TOR-M8-40", "8437000100102"), None, master())
    assert same.product is not None and same.product.sku == "TOR-M8-40"
    # the description names the bolt, but the readings name the bolt and the nut: a person decides,
    # never the description
    two = resolve_line(misread("Tornillo hexagonal", "TOR-M8-40", "TUE-M8"), None, master())
    assert (two.product, two.via) == (None, None)


def test_the_description_must_name_the_product_a_reading_gives() -> None:
    assert resolve_line(misread("Arandela plana", "TOR-M8-40"), None, master()).product is None
    assert resolve_line(misread("", "TOR-M8-40"), None, master()).product is None


def test_half_the_words_of_a_name_is_enough_and_short_words_do_not_count() -> None:
    m = master()
    # one of the two words of "Tornillo hexagonal": half of them
    assert resolve_line(misread("tornillo M8x40", "TOR-M8-40"), None, m).product is not None
    # one of the three words of "Tuerca autoblocante zincada": less than half; the English name's "nut"
    # (three letters) is one of its two words: half
    assert resolve_line(misread("tuerca", "TUE-M8"), None, m).product is None
    assert resolve_line(misread("NUT M8", "TUE-M8"), None, m).product is not None
    # words under three letters count for nothing: "de" and "M8" name no product
    m.product_rows["TUE-M8"].description_en = "Nut de M8"
    assert resolve_line(misread("de M8", "TUE-M8"), None, m).product is None


def test_a_gtin_of_eight_or_fourteen_digits_inside_a_description_names_the_product() -> None:
    m = master()
    line = CapturedLine(line_no="1", description="84370017 Taco nylon", quantity=Decimal(5))
    assert resolve_line(line, None, m).via == "code_in_description"
    line = CapturedLine(
        line_no="1", description="Caja tornillos surtidos (18437000100109)", quantity=Decimal(1)
    )
    found = resolve_line(line, None, m)
    assert (found.product and found.product.sku, found.via) == ("CAJ-1", "code_in_description")


def test_our_sku_written_in_small_letters_inside_a_description_names_the_product() -> None:
    line = CapturedLine(line_no="1", description="tor-m8-40 tornillo hexagonal", quantity=Decimal(5))
    found = resolve_line(line, None, master())
    assert (found.product and found.product.sku, found.via) == ("TOR-M8-40", "code_in_description")

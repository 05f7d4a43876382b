"""A fax line whose code OCR misread in a way no reading of the parser's gave back (issue 10), matched
against the codes master data knows, by the rules written out: a look-alike character (O/0, I/l/1, S/5,
B/8...) or a hyphen or speck lost or doubled is half a slip, any other character a whole one; a code of
seven or eight characters may be 1.5 slips off, a longer one 2, one of five or six 1, a number (no
shapes to tell a slip by) one digit.  The one product whose SKU, GTIN or customer's own code is that
near is the line's product when no other product's code is as near and the line's description names
it; the order flows on untouched only when the line's price agrees with that product as well."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder
from core.kernel.domain.model import Customer, Decision, Product
from tests.unit.validation.test_decide import TODAY, Master, code_read
from validation.decide import validate
from validation.lookalike import allowed, slips
from validation.resolve import resolve_line

BOLT = "Tornillo hexagonal M8x40"
NUNEZ = Customer("C-1", "Ferretería Núñez", gln="8437000100010")


def master() -> Master:
    m = Master()
    m.product_rows["CHA-ALT-VIS"] = Product(
        "CHA-ALT-VIS", "Chapa alta visibilidad", price=Decimal("4.75"), currency="EUR"
    )
    m.product_rows["BRI-NY-200"] = Product(
        "BRI-NY-200", "Brida de nailon 200x4,8", price=Decimal("0.035"), currency="EUR"
    )
    m.product_rows["REM-AL-4"] = Product(
        "REM-AL-4", "Remache de aluminio 4 mm", price=Decimal("0.012"), currency="EUR"
    )
    m.items[("C-1", "100872")] = "BRI-NY-200"
    m.items[("C-1", "100871")] = "REM-AL-4"
    return m


def line(code: str, description: str, price: str | None = None) -> CapturedLine:
    return CapturedLine(
        line_no="1",
        item_code=code,
        description=description,
        quantity=Decimal(10),
        unit_price=Decimal(price) if price else None,
    )


def test_look_alikes_and_marks_cost_half_a_slip_other_characters_one() -> None:
    assert slips("T0R-M8-4O", "TOR-M8-40") == 1.0  # two look-alikes
    assert slips("SII.-TRA-300", "SIL-TRA-300") == 1.0  # a look-alike and a speck
    assert slips("BRINY-200", "BRI-NY-200") == 0.5  # a hyphen lost
    assert slips("UHA-ALT-VIS", "CHA-ALT-VIS") == 1.0  # a letter for another
    assert (allowed("TAC-6"), allowed("SII.-TRA-300"), allowed("104872"), allowed("4712")) == (0.5, 2, 1, 0.5)


def test_a_code_a_letter_off_resolves_when_the_description_names_the_product() -> None:
    found = resolve_line(line("UHA-ALT-VIS", "Chapa alta visibilidad naranja"), None, master())
    assert (found.product and found.product.sku, found.via) == ("CHA-ALT-VIS", "lookalike")
    # the description names something else, or nothing: the code settles nothing (a guess from the
    # description alone is another matter, and waits for a clerk)
    assert resolve_line(line("UHA-ALT-VIS", "Brida de nailon"), None, master()).via != "lookalike"
    assert resolve_line(line("UHA-ALT-VIS", ""), None, master()).product is None


def test_a_customer_code_a_digit_off_counts_only_for_that_customer() -> None:
    # 104872 is one digit from the customer's 100872 (the cable tie) and two from 100871 (the rivet)
    tie = line("104872", "Brida de nailon 200x4,8 mm negra")
    found = resolve_line(tie, NUNEZ, master())
    assert (found.product and found.product.sku, found.via) == ("BRI-NY-200", "lookalike")
    assert resolve_line(tie, None, master()).via != "lookalike"


def test_two_products_as_near_settle_nothing() -> None:
    # 100873 is one digit from both of the customer's codes: whatever the description says, a person
    # decides
    found = resolve_line(line("100873", "Brida de nailon 200x4,8 mm negra"), NUNEZ, master())
    assert found.via != "lookalike"


def test_a_code_too_far_from_every_known_code_settles_nothing() -> None:
    # three slips from CHA-ALT-VIS
    assert resolve_line(line("XYZ-ALT-VIS", "Chapa alta visibilidad"), None, master()).via != "lookalike"


def _order(code: str, price: str | None, confidence: float = 0.95) -> CapturedOrder:
    return code_read(line(code, "Chapa alta visibilidad", price), confidence)


def test_the_order_flows_on_only_when_the_price_agrees_with_the_product_too() -> None:
    agreed = validate(_order("UHA-ALT-VIS", "4.75"), master(), TODAY)
    assert agreed.skus == ("CHA-ALT-VIS",)
    assert not [p for p in agreed.problems if p.field == "lines[0].item_code"]
    for price in ("5.90", None):
        held = validate(_order("UHA-ALT-VIS", price), master(), TODAY)
        assert held.skus == ("CHA-ALT-VIS",) and held.decision is not Decision.ACCEPT
        assert [p.code.value for p in held.problems if p.field == "lines[0].item_code"] == ["low_confidence"]


def test_a_code_cell_run_into_the_description_is_its_first_word_and_the_rest_describes() -> None:
    m = master()
    m.product_rows["ARA-M8"] = Product("ARA-M8", "Arandela plana M8", "Flat washer M8 zinc plated")
    # "ARAMB" is ARA-M8 with its hyphen lost and the 8 read as B; the words after it in the code cell
    # (two of the four words of the English name) name the washer
    found = resolve_line(line("ARAMB Hal wasner Wis zinc plated", ""), None, m)
    assert (found.product and found.product.sku, found.via) == ("ARA-M8", "lookalike")
    # words that name another product settle nothing
    assert resolve_line(line("ARAMB Tornillo hexagonal", ""), None, m).via != "lookalike"


def test_a_description_the_fax_misread_too_still_names_the_product_word_by_word() -> None:
    m = master()
    gloves = Product(
        "GUA-NIT-L", "Guantes de nitrilo talla L (caja 100)", "Nitrile gloves size L (box of 100)"
    )
    m.product_rows["GUA-NIT-L"] = gloves
    # "guantes", "nitrilo" (read NLTRILO, 6 of 7 letters) and "100" stand: three of the name's five words
    garbled = line("GUANIET-L", "GUANTES DE NLTRILO TATA 1, (CATA 100) (MUESTRA)")
    found = resolve_line(garbled, None, m)
    assert (found.product and found.product.sku, found.via) == ("GUA-NIT-L", "lookalike")
    # two of five ("guantes" and "100"): not named
    assert resolve_line(line("GUANIET-L", "GUANTES DE XXXXXX TATA 1, (CATA 100)"), None, m).via != "lookalike"

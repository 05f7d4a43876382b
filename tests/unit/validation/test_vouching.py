"""When a doubtful reading of a decisive field is vouched for by another fact, as the business states it.

- The buyer's number read unsure is vouched for when it names the customer (by our customer id or its
  GLN) and the order came from that customer's own fax line (the same number in any writing, national
  numbers read in the customer's country, Spain when master data gives none) or its own e-mail address
  (letter case aside). A number naming someone else, or an order from another line or address, stays in
  doubt: that is how a wrong customer would slip through.
- An item code read unsure is vouched for when it resolved to a product and the line's price agrees
  (within half a percent) with what this customer pays for it (its agreed price; without terms the list
  price), or when a promotion is in the price. No product, no price, or another price: in doubt.

Each case is written out by hand; the docstring of each test names the mutants (validation/rules.py) it
caught.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Party, Provenance
from core.capture.domain.resolution import LineTerms
from core.kernel.domain.model import Customer, Product
from validation.doubt import in_doubt

D = Decimal
UNSURE = 0.5  # below the floor of 0.8: in doubt unless something vouches for it
PAGE = Provenance(page=1)
NUNEZ = Customer(
    "C-1001",
    "Ferretería Núñez",
    email="compras@ferreteria-nunez.es",
    fax="915 551 234",  # national writing, Madrid
    gln="8437000100017",
    country="ES",
)
PARIS = Customer("C-2001", "Quincaillerie Dupont", fax="01 42 68 53 00", country="FR")
NUT = Product("TOR-M8-40", "Tuerca M8", price=D("0.10"))
BOLT = Product("TOR-M10-60", "Tornillo M10", price=D("0.25"))


def buyer_order(party_id: str, *, fax: str | None = None, email: str | None = None) -> CapturedOrder:
    return CapturedOrder(
        buyer=Party(party_id=party_id, fax=fax, email=email),
        evidence=(Evidence("buyer.party_id", UNSURE, PAGE),),
    )


def buyer_in_doubt(order: CapturedOrder, customer: Customer | None) -> bool:
    return [e.field for e in in_doubt(order, (), customer)] == ["buyer.party_id"]


def test_the_buyers_number_is_vouched_for_by_the_customers_own_fax_line() -> None:
    """Killed: `return False` → `return True` for a number naming nobody here (x__buyer_vouched__mutmut_4)."""
    assert not buyer_in_doubt(buyer_order("8437000100017", fax="+34 915 55 12 34"), NUNEZ)
    assert not buyer_in_doubt(buyer_order("C-1001", fax="+34915551234"), NUNEZ)
    assert buyer_in_doubt(buyer_order("C-1001", fax="+34 915 55 99 99"), NUNEZ)  # another line
    assert buyer_in_doubt(buyer_order("C-1001"), NUNEZ)  # neither faxed nor mailed
    assert buyer_in_doubt(buyer_order("C-1001", fax="+34915551234"), None)  # no customer to vouch


def test_a_number_naming_another_customer_stays_in_doubt_though_faxed_from_this_ones_line() -> None:
    """Killed: `customer is None or …not in…` → `and` (x__buyer_vouched__mutmut_1)."""
    assert buyer_in_doubt(buyer_order("8437000999994", fax="+34915551234"), NUNEZ)
    assert buyer_in_doubt(buyer_order("C-1002", email="compras@ferreteria-nunez.es"), NUNEZ)


def test_national_fax_numbers_are_read_in_the_customers_own_country() -> None:
    """Killed: the customer's country left out, so Spain assumed (x__buyer_vouched__mutmut_13)."""
    assert not buyer_in_doubt(buyer_order("C-2001", fax="+33 1 42 68 53 00"), PARIS)
    assert buyer_in_doubt(buyer_order("C-2001", fax="+34 142 68 53 00"), PARIS)


def test_without_a_country_in_master_data_national_numbers_are_spanish() -> None:
    """Guards the default country. (The mutant writing it "es", x__buyer_vouched__mutmut_16, is equivalent:
    the phone library reads region codes in either case.)"""
    madrid = Customer("C-1003", "Suministros Sin País", fax="915 551 234")
    assert not buyer_in_doubt(buyer_order("C-1003", fax="+34 915 551 234"), madrid)


def test_the_buyers_number_is_vouched_for_by_the_customers_own_address_whatever_its_case() -> None:
    """Killed: `mailed` dropped or never true (mutmut_17, _19), `.lower()` → `.upper()` on either side
    (_21, _25), the order's address replaced by "" (_22), `==` → `!=` (_24)."""
    assert not buyer_in_doubt(buyer_order("C-1001", email="Compras@Ferreteria-Nunez.ES"), NUNEZ)
    assert not buyer_in_doubt(buyer_order("C-1001", email="compras@ferreteria-nunez.es"), NUNEZ)
    assert buyer_in_doubt(buyer_order("C-1001", email="otro@ferreteria-nunez.es"), NUNEZ)
    no_address = Customer("C-1004", "Sin Correo")
    assert buyer_in_doubt(buyer_order("C-1004", email="compras@ferreteria-nunez.es"), no_address)


def code_order(*prices: Decimal | None) -> CapturedOrder:
    lines = tuple(CapturedLine(item_code=f"A{i}", quantity=D(10), unit_price=p) for i, p in enumerate(prices))
    evidence = tuple(Evidence(f"lines[{i}].item_code", UNSURE, PAGE) for i in range(len(lines)))
    return CapturedOrder(lines=lines, evidence=evidence)


def codes_in_doubt(
    order: CapturedOrder, products: tuple[Product | None, ...], terms: tuple[LineTerms, ...] = ()
) -> list[str]:
    return [e.field for e in in_doubt(order, products, NUNEZ, terms=terms)]


def test_an_item_code_is_vouched_for_by_a_price_that_agrees_with_the_products() -> None:
    """Killed: `return False` → `return True` for no product or no price (x__vouched__mutmut_21, _23, _26)."""
    assert codes_in_doubt(code_order(D("0.10")), (NUT,)) == []
    assert codes_in_doubt(code_order(D("0.1005")), (NUT,)) == []  # half a percent off still agrees
    assert codes_in_doubt(code_order(D("0.11")), (NUT,)) == ["lines[0].item_code"]  # ten percent off
    assert codes_in_doubt(code_order(D("0.10")), (None,)) == ["lines[0].item_code"]  # resolved to nothing
    assert codes_in_doubt(code_order(None), (NUT,)) == ["lines[0].item_code"]  # no price printed


def test_the_customers_agreed_price_vouches_not_the_list_price() -> None:
    """Killed: the list price used although the customer has terms (x__vouched__mutmut_28)."""
    agreed = (LineTerms(expected_price=D("0.08")),)
    assert codes_in_doubt(code_order(D("0.08")), (NUT,), agreed) == []
    assert codes_in_doubt(code_order(D("0.10")), (NUT,), agreed) == ["lines[0].item_code"]


def test_a_promotion_in_the_price_vouches_for_the_code() -> None:
    """Killed: `return True` → `return False` after a promotion (x__vouched__mutmut_33)."""
    promoted = (LineTerms(expected_price=D("0.10"), promotion_in_price=True),)
    assert codes_in_doubt(code_order(D("0.07")), (NUT,), promoted) == []


def test_lines_beyond_the_resolved_products_or_terms_are_judged_on_what_there_is() -> None:
    """Killed: `index < min(…)` → `<=` (x__vouched__mutmut_16), and `index < len(terms)` → `<=` or always
    true (_29, _30, _32): the second line has no product, or no terms, and must not crash the check."""
    two = code_order(D("0.10"), D("0.25"))
    assert codes_in_doubt(two, (NUT,)) == ["lines[1].item_code"]
    assert codes_in_doubt(two, (NUT, BOLT), (LineTerms(expected_price=D("0.10")),)) == []


def priced_order(price: Evidence) -> CapturedOrder:
    """One line of 10 units of code "A0" at 0,10 = 1,00, its code read unsure and its price's evidence
    `price`; the amount read sure from its own cell on page 1."""
    line = CapturedLine(item_code="A0", quantity=D(10), unit_price=D("0.10"), amount=D("1.00"))
    amount = Evidence("lines[0].amount", 0.97, Provenance(page=1, box=(500, 170, 530, 177), raw="1,00"))
    code = Evidence("lines[0].item_code", UNSURE, PAGE)
    return CapturedOrder(lines=(line,), evidence=(code, price, amount))


def test_only_a_price_read_sure_from_its_own_cell_vouches_for_a_code() -> None:
    """faxflag20: a code's doubt survives a mend of the price beside it. A price worked out from the amount
    is recorded where the amount stands, and the cells read again may leave it sure (quantity × price is
    the amount exactly): it is still no price the document printed, so it vouches for no code. A price read
    unsure vouches for nothing either; one read sure in its own cell does, as before."""
    own = Provenance(page=1, box=(440, 170, 470, 177), raw="0,10")
    at_amount = Provenance(page=1, box=(500, 170, 530, 177), raw="1,00")
    sure_read = priced_order(Evidence("lines[0].unit_price", 0.97, own))
    worked_out = priced_order(Evidence("lines[0].unit_price", 0.97, at_amount))
    unsure_read = priced_order(Evidence("lines[0].unit_price", 0.6, own))
    assert "lines[0].item_code" not in codes_in_doubt(sure_read, (NUT,))
    assert "lines[0].item_code" in codes_in_doubt(worked_out, (NUT,))
    assert "lines[0].item_code" in codes_in_doubt(unsure_read, (NUT,))

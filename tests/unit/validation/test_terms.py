"""Validation with commercial terms: a line priced as this customer's agreement says flows on, a line
ordered in one of the product's packs is counted in base units, and what no term settles still goes to
a person. Prices and factors below are the demo terms written out by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedLine, Party
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceLevel, PriceRow
from core.kernel.domain.model import Customer, Decision
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate

D = Decimal


class TermsMaster(Master):
    """The in-memory master data with price rows and packs beside it."""

    def __init__(self) -> None:
        super().__init__()
        for product in self.product_rows.values():
            product.unit = "UD"
        self.price_rows: list[PriceRow] = []
        self.pack_rows: list[Pack] = []

    def prices_for(self, sku: str) -> Sequence[PriceRow]:
        return [r for r in self.price_rows if r.sku == sku]

    def packs_for(self, sku: str) -> Sequence[Pack]:
        return [p for p in self.pack_rows if p.sku == sku]

    def pack_by_gtin(self, gtin: str) -> Pack | None:
        return next((p for p in self.pack_rows if p.gtin == gtin), None)


def agreed(price: str, **kw: object) -> PriceRow:
    return PriceRow(PriceLevel.AGREEMENT, "C-1", "TOR-M8-40", D(price), "EUR", **kw)  # type: ignore[arg-type]


def screws(quantity: str, price: str, unit: str | None = None, gtin: str = "8437000100102") -> CapturedLine:
    return CapturedLine(line_no="1", gtin=gtin, quantity=D(quantity), unit=unit, unit_price=D(price))


def codes(master: Master, *lines: CapturedLine, **header: object) -> list[tuple[str, str | None]]:
    resolved = validate(order(lines=lines, **header), master, TODAY)
    return [(p.code.value, p.field) for p in resolved.problems]


def test_the_agreed_price_is_no_mismatch_and_the_list_price_then_is() -> None:
    master = TermsMaster()
    assert codes(master, screws("250", "0.16")) == [("price_mismatch", "lines[0].unit_price")]
    master.price_rows.append(agreed("0.16"))
    resolved = validate(order(lines=(screws("250", "0.16"),)), master, TODAY)
    assert resolved.problems == () and resolved.decision is Decision.ACCEPT
    assert resolved.terms[0].price_source == "0.16 EUR, agreed price of C-1"
    # the customer with an agreement is held to it: the list price is now the wrong one
    problems = validate(order(lines=(screws("250", "0.18"),)), master, TODAY).problems
    assert [p.code.value for p in problems] == ["price_mismatch"]
    assert "0.16" in problems[0].message and "agreed price of C-1" in problems[0].message


def test_a_price_within_the_tolerance_agrees_and_the_tolerance_is_a_setting() -> None:
    master = TermsMaster()
    master.price_rows.append(agreed("0.16"))
    # 0.5 % of 0.16 is 0.0008
    assert codes(master, screws("250", "0.1608")) == []
    assert codes(master, screws("250", "0.1609")) == [("price_mismatch", "lines[0].unit_price")]
    loose = validate(order(lines=(screws("250", "0.1609"),)), master, TODAY, price_tolerance=D("0.01"))
    assert loose.problems == ()


def test_an_agreement_outside_its_dates_or_below_its_break_does_not_count() -> None:
    master = TermsMaster()
    master.price_rows.append(agreed("0.16", valid_to=date(2026, 11, 25)))  # the day before the order
    assert codes(master, screws("250", "0.16")) == [("price_mismatch", "lines[0].unit_price")]
    master.price_rows = [agreed("0.15", min_quantity=D(500))]
    assert codes(master, screws("499", "0.15")) == [("price_mismatch", "lines[0].unit_price")]
    assert codes(master, screws("500", "0.15")) == []


def test_the_order_date_not_the_day_it_arrived_picks_the_price() -> None:
    master = TermsMaster()
    master.price_rows.append(agreed("0.16", valid_from=date(2026, 11, 20), valid_to=date(2026, 11, 24)))
    lines = (screws("250", "0.16"),)
    assert codes(master, *lines, order_date=date(2026, 11, 24)) == []
    assert codes(master, *lines) == [("price_mismatch", "lines[0].unit_price")]  # dated TODAY, the 26th


def test_boxes_of_a_pack_are_counted_in_base_units_and_priced_per_box() -> None:
    master = TermsMaster()
    master.pack_rows.append(Pack("TOR-M8-40", "CJ", D(12), "18437000100109"))
    master.price_rows.append(agreed("0.16"))
    for unit in ("cajas", "CJ", "Caja"):
        # 12 screws at the agreed 0.16 make a box at 1.92
        resolved = validate(order(lines=(screws("2", "1.92", unit),)), master, TODAY)
        assert resolved.problems == (), unit
        term = resolved.terms[0]
        assert (term.pack_unit, term.factor, term.base_quantity, term.base_unit) == ("CJ", D(12), D(24), "UD")
    # a box priced as one screw is a price mismatch, not a box of one
    assert codes(master, screws("2", "0.16", "CJ")) == [("price_mismatch", "lines[0].unit_price")]


def test_the_pack_gtin_names_the_product_and_the_pack() -> None:
    master = TermsMaster()
    master.pack_rows.append(Pack("TOR-M8-40", "CJ", D(12), "18437000100109"))
    resolved = validate(order(lines=(screws("3", "2.16", gtin="18437000100109"),)), master, TODAY)
    assert resolved.problems == () and resolved.skus == ("TOR-M8-40",)  # 12 × list 0.18 = 2.16
    assert resolved.terms[0].base_quantity == 36
    # the pack's code with a unit of another kind: a person decides what was meant
    assert codes(master, screws("3", "2.16", "KG", gtin="18437000100109")) == [
        ("unit_mismatch", "lines[0].unit")
    ]


def test_what_no_pack_settles_still_needs_a_person() -> None:
    master = TermsMaster()
    assert codes(master, screws("2", "1.92", "cajas")) == [
        ("unit_mismatch", "lines[0].unit"),
        ("price_mismatch", "lines[0].unit_price"),
    ]
    # a box and a carton of different sizes: which one "cajas" means is not for us to guess
    master.pack_rows += [Pack("TOR-M8-40", "CJ", D(12)), Pack("TOR-M8-40", "CT", D(50))]
    assert ("unit_mismatch", "lines[0].unit") in codes(master, screws("2", "2.16", "cajas"))
    # a pallet does not settle an order in boxes
    master.pack_rows = [Pack("TOR-M8-40", "PAL", D(480))]
    assert ("unit_mismatch", "lines[0].unit") in codes(master, screws("2", "2.16", "cajas"))
    assert codes(master, screws("1", "86.40", "palet")) == []  # 480 × 0.18


def test_a_price_in_the_orders_currency_settles_the_currency() -> None:
    master = TermsMaster()
    assert ("currency_mismatch", "currency") in codes(master, screws("250", "0.14"), currency="GBP")
    master.price_rows.append(PriceRow(PriceLevel.AGREEMENT, "C-1", "TOR-M8-40", D("0.14"), "GBP"))
    assert codes(master, screws("250", "0.14"), currency="GBP") == []


def test_master_data_without_terms_is_checked_against_the_list_price() -> None:
    assert codes(Master(), screws("250", "0.18")) == []
    assert codes(Master(), screws("250", "0.16")) == [("price_mismatch", "lines[0].unit_price")]


class OneUnitOfWork(TermsMaster):
    """Master data that keeps the prices validation works out, as the catalog's repository does for
    the orders of one document (one unit of work)."""

    def __init__(self) -> None:
        super().__init__()
        self.memo: dict[tuple[object, ...], object] = {}

    def price_memo(self) -> dict[tuple[object, ...], object]:
        return self.memo


def test_the_orders_of_one_document_each_get_the_price_of_their_own_customer_quantity_and_date() -> None:
    master = OneUnitOfWork()
    master.customer_rows["C-2"] = Customer("C-2", "Bricolaje Galicia", gln="8437000200017")
    # C-1 agreed 0.16 until the 25th, and 0.15 from 500 screws; everyone else pays the list's 0.18
    master.price_rows += [agreed("0.16", valid_to=date(2026, 11, 25)), agreed("0.15", min_quantity=D(500))]

    def expected(quantity: str, **header: object) -> Decimal | None:
        resolved = validate(order(lines=(screws(quantity, "0.01"),), **header), master, TODAY)
        return resolved.terms[0].expected_price

    the_25th, c2 = date(2026, 11, 25), Party(party_id="8437000200017")
    for _ in range(2):  # the second time round, from what the first remembered
        assert expected("250", order_date=the_25th) == D("0.16")
        assert expected("250") == D("0.18")  # ordered on the 26th: the agreement has ended
        assert expected("500") == D("0.15")
        assert expected("499") == D("0.18")
        assert expected("250", order_date=the_25th, buyer=c2) == D("0.18")
        assert expected("500", buyer=c2) == D("0.18")
        assert expected("250", order_date=the_25th, currency="GBP") is None  # no price in pounds
    assert master.memo  # they were remembered

"""Commercial terms line by line, by the rules written out: a line naming no product of ours does not
stop the lines after it from being priced; a line ordered without a unit, or in the product's own
unit, is in no pack, and a pack's name written as the line writes it beats a guess by its kind; a line
whose quantity was not read is priced as one unit (no quantity break); a one-unit line still gets its
promotion's net price; and only a promotion code the order quotes as one counts. Figures by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedLine
from core.catalog.domain.packs import Pack
from core.catalog.domain.promotions import Promotion
from tests.unit.validation.test_decide import TODAY, order
from tests.unit.validation.test_terms import agreed
from tests.unit.validation.test_terms_groups import GroupMaster, ten_percent
from validation.terms import line_terms

D = Decimal


def terms(master: GroupMaster, *lines: CapturedLine, **header: object):  # type: ignore[no-untyped-def]
    """The terms of an order of these lines from customer C-1, every line the screw TOR-M8-40 unless
    its quantity is negative (a line naming no product of ours)."""
    products = tuple(None if (x.quantity or 0) < 0 else master.product_rows["TOR-M8-40"] for x in lines)
    return line_terms(order(lines=lines, **header), products, "C-1", master, TODAY)


def line(quantity: str | None, unit: str | None = None) -> CapturedLine:
    return CapturedLine(line_no="1", quantity=D(quantity) if quantity else None, unit=unit)


def test_a_line_naming_no_product_does_not_stop_the_next_from_being_priced() -> None:
    first, second = terms(GroupMaster(), line("-1"), line("250"))
    assert first.expected_price is None
    assert second.expected_price == D("0.18")


def test_a_line_whose_quantity_was_not_read_is_priced_as_one_unit() -> None:
    master = GroupMaster()
    master.price_rows.append(agreed("0.15", min_quantity=D(2)))  # from two screws on
    [unread] = terms(master, line(None))
    assert unread.expected_price == D("0.18")  # the list price: one unit reaches no break
    [two] = terms(master, line("2"))
    assert two.expected_price == D("0.15")


def test_one_unit_gets_its_promotions_net_price() -> None:
    master = GroupMaster()
    master.promos.append(ten_percent())
    [one] = terms(master, line("1"))
    # 10 % of 0.18 is 0.018, rounded to the cent: 0.02 off, 0.16 net
    assert (one.discount, one.net_price) == (D("0.02"), D("0.16"))


def test_only_a_code_quoted_as_a_promotion_code_counts() -> None:
    master = GroupMaster()
    master.promos.append(ten_percent(code="XMAS26"))
    [other] = terms(master, line("250"), references=(("ON", "XMAS26"),))  # their order number
    assert other.discount is None
    [quoted] = terms(master, line("250"), references=(("PD", "XMAS26"),))
    assert quoted.discount == D("4.50")


def test_no_unit_or_the_products_own_unit_is_no_pack() -> None:
    master = GroupMaster()
    master.pack_rows.append(Pack("TOR-M8-40", "CJ", D(100)))  # a box with no GTIN of its own
    for written in (line("250"), line("250", "uds")):
        [plain] = terms(master, written)
        assert (plain.pack_unit, plain.base_quantity, plain.base_unit) == (None, None, None)
        assert plain.expected_price == D("0.18")


def test_a_pack_named_as_written_beats_another_of_its_kind() -> None:
    master = GroupMaster()
    master.pack_rows += [Pack("TOR-M8-40", "CJ", D(100)), Pack("TOR-M8-40", "CAJA", D(500))]
    [box] = terms(master, line("2", "caja"))
    assert (box.pack_unit, box.factor, box.base_quantity) == ("CAJA", D(500), D(1000))
    assert box.expected_price == D("90.00")  # 500 screws at 0.18


def test_an_order_without_a_date_is_priced_and_promoted_as_of_today() -> None:
    master = GroupMaster()
    master.price_rows.append(agreed("0.16", valid_from=TODAY))  # from today on
    master.promos.append(ten_percent(valid_from=TODAY))
    [undated] = terms(master, line("250"), order_date=None)
    assert undated.expected_price == D("0.16") and undated.discount == D("4.00")  # 250 x 0.16 x 10 %


def test_the_order_date_not_today_decides_the_promotion() -> None:
    master = GroupMaster()
    master.promos.append(ten_percent(valid_to=date(2026, 11, 20)))  # over before today (26 November)
    [dated] = terms(master, line("250"), order_date=date(2026, 11, 20))
    assert dated.discount == D("4.50") and dated.promotion is not None and "TORN10" in dated.promotion
    [late] = terms(master, line("250"), order_date=date(2026, 11, 21))
    assert (late.discount, late.promotion, late.net_price) == (None, None, None)


def test_a_promotion_for_this_customer_or_its_group_reaches_the_line() -> None:
    master = GroupMaster()
    master.promos.append(Promotion("CLIENTE5", "percent", "customer", "C-1", value=D(5)))
    [own] = terms(master, line("100"))
    assert own.discount == D("0.90")  # 100 x 0.18 x 5 %
    master.promos = [Promotion("GRUPO20", "percent", "group", "FERRETERIAS", value=D(20))]
    assert terms(master, line("100"))[0].discount is None  # not a member yet
    master.members["C-1"] = "FERRETERIAS"
    assert terms(master, line("100"))[0].discount == D("3.60")


def test_without_an_order_currency_the_products_currency_prices_the_promotion() -> None:
    master = GroupMaster()
    master.promos.append(ten_percent())
    [line_terms_] = terms(master, line("250"), currency=None)
    assert line_terms_.discount == D("4.50")

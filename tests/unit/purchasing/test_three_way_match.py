"""The three-way match at its edges, each expectation worked out from the rule, not from the code:

- a supplier invoices only what reached us in good condition (or damaged and released since) and was not
  invoiced before; more than that by more than the quantity tolerance is a difference, less is fine;
- a price may stray from ours by at most the price tolerance (2 % by default), in either direction;
- an invoice line names our line by SKU, GTIN or the supplier's own code; a line we never ordered is a
  difference;
- the stated net is the goods alone or the goods and the charges, to the cent.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.purchasing.domain.answers import AnswerKind, AnswerLine, SupplierAnswer
from core.purchasing.domain.landed import Charge
from core.purchasing.domain.matching import Difference, Tolerance, book_invoiced, match
from core.purchasing.domain.orders import PoLine, PurchaseOrder

D = Decimal
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def _po(*lines: PoLine) -> PurchaseOrder:
    return PurchaseOrder("PO-1", "SUP", "MAIN", "EUR", NOW, lines=list(lines))


def _bolts(received: str = "10", damaged: str = "0", released: str = "0", invoiced: str = "0") -> PoLine:
    # 10 bolts ordered at 2.00 each
    return PoLine(
        1,
        "BOLT",
        "SUP-B",
        D(10),
        D("2.00"),
        gtin="08400000000017",
        received=D(received),
        damaged=D(damaged),
        released=D(released),
        invoiced=D(invoiced),
    )


def _invoice(*lines: AnswerLine, net: str | None = None, charges: tuple[Charge, ...] = ()) -> SupplierAnswer:
    return SupplierAnswer(
        AnswerKind.INVOIC,
        "SUP",
        "INV-9",
        "PO-1",
        lines=lines,
        net=None if net is None else D(net),
        charges=charges,
    )


def _whats(po: PurchaseOrder, invoice: SupplierAnswer, tolerance: Tolerance | None = None) -> list[str]:
    return [d.what for d in match(po, invoice, tolerance or Tolerance())]


def test_the_default_tolerance_is_two_percent_of_the_price_and_no_units() -> None:
    assert Tolerance().price == D("0.02")
    assert Tolerance().quantity == 0


def test_an_invoice_line_is_found_by_sku_by_gtin_or_by_the_suppliers_code() -> None:
    po = _po(_bolts())
    for line in (
        AnswerLine(None, D(10), sku="BOLT", unit_price=D("2.00")),
        AnswerLine(None, D(10), gtin="08400000000017", unit_price=D("2.00")),
        AnswerLine(None, D(10), supplier_item_code="SUP-B", unit_price=D("2.00")),
    ):
        assert match(po, _invoice(line, net="20.00"), Tolerance()) == []


def test_an_empty_reference_matches_no_line_even_one_without_that_reference() -> None:
    # our line has no GTIN; an invoice line naming nothing must not be taken for it
    po = _po(PoLine(1, "NUT", "SUP-N", D(5), D("1.00"), received=D(5)))
    got = match(po, _invoice(AnswerLine(None, D(5), sku="", gtin=None, supplier_item_code="")), Tolerance())
    assert [(d.sku, d.what, d.ours, d.theirs) for d in got] == [("?", "line", "not ordered", "5")]


def test_a_line_we_never_ordered_is_named_by_what_the_supplier_called_it() -> None:
    po = _po(_bolts())
    for line, name in (
        (AnswerLine(None, D(3), sku="WASHER"), "WASHER"),
        (AnswerLine(None, D(3), gtin="0999"), "0999"),
        (AnswerLine(None, D(3), supplier_item_code="X-1"), "X-1"),
    ):
        assert match(po, _invoice(line), Tolerance()) == [Difference(name, "line", "not ordered", "3")]


def test_invoicing_exactly_what_came_or_less_matches() -> None:
    po = _po(_bolts(received="6"))
    assert _whats(po, _invoice(AnswerLine(None, D(6), sku="BOLT"))) == []
    assert _whats(po, _invoice(AnswerLine(None, D(5), sku="BOLT"))) == []


def test_one_unit_more_than_came_is_a_quantity_difference_saying_what_came() -> None:
    po = _po(_bolts(received="6"))
    assert match(po, _invoice(AnswerLine(None, D(7), sku="BOLT")), Tolerance()) == [
        Difference("BOLT", "quantity", "6 received", "7")
    ]


def test_the_quantity_tolerance_allows_that_many_units_over_and_not_one_more() -> None:
    po = _po(_bolts(received="6"))
    two = Tolerance(quantity=D(2))
    assert _whats(po, _invoice(AnswerLine(None, D(8), sku="BOLT")), two) == []
    assert _whats(po, _invoice(AnswerLine(None, D(9), sku="BOLT")), two) == ["quantity"]


def test_damaged_units_still_held_are_not_owed_and_the_difference_says_credit_is_expected() -> None:
    # 10 came, 3 of them damaged: 7 good are owed; invoicing 10 is 3 too many
    po = _po(_bolts(received="7", damaged="3"))
    assert match(po, _invoice(AnswerLine(None, D(10), sku="BOLT")), Tolerance()) == [
        Difference("BOLT", "quantity", "7 received (3 damaged: credit expected)", "10")
    ]


def test_damaged_units_released_by_a_buyer_are_owed_again() -> None:
    # of the 3 damaged, 2 were released: 9 are owed, 1 still waits for credit
    po = _po(_bolts(received="7", damaged="3", released="2"))
    assert _whats(po, _invoice(AnswerLine(None, D(9), sku="BOLT"))) == []
    assert match(po, _invoice(AnswerLine(None, D(10), sku="BOLT")), Tolerance()) == [
        Difference("BOLT", "quantity", "9 received (1 damaged: credit expected)", "10")
    ]


def test_what_was_invoiced_before_is_not_owed_twice() -> None:
    po = _po(_bolts(received="10", invoiced="4"))
    assert _whats(po, _invoice(AnswerLine(None, D(6), sku="BOLT"))) == []
    assert match(po, _invoice(AnswerLine(None, D(7), sku="BOLT")), Tolerance()) == [
        Difference("BOLT", "quantity", "6 received", "7")
    ]


def test_a_price_within_two_percent_either_way_matches_and_beyond_it_does_not() -> None:
    po = _po(_bolts())
    # 2 % of 2.00 is 0.04: 1.96 and 2.04 are at the edge, 1.95 and 2.05 past it
    for price in ("1.96", "2.04", "2.00"):
        assert _whats(po, _invoice(AnswerLine(None, D(10), sku="BOLT", unit_price=D(price)))) == []
    for price in ("1.95", "2.05"):
        assert match(po, _invoice(AnswerLine(None, D(10), sku="BOLT", unit_price=D(price))), Tolerance()) == [
            Difference("BOLT", "price", "2.00", price)
        ]


def test_a_line_without_a_price_is_taken_at_ours_for_the_total() -> None:
    po = _po(_bolts())
    # 10 x our 2.00 = 20.00
    assert _whats(po, _invoice(AnswerLine(None, D(10), sku="BOLT"), net="20.00")) == []
    assert _whats(po, _invoice(AnswerLine(None, D(10), sku="BOLT"), net="20.02")) == ["total"]


def test_the_net_is_the_goods_or_the_goods_and_charges_to_the_cent() -> None:
    po = _po(_bolts())
    line = AnswerLine(None, D(10), sku="BOLT", unit_price=D("2.00"))
    carriage = (Charge("carriage", D("5.00")),)
    # goods 20.00; with carriage 25.00; a cent off either is still a match, two cents off is not
    for net in ("20.00", "20.01", "19.99", "25.00", "25.01", "24.99"):
        assert _whats(po, _invoice(line, net=net, charges=carriage)) == [], net
    for net in ("20.02", "19.98", "22.50", "25.02", "24.98"):
        assert match(po, _invoice(line, net=net, charges=carriage), Tolerance()) == [
            Difference("*", "total", "20.00", net)
        ], net


def test_the_goods_total_adds_every_line_at_its_invoiced_price() -> None:
    nut = PoLine(2, "NUT", "SUP-N", D(4), D("0.50"), received=D(4))
    po = _po(_bolts(), nut)
    lines = (
        AnswerLine(None, D(10), sku="BOLT", unit_price=D("2.01")),
        AnswerLine(None, D(4), sku="NUT", unit_price=D("0.50")),
    )
    # 10 x 2.01 + 4 x 0.50 = 20.10 + 2.00 = 22.10
    assert _whats(po, _invoice(*lines, net="22.10")) == []
    assert [d.ours for d in match(po, _invoice(*lines, net="30.00"), Tolerance())] == ["22.10"]


def test_without_a_stated_net_there_is_no_total_to_check() -> None:
    po = _po(_bolts())
    assert _whats(po, _invoice(AnswerLine(None, D(10), sku="BOLT", unit_price=D("2.00")))) == []


def test_every_difference_is_reported_not_only_the_first() -> None:
    po = _po(_bolts(received="5"))
    invoice = _invoice(
        AnswerLine(None, D(6), sku="BOLT", unit_price=D("3.00")),
        AnswerLine(None, D(1), sku="WASHER"),
        net="99.00",
    )
    assert _whats(po, invoice) == ["quantity", "price", "line", "total"]


def test_a_line_never_ordered_does_not_hide_the_lines_after_it() -> None:
    po = _po(_bolts(received="5"))
    invoice = _invoice(AnswerLine(None, D(1), sku="WASHER"), AnswerLine(None, D(6), sku="BOLT"))
    assert _whats(po, invoice) == ["line", "quantity"]


def test_a_difference_reads_as_one_sentence() -> None:
    assert Difference("BOLT", "price", "2.00", "2.05").text() == "BOLT: price ours 2.00, invoice 2.05"


def test_booking_an_invoice_adds_its_quantities_to_the_lines_it_names_only() -> None:
    nut = PoLine(2, "NUT", "SUP-N", D(4), D("0.50"), received=D(4), invoiced=D(1))
    po = _po(_bolts(), nut)
    book_invoiced(
        po,
        _invoice(
            AnswerLine(None, D(3), gtin="08400000000017"),
            AnswerLine(None, D(2), supplier_item_code="SUP-N"),
            AnswerLine(None, D(9), sku="WASHER"),
        ),
    )
    assert [(line.sku, line.invoiced) for line in po.lines] == [("BOLT", D(3)), ("NUT", D(3))]

"""The small rules the core's entities carry, each expectation from what the business says:

- validation's decision puts the order in its state: accepted, in review or rejected;
- a trading partner is configured once it has an address; it may send the syntaxes and order for the
  buyers (by customer id or GLN) its agreement lists; control references count up one by one, never reused;
- a line ordered in packs ("2 CAJ" of 12 = 24 UD) counts stock in units and converts back to packs.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.kernel.domain.model import Customer, Decision, OrderLine, OrderState, Partner

D = Decimal


def test_each_decision_puts_the_order_in_its_own_state() -> None:
    assert Decision.ACCEPT.order_state is OrderState.ACCEPTED
    assert Decision.REVIEW.order_state is OrderState.IN_REVIEW
    assert Decision.REJECT.order_state is OrderState.REJECTED


def test_a_partner_without_an_address_is_not_configured() -> None:
    assert not Partner("5412345000013").configured
    assert Partner("5412345000013", address="acme").configured


def test_a_partner_accepts_exactly_the_syntaxes_its_agreement_lists() -> None:
    partner = Partner("P", syntax_ids=" UNOA, UNOC ,,")
    assert partner.accepts_syntax("UNOA")
    assert partner.accepts_syntax("UNOC")
    assert not partner.accepts_syntax("UNOB")
    assert not partner.accepts_syntax("")  # the empty item between commas is no syntax
    assert not partner.accepts_syntax("UNO")  # a part of a listed one is not it
    assert not Partner("P").accepts_syntax("UNOC")  # nothing listed: nothing accepted


def test_a_partner_speaks_for_the_buyers_it_lists_by_customer_id_or_gln() -> None:
    partner = Partner("P", buyers="C-100, 8412345000019")
    by_id = Customer("C-100", "Ferretería Núñez")
    by_gln = Customer("C-200", "Suministros Peña", gln="8412345000019")
    other = Customer("C-300", "Otro", gln="8400000000000")
    nobody = Customer("C-400", "Sin GLN")
    assert partner.speaks_for(by_id)
    assert partner.speaks_for(by_gln)
    assert not partner.speaks_for(other)
    assert not partner.speaks_for(nobody)


def test_an_empty_buyer_entry_lets_no_customer_without_a_gln_through() -> None:
    partner = Partner("P", buyers="C-100,,")
    assert not partner.speaks_for(Customer("C-400", "Sin GLN", gln=""))


def test_control_references_count_up_from_the_next_one_and_are_never_reused() -> None:
    partner = Partner("P", next_control_ref=41)
    assert [partner.take_control_ref() for _ in range(3)] == ["41", "42", "43"]
    assert partner.next_control_ref == 44
    assert Partner("Q").take_control_ref() == "1"


def test_a_pack_line_counts_stock_in_base_units_and_a_plain_line_in_its_own() -> None:
    packs = OrderLine(1, quantity=D(2), unit="CAJ", base_quantity=D(24), base_unit="UD")
    plain = OrderLine(2, quantity=D(5), unit="UD")
    assert packs.stock_quantity == D(24)
    assert plain.stock_quantity == D(5)
    assert OrderLine(3).stock_quantity is None


def test_units_shipped_of_a_pack_line_are_counted_back_in_packs() -> None:
    packs = OrderLine(1, quantity=D(2), unit="CAJ", base_quantity=D(24), base_unit="UD")
    assert packs.in_line_unit(D(24)) == D(2)
    assert packs.in_line_unit(D(6)) == D("0.5")
    assert OrderLine(2, quantity=D(5)).in_line_unit(D(3)) == D(3)
    # a pack line whose quantity is unknown or zero cannot be converted: the units stand
    assert OrderLine(3, quantity=D(0), base_quantity=D(24)).in_line_unit(D(6)) == D(6)
    assert OrderLine(4, base_quantity=D(24)).in_line_unit(D(6)) == D(6)


@pytest.mark.parametrize(("new", "base"), [(D(3), D(36)), (D(1), D(12)), (D(0), D(0))])
def test_changing_a_pack_lines_quantity_moves_its_base_quantity_along(new: Decimal, base: Decimal) -> None:
    line = OrderLine(1, quantity=D(2), unit="CAJ", base_quantity=D(24), base_unit="UD")
    line.change_quantity(new)
    assert (line.quantity, line.base_quantity) == (new, base)


def test_changing_a_plain_lines_quantity_leaves_no_base_quantity() -> None:
    line = OrderLine(1, quantity=D(5), unit="UD")
    line.change_quantity(D(7))
    assert (line.quantity, line.base_quantity) == (D(7), None)
    # a pack line without a quantity keeps its base quantity (there is no ratio to follow)
    unknown = OrderLine(2, base_quantity=D(24))
    unknown.change_quantity(D(3))
    assert (unknown.quantity, unknown.base_quantity) == (D(3), D(24))

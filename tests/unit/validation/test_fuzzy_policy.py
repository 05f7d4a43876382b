"""Fuzzy matches fill in the likely customer or SKU but leave it to a clerk; the policy only adds review."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine, Party
from core.capture.domain.policy import DecisionPolicy, apply_policy, resolve_policy
from core.kernel.domain.model import Customer, Decision
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate
from validation.fuzzy import customer_by_name, product_by_description


def customers() -> list[Customer]:
    return [
        Customer("C-1001", "Ferretería Núñez S.L.", postal_code="28013", city="Madrid"),
        Customer("C-1002", "Bricolaje Galicia S.A.", postal_code="15705", city="Santiago de Compostela"),
        Customer("C-2001", "Hartley Hardware Ltd", postal_code="N1 7GR", city="London"),
    ]


def test_a_customer_is_found_by_a_name_written_otherwise() -> None:
    found = customer_by_name(Party(name="FERRETERIA NUNEZ, SL"), customers())
    assert found is not None and found[0].customer_id == "C-1001" and found[1].score >= 88
    assert customer_by_name(Party(name="Hartley Hardware Limited"), customers())[0].customer_id == "C-2001"  # type: ignore[index]


def test_no_guess_for_a_stranger_or_another_branch_elsewhere() -> None:
    assert customer_by_name(Party(name="Suministros Levante"), customers()) is None
    other_place = Party(name="Ferretería Núñez S.L.", postal_code="46001", city="Valencia")
    assert customer_by_name(other_place, customers()) is None


def test_a_product_by_its_spanish_or_english_description() -> None:
    master = Master()
    master.product_rows["TOR-M8-40"].description_en = "Hex bolt M8x40 zinc plated"
    master.product_rows["TOR-M8-40"].name = "Tornillo hexagonal M8x40 zincado"
    master.product_rows["TUE-M8"].name = "Tuerca hexagonal M8 zincada"
    got = product_by_description("tornillo hexagonal m8x40 zinc.", master.products())
    assert got is not None and got[0].sku == "TOR-M8-40"
    assert product_by_description("hex bolt M8 x 40, zinc plated", master.products())[0].sku == "TOR-M8-40"  # type: ignore[index]
    assert product_by_description("destornillador", master.products()) is None


def test_a_line_named_only_by_description_resolves_but_waits_for_a_clerk() -> None:
    master = Master()
    master.product_rows["TUE-M8"].name = "Tuerca hexagonal M8 zincada"
    line = CapturedLine(line_no="1", description="Tuerca hexagonal M8 zincada", quantity=Decimal(10))
    resolved = validate(order(lines=(line,)), master, TODAY)
    assert resolved.skus == ("TUE-M8",)
    assert [p.code.value for p in resolved.problems] == ["product_by_description"]
    assert resolved.decision is Decision.REVIEW


def test_a_buyer_found_by_name_waits_for_a_clerk() -> None:
    resolved = validate(order(buyer=Party(name="Ferreteria Nunez")), Master(), TODAY)
    assert resolved.customer_id == "C-1"
    assert [p.code.value for p in resolved.problems] == ["customer_by_name"]
    assert resolved.decision is Decision.REVIEW


def test_policies_go_from_defaults_to_channel_to_customer() -> None:
    settings = {
        "default": {"min_confidence": 0.6},
        "channel:fax": {"always_review": True},
        "customer:C-1": {"always_review": False, "review_new_customers": True},
    }
    assert resolve_policy(settings, "edi", None) == DecisionPolicy(min_confidence=0.6)
    assert resolve_policy(settings, "fax", "C-9").always_review is True
    assert resolve_policy(settings, "fax", "C-1") == DecisionPolicy(0.6, False, True)


def test_a_policy_only_ever_moves_an_order_towards_review() -> None:
    accepted = validate(order(), Master(), TODAY)
    assert accepted.decision is Decision.ACCEPT
    assert apply_policy(accepted, DecisionPolicy(), first_order=True) == accepted
    strict = apply_policy(accepted, DecisionPolicy(always_review=True), first_order=False)
    assert strict.decision is Decision.REVIEW and [p.code.value for p in strict.problems] == ["policy_review"]
    new = apply_policy(accepted, DecisionPolicy(review_new_customers=True), first_order=True)
    assert [p.code.value for p in new.problems] == ["new_customer"]
    picky = apply_policy(accepted, DecisionPolicy(min_confidence=1.01), first_order=False)
    assert [p.code.value for p in picky.problems] == ["low_confidence"]
    reviewed = validate(order(po_number=None), Master(), TODAY)
    assert apply_policy(reviewed, DecisionPolicy(always_review=True), first_order=True) == reviewed


def test_a_faintly_read_buyer_number_is_vouched_for_by_the_number_it_was_faxed_from() -> None:
    from core.capture.domain.order import Evidence, Provenance

    master = Master()
    master.customer_rows["C-1"].fax = "+34 912 345 678"
    faint = (Evidence("buyer.party_id", 0.74, Provenance(page=1, box=(1, 2, 3, 4))),)
    from_its_fax = order(buyer=Party(party_id="C-1", fax="912345678"), evidence=faint)
    assert validate(from_its_fax, master, TODAY).problems == ()
    from_elsewhere = order(buyer=Party(party_id="C-1", fax="+34 600 000 000"), evidence=faint)
    assert [p.code.value for p in validate(from_elsewhere, master, TODAY).problems] == ["low_confidence"]
    unvouched = order(buyer=Party(party_id="C-1"), evidence=faint)
    assert [p.code.value for p in validate(unvouched, master, TODAY).problems] == ["low_confidence"]


def test_the_clerk_is_told_which_product_a_description_was_taken_for_and_on_which_line() -> None:
    master = Master()
    master.product_rows["TUE-M8"].name = "Tuerca hexagonal M8 zincada"
    lines = (
        CapturedLine(line_no="1", item_code="TOR-M8-40", quantity=Decimal(5)),
        CapturedLine(line_no="2", description="Tuerca hexagonal M8 zincada", quantity=Decimal(10)),
    )
    resolved = validate(order(lines=lines), master, TODAY)
    [problem] = [p for p in resolved.problems if p.code.value == "product_by_description"]
    assert problem.field == "lines[1].item_code"  # the second line, where the code should have been
    assert "'Tuerca hexagonal M8 zincada' taken for TUE-M8" in problem.message
    assert "confirm it" in problem.message

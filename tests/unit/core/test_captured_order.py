"""The captured order's own rules, from what a reader and a clerk expect of it:

- a problem shows on the review page and in the API as its field, its stable code and its message;
- a party is there when the document names it by id, name, street or city (an e-mail or a fax number
  alone, a country alone, is no party: it says whom the paper came from, not who orders);
- a line's codes are tried most specific first (GTIN, the supplier's, the item code, the buyer's), each once;
- evidence is found by its field's path; adding problems keeps those the parser noted before.
"""

from __future__ import annotations

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Party,
    Problem,
    ProblemCode,
    Provenance,
    Severity,
)


def test_a_problem_reads_as_its_field_code_and_message() -> None:
    problem = Problem(ProblemCode.UNKNOWN_PRODUCT, "no product TOR-M8-40", "lines[2].item_code")
    assert problem.as_dict() == {
        "field": "lines[2].item_code",
        "code": "unknown_product",
        "message": "no product TOR-M8-40",
    }
    assert problem.severity is Severity.REVIEW  # a person looks unless the rule says otherwise


def test_severities_rank_info_below_review_below_reject() -> None:
    assert Severity.INFO < Severity.REVIEW < Severity.REJECT


def test_a_party_named_by_any_of_id_name_street_or_city_is_not_empty() -> None:
    assert Party().empty
    assert Party(country="ES", email="pedidos@ferreteria.es", fax="+34912345678", qualifier="9").empty
    for party in (
        Party(party_id="8412345000019"),
        Party(name="Ferretería Núñez"),
        Party(street="Calle Mayor 1"),
        Party(city="Logroño"),
    ):
        assert not party.empty, party


def test_a_lines_codes_come_most_specific_first_and_each_once() -> None:
    line = CapturedLine(
        gtin="8412345678905", supplier_item_code="TOR-M8-40", item_code="TOR-M8-40", buyer_item_code="B-77"
    )
    assert line.codes == ("8412345678905", "TOR-M8-40", "B-77")
    only_buyer = CapturedLine(buyer_item_code="B-77", item_code="", gtin=None)
    assert only_buyer.codes == ("B-77",)
    assert CapturedLine(item_code="X", buyer_item_code="Y").codes == ("X", "Y")
    assert CapturedLine().codes == ()


def test_evidence_is_found_by_its_fields_path_and_none_is_none() -> None:
    first = Evidence("po_number", 0.9, Provenance(page=1))
    second = Evidence("lines[0].quantity", 0.4, Provenance(page=2))
    order = CapturedOrder(evidence=(first, second))
    assert order.evidence_for("lines[0].quantity") is second
    assert order.evidence_for("po_number") is first
    assert order.evidence_for("total") is None


def test_problems_added_come_after_those_noted_before_and_the_order_is_otherwise_the_same() -> None:
    noted = Problem(ProblemCode.MISSING_UNT, "no UNT")
    order = CapturedOrder(po_number="4500012345", problems=(noted,))
    more = order.with_problems(
        Problem(ProblemCode.NO_LINES, "no lines"), Problem(ProblemCode.MISSING_QUANTITY, "qty?")
    )
    assert [p.code for p in more.problems] == ["missing_unt", "no_lines", "missing_quantity"]
    assert more.po_number == "4500012345"
    assert order.problems == (noted,)  # the captured order itself is frozen: unchanged

"""Whether an interchange's sender may place its order (docs/command-line.md, "EDIFACT trading partners"):
the sender is a configured trading partner only when its UNB sender id is the partner's and, where the
agreement names a qualifier, the UNB qualifier is that one; a partner writes only in the syntaxes its
agreement lists and orders only for the buyers it lists. Each refusal is one problem a clerk reads in
the review queue, naming the sender as the envelope wrote it (cut short, so a hostile envelope cannot
flood the page) and, for a refusal, what the agreement allows. An order with any partner problem is
sent to review with those problems added to its own; without one it is left exactly as it was."""

from __future__ import annotations

from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.partners import held_for_partner, known_partner, partner_problems
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Customer, Decision, Partner

NUNEZ = Customer("C-1001", "Ferretería Núñez S.L.", gln="8437000100010")
HARTLEY = Customer("C-2001", "Hartley Hardware Ltd", gln="5012345000015")
AGREED = Partner("5412345000013", qualifier="14", syntax_ids="UNOA,UNOC", buyers="C-1001", address="van-1")


def receipt(sender: str = "5412345000013", qualifier: str = "14", syntax: str = "UNOC") -> InterchangeReceipt:
    return InterchangeReceipt(sender, "8437000999997", "1", syntax_id=syntax, sender_qualifier=qualifier)


def test_the_partner_whose_id_and_qualifier_the_envelope_carries_is_known() -> None:
    assert known_partner(receipt(), AGREED) is AGREED


def test_another_sender_id_is_not_the_partner() -> None:
    assert known_partner(receipt(sender="5412345000020"), AGREED) is None


def test_an_agreement_without_a_qualifier_accepts_any_qualifier() -> None:
    any_list = Partner("5412345000013", syntax_ids="UNOC", buyers="C-1001", address="van-1")
    assert known_partner(receipt(qualifier="14"), any_list) is any_list
    assert known_partner(receipt(qualifier="ZZ"), any_list) is any_list
    assert known_partner(receipt(qualifier=""), any_list) is any_list
    # with a qualifier in the agreement, an envelope without one is not that partner
    assert known_partner(receipt(qualifier=""), AGREED) is None


def test_the_unknown_sender_is_named_as_the_envelope_wrote_it() -> None:
    [problem] = partner_problems(receipt(sender="5499999000013", qualifier="ZZ"), AGREED, NUNEZ)
    assert problem.code is ProblemCode.UNKNOWN_PARTNER
    assert problem.message == "UNB sender '5499999000013' (qualifier 'ZZ') is no configured trading partner"
    assert problem.severity is Severity.REVIEW


def test_an_overlong_sender_is_quoted_cut_short() -> None:
    # 100 characters of sender id and 20 of qualifier: the message quotes the first 70 and the first 8
    sender, qualifier = "S" * 60 + "T" * 10 + "U" * 30, "QUALIFIE" + "R" * 12
    [problem] = partner_problems(receipt(sender=sender, qualifier=qualifier), None, NUNEZ)
    assert (
        problem.message
        == f"UNB sender '{'S' * 60}{'T' * 10}' (qualifier 'QUALIFIE') is no configured trading partner"
    )


def test_a_syntax_outside_the_agreement_is_refused_saying_what_it_allows() -> None:
    [problem] = partner_problems(receipt(syntax="UNOB"), AGREED, NUNEZ)
    assert problem.code is ProblemCode.PARTNER_NOT_AUTHORISED
    assert problem.message == (
        "partner '5412345000013' (qualifier '14') wrote in syntax 'UNOB'; its agreement allows UNOA,UNOC"
    )
    assert problem.field is None  # the envelope is at fault, not a field of the order


def test_an_overlong_syntax_is_quoted_cut_short() -> None:
    [problem] = partner_problems(receipt(syntax="UNOYYYYYZZZZ"), AGREED, NUNEZ)
    assert "wrote in syntax 'UNOYYYYY';" in problem.message


def test_an_agreement_listing_no_syntax_says_it_allows_none() -> None:
    # a partner row without syntaxes (a file from an earlier version): every syntax is refused
    bare = Partner("5412345000013", qualifier="14", buyers="C-1001", address="van-1")
    [problem] = partner_problems(receipt(), bare, NUNEZ)
    assert problem.code is ProblemCode.PARTNER_NOT_AUTHORISED
    assert problem.message.endswith("; its agreement allows none")


def test_a_buyer_the_partner_may_not_speak_for_is_refused_on_the_buyer_field() -> None:
    [problem] = partner_problems(receipt(), AGREED, HARTLEY)
    assert problem.code is ProblemCode.PARTNER_NOT_AUTHORISED
    assert problem.message == "partner '5412345000013' (qualifier '14') may not order for customer C-2001"
    assert problem.field == "buyer"


def test_an_order_whose_buyer_is_not_resolved_is_not_refused_for_its_buyer() -> None:
    # the unresolved customer is a problem of its own; the partner check has nothing to compare
    assert partner_problems(receipt(), AGREED, None) == []


def test_an_order_with_partner_problems_goes_to_review_keeping_its_own() -> None:
    own = Problem(ProblemCode.SYNTAX_ERROR, "its own problem")
    resolved = ResolvedOrder(CapturedOrder(), "C-2001", ("SKU-1",), (own,), 0.97, Decision.ACCEPT)
    refusal = partner_problems(receipt(), AGREED, HARTLEY)
    held = held_for_partner(resolved, refusal)
    assert held.decision is Decision.REVIEW
    assert held.problems == (own, *refusal)
    assert (held.customer_id, held.skus, held.confidence) == ("C-2001", ("SKU-1",), 0.97)


def test_an_order_without_partner_problems_is_left_as_it_was() -> None:
    resolved = ResolvedOrder(CapturedOrder(), "C-1001", ("SKU-1",), (), 0.97, Decision.ACCEPT)
    assert held_for_partner(resolved, []) is resolved

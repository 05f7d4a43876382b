"""A confidence shown beside the floor it fell short of must read as short of it: a clerk told "read with
confidence 0.80 (below 0.8)" sees a contradiction. Two decimals as before, more only when two would round
up to the floor; a value at or over a floor (or well under) is shown as before."""

from __future__ import annotations

from core.capture.domain.order import CapturedOrder, Evidence, Provenance, shown_under
from core.capture.domain.policy import DecisionPolicy, apply_policy
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Decision
from validation.decide import low_confidence
from validation.doubt import unsure_fields


def test_a_value_just_under_the_floor_is_not_shown_as_the_floor() -> None:
    assert shown_under(0.7996, 0.8) == "0.7996"  # "0.80" and "0.800" would both read as the floor
    assert shown_under(0.7951, 0.8) == "0.795"  # "0.80" rounds up; three places are enough
    assert shown_under(0.79, 0.8) == "0.79"
    assert shown_under(0.79999, 0.8) == "0.7999"  # four places at most, cut rather than rounded
    assert shown_under(0.4999, 0.5) == "0.4999"


def test_values_away_from_the_floor_keep_two_decimals() -> None:
    assert shown_under(0.32, 0.5) == "0.32"
    assert shown_under(0.8, 0.8) == "0.80"  # at the floor: not under it
    assert shown_under(0.91, 0.8) == "0.91"


def test_a_field_just_under_the_review_floor_names_a_figure_under_it() -> None:
    (found,) = unsure_fields([Evidence("order_date", 0.7996, Provenance(page=1))])
    assert found.message == (
        "order_date was read with confidence 0.7996 (below 0.8); please check it against the document"
    )


def test_an_order_just_under_the_accept_floor_says_so() -> None:
    found = low_confidence(0.4996, [])
    assert found.message == "overall confidence 0.4996 is below 0.5"


def test_the_policy_threshold_message_shows_a_figure_under_the_threshold() -> None:
    accepted = ResolvedOrder(CapturedOrder(), "C-1", (), (), confidence=0.8996, decision=Decision.ACCEPT)
    resolved = apply_policy(accepted, DecisionPolicy(min_confidence=0.9), first_order=False)
    (problem,) = resolved.problems
    assert problem.message == "overall confidence 0.8996 is below this order's threshold 0.90"

"""The decision policy: thresholds and review rules with defaults, per channel and per customer.

Most specific wins: a customer's settings over a channel's over the defaults.  Applying a policy to
a validated order only ever moves it towards review, never away from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.capture.domain.order import Problem, ProblemCode, shown_under
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Decision


@dataclass(frozen=True)
class DecisionPolicy:
    min_confidence: float = 0.5  # below it nothing is accepted untouched
    always_review: bool = False  # every order waits for a clerk (a new or difficult account)
    review_new_customers: bool = False  # a customer's first order waits for a clerk

    def merged(self, values: dict[str, object] | None) -> DecisionPolicy:
        given = values or {}
        return DecisionPolicy(
            min_confidence=float(str(given.get("min_confidence", self.min_confidence))),
            always_review=bool(given.get("always_review", self.always_review)),
            review_new_customers=bool(given.get("review_new_customers", self.review_new_customers)),
        )


def resolve_policy(
    settings: dict[str, dict[str, object]], channel: str | None, customer_id: str | None
) -> DecisionPolicy:
    """The policy for an order: defaults, then its channel's settings, then its customer's."""
    policy = DecisionPolicy().merged(settings.get("default"))
    if channel:
        policy = policy.merged(settings.get(f"channel:{channel}"))
    if customer_id:
        policy = policy.merged(settings.get(f"customer:{customer_id}"))
    return policy


def apply_policy(resolved: ResolvedOrder, policy: DecisionPolicy, *, first_order: bool) -> ResolvedOrder:
    """Add the problems the policy raises for an order the checks would accept."""
    if resolved.decision is not Decision.ACCEPT:
        return resolved
    extra: list[Problem] = []
    if resolved.confidence < policy.min_confidence:
        extra.append(
            Problem(
                ProblemCode.LOW_CONFIDENCE,
                f"overall confidence {shown_under(resolved.confidence, policy.min_confidence)}"
                " is below this order's threshold"
                f" {policy.min_confidence:.2f}",
            )
        )
    if policy.always_review:
        extra.append(Problem(ProblemCode.POLICY_REVIEW, "the decision policy says: review every order"))
    if policy.review_new_customers and first_order:
        extra.append(
            Problem(
                ProblemCode.NEW_CUSTOMER, "the customer's first order: the policy says a person looks first"
            )
        )
    if not extra:
        return resolved
    return replace(resolved, problems=resolved.problems + tuple(extra), decision=Decision.REVIEW)

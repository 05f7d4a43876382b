"""Whether an interchange's sender may place the order it carries: a configured trading partner, writing
in a syntax its agreement allows, for a buyer it may speak for.  An order failing this goes to review and
nothing is answered to the sender (docs/edifact.md, "Trading partners")."""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.order import Problem, ProblemCode
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Customer, Decision, Partner


def known_partner(receipt: InterchangeReceipt, partner: Partner | None) -> Partner | None:
    """The configured partner this interchange comes from (its UNB sender id and qualifier), or None."""
    if partner is None or not partner.configured or partner.partner_id != receipt.sender_id:
        return None
    if partner.qualifier and partner.qualifier != receipt.sender_qualifier:
        return None
    return partner


def partner_problems(
    receipt: InterchangeReceipt, partner: Partner | None, customer: Customer | None
) -> list[Problem]:
    """What stops this sender placing an order for `customer` (the buyer the order resolved to)."""
    sender = f"{receipt.sender_id[:70]!r} (qualifier {receipt.sender_qualifier[:8]!r})"
    known = known_partner(receipt, partner)
    if known is None:
        return [Problem(ProblemCode.UNKNOWN_PARTNER, f"UNB sender {sender} is no configured trading partner")]
    if not known.accepts_syntax(receipt.syntax_id):
        return [
            Problem(
                ProblemCode.PARTNER_NOT_AUTHORISED,
                f"partner {sender} wrote in syntax {receipt.syntax_id[:8]!r}; its agreement allows"
                f" {known.syntax_ids or 'none'}",
            )
        ]
    if customer is not None and not known.speaks_for(customer):
        return [
            Problem(
                ProblemCode.PARTNER_NOT_AUTHORISED,
                f"partner {sender} may not order for customer {customer.customer_id}",
                field="buyer",
            )
        ]
    return []


def held_for_partner(resolved: ResolvedOrder, problems: list[Problem]) -> ResolvedOrder:
    """The order with the partner's problems added, sent to review when there are any."""
    if not problems:
        return resolved
    return replace(resolved, problems=resolved.problems + tuple(problems), decision=Decision.REVIEW)

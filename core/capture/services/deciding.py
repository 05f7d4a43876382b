"""One captured order to a decision, the same way on arrival and on replay: the channel's facts, master-data
resolution and validation, then the decision policy; for EDIFACT also whether its sender is a partner
that may place it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from core.capture.domain.documents import Channel, DocumentRecord
from core.capture.domain.interchange import InterchangeReceipt
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.order_numbers import prefix
from core.capture.domain.partners import held_for_partner, partner_problems
from core.capture.domain.policy import apply_policy, resolve_policy
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.duplicates import DuplicateIndex
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.model import Partner

Validator = Callable[[CapturedOrder, MasterData, date], ResolvedOrder]


def decide(
    record: DocumentRecord,
    captured: CapturedOrder,
    validate: Validator,
    master: MasterData,
    policies: dict[str, dict[str, object]],
    seen: DuplicateIndex,
    now: datetime,
) -> ResolvedOrder:
    """Validate one captured order from `record` and apply the decision policy (duplicates aside)."""
    resolved = resolve(record, captured, validate, master, now)
    resolved = settle_prefix(resolved, seen, lambda again: resolve(record, again, validate, master, now))
    return judge(record, resolved, policies, seen)


def resolve(
    record: DocumentRecord, captured: CapturedOrder, validate: Validator, master: MasterData, now: datetime
) -> ResolvedOrder:
    """One captured order from `record` resolved against master data and validated: who it is from is
    known from here on, nothing is decided yet."""
    if record.channel == Channel.FAX and record.sender:  # the fax server's number beats OCR
        captured = replace(captured, buyer=replace(captured.buyer, fax=record.sender))
    return validate(captured, master, now.date())


def settle_prefix(
    resolved: ResolvedOrder, seen: DuplicateIndex, again: Callable[[CapturedOrder], ResolvedOrder]
) -> ResolvedOrder:
    """A faxed order number held only for a letter of its prefix the fax may have opened or closed
    (`ProblemCode.PREFIX_LETTER`, "PC-" perhaps PO-): validated `again` without that hold when the
    customer's accepted earlier orders make its format the customer's own
    (`DuplicateIndex.usual_format`), noted on the order; else it waits, the clerk told why. The
    number's own reading is judged as before: read unsure, it waits on that."""
    captured, number, customer = resolved.captured, resolved.captured.po_number, resolved.customer_id
    if not number or not customer or not any(p.code is ProblemCode.PREFIX_LETTER for p in captured.problems):
        return resolved
    head = prefix(number)
    if seen.usual_format(customer, number):
        known = Problem(
            ProblemCode.PREFIX_LETTER,
            f"order number prefix {head}: this customer's own, as its earlier accepted orders show",
            field="po_number",
            severity=Severity.INFO,
        )
        rest = tuple(p for p in captured.problems if p.code is not ProblemCode.PREFIX_LETTER)
        return again(replace(captured, problems=(*rest, known)))
    waits = Problem(
        ProblemCode.PREFIX_LETTER,
        f"order number prefix {head or number}: not yet seen from this customer (a fax may read a usual"
        " prefix so, an O broken open or a C closed); confirm the number against the document",
        field="po_number",
    )
    problems = tuple(waits if p.code is ProblemCode.PREFIX_LETTER else p for p in resolved.problems)
    return replace(resolved, problems=problems)


def judge(
    record: DocumentRecord,
    resolved: ResolvedOrder,
    policies: dict[str, dict[str, object]],
    seen: DuplicateIndex,
) -> ResolvedOrder:
    """The decision policy applied to a resolved order (duplicates aside): the channel's and the
    customer's rules, and whether the customer ordered before."""
    policy = resolve_policy(policies, str(record.channel), resolved.customer_id)
    return apply_policy(resolved, policy, first_order=seen.first_order(resolved.customer_id))


def checked_partner(
    uow: CaptureUnitOfWork,
    receipt: InterchangeReceipt,
    resolved: ResolvedOrder,
    partners: dict[str, Partner | None],
) -> ResolvedOrder:
    """The order held for review when its interchange's sender is no partner, or none for its buyer.

    `partners` remembers the senders read in this unit of work: the session's identity map holds a
    partner only while something else does, so without it each order of an interchange read its
    sender's row again (a thousand-message interchange: a thousand `SELECT`s of one row).
    """
    if receipt.sender_id not in partners:
        partners[receipt.sender_id] = uow.partners.get(receipt.sender_id)
    partner = partners[receipt.sender_id]
    customer = uow.master.customer(resolved.customer_id) if resolved.customer_id else None
    return held_for_partner(resolved, partner_problems(receipt, partner, customer))

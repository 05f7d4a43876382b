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
from core.capture.domain.order_numbers import prefix, shape, usual_format, usual_kinds, usual_slashes
from core.capture.domain.partners import held_for_partner, partner_problems
from core.capture.domain.policy import apply_policy, resolve_policy
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.duplicates import DuplicateIndex, FormatRule
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
    """A faxed order number held only for what the customer's own format may settle: a letter of its
    prefix the fax may have opened or closed (`ProblemCode.PREFIX_LETTER`, "PC-" perhaps PO-), a
    slash that may be a 7 whose bar the fax lost (`ProblemCode.SLASH_OR_SEVEN`, "26/04090" perhaps
    26704090), or a character where its letters and figures meet that looks like both
    (`ProblemCode.LETTER_OR_FIGURE`, "PC26088411" perhaps PCZ6088411). Each hold is lifted, noted on
    the order, when the customer's accepted earlier orders make the number's format its own by the
    hold's rule (`DuplicateIndex.usual_format`), and the order validated `again` without the holds
    lifted; else it waits, the clerk told why. The number's own reading is judged as before: read
    unsure, it waits on that."""
    captured, number, customer = resolved.captured, resolved.captured.po_number, resolved.customer_id
    held = {p.code for p in captured.problems if p.code in _HOLDS}
    if not number or not customer or not held:
        return resolved
    lifted = {code for code in held if seen.usual_format(customer, number, _HOLDS[code][0])}
    if lifted:
        rest = tuple(p for p in captured.problems if p.code not in lifted)
        known = tuple(
            Problem(code, _HOLDS[code][1](number), field="po_number", severity=Severity.INFO)
            for code in sorted(lifted, key=lambda c: c.value)
        )
        resolved = again(replace(captured, problems=(*rest, *known)))
    waits = {code: Problem(code, _HOLDS[code][2](number), field="po_number") for code in held - lifted}
    if not waits:
        return resolved
    problems = tuple(waits.get(p.code, p) for p in resolved.problems)
    return replace(resolved, problems=problems)


def _prefix_known(number: str) -> str:
    return f"order number prefix {prefix(number)}: this customer's own, as its earlier accepted orders show"


def _prefix_waits(number: str) -> str:
    return (
        f"order number prefix {prefix(number) or number}: not yet seen from this customer (a fax may read"
        " a usual prefix so, an O broken open or a C closed); confirm the number against the document"
    )


def _slash_known(number: str) -> str:
    return (
        f"order number {number}: numbered with slashes so ({shape(number)}) as this customer's earlier"
        " accepted orders are"
    )


def _slash_waits(number: str) -> str:
    return (
        f"order number {number}: a slash in it may be a 7 whose bar the fax lost, and this customer's"
        f" earlier accepted orders are not numbered {shape(number)}; confirm the number against the document"
    )


def _kinds_known(number: str) -> str:
    return (
        f"order number {number}: letters and figures so ({shape(number)}) as this customer's earlier"
        " accepted orders are"
    )


def _kinds_waits(number: str) -> str:
    return (
        f"order number {number}: a character where its letters and figures meet may be either (a 2 or a Z,"
        f" a 0 or an O), and this customer's earlier accepted orders are not numbered {shape(number)};"
        " confirm the number against the document"
    )


# each hold a customer's own format may settle: the rule asked of its earlier numbers, the note when it
# does, the reason it waits when not
_HOLDS: dict[ProblemCode, tuple[FormatRule, Callable[[str], str], Callable[[str], str]]] = {
    ProblemCode.PREFIX_LETTER: (usual_format, _prefix_known, _prefix_waits),
    ProblemCode.SLASH_OR_SEVEN: (usual_slashes, _slash_known, _slash_waits),
    ProblemCode.LETTER_OR_FIGURE: (usual_kinds, _kinds_known, _kinds_waits),
}


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

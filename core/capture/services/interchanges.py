"""EDIFACT interchange bookkeeping: duplicates by sender and control reference, and which CONTRL is owed.

Policy, so that what we answer matches what we did:
- An interchange whose sender and control reference were taken before is a duplicate: none of its
  orders are taken again, and the CONTRL (when one is asked for) rejects it with syntax error 26.
- An interchange is recorded as taken when orders came from it, or when it was faultless. One that
  yielded nothing because of faults is not recorded, so the partner's corrected re-send under the
  same reference is read.
- When orders were taken despite faults in the envelope (a missing UNZ, a wrong UNZ count), the CONTRL
  acknowledges the interchange (UCI 7): saying "rejected" would make the partner send the orders
  again. The faults stay on record in the document's and orders' problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from core.capture.domain.interchange import InterchangeReceipt, SyntaxFault
from core.capture.domain.order import Problem, ProblemCode, Severity
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.errors import TransientError

DUPLICATE_DETECTED = "26"  # data element 0085
UNB_CONTROL_REF = 6  # position of 0020 in UNB as 0098 counts (tag = 1)


@dataclass
class Screening:
    """Which interchanges of a document are duplicates, and what that means for it."""

    duplicates: dict[int, int] = field(default_factory=dict)  # receipt index -> document that had it
    problems: list[Problem] = field(default_factory=list)


def screen(uow: CaptureUnitOfWork, receipts: tuple[InterchangeReceipt, ...], document_id: int) -> Screening:
    result = Screening()
    for i, receipt in enumerate(receipts):
        earlier = uow.interchanges.seen_in(receipt.sender_id, receipt.control_ref)
        if earlier is None or earlier == document_id:
            continue
        result.duplicates[i] = earlier
        result.problems.append(
            Problem(
                ProblemCode.DUPLICATE_INTERCHANGE,
                f"interchange {receipt.control_ref} from {receipt.sender_id} was already taken in document"
                f" {earlier}; its orders are not taken again",
                severity=Severity.INFO,
            )
        )
    return result


def record_taken(
    uow: CaptureUnitOfWork,
    receipts: tuple[InterchangeReceipt, ...],
    screening: Screening,
    taken: dict[int, int],
    document_id: int,
    now: datetime,
) -> None:
    """Record the interchanges this document took; a lost race means a concurrent duplicate."""
    for i, receipt in enumerate(receipts):
        if i in screening.duplicates or not (taken.get(i) or receipt.accepted):
            continue
        if not uow.interchanges.claim(receipt.sender_id, receipt.control_ref, document_id, now):
            raise TransientError(
                f"interchange {receipt.control_ref} from {receipt.sender_id} was taken concurrently"
            )


def contrl_receipts(
    receipts: tuple[InterchangeReceipt, ...], screening: Screening, taken: dict[int, int]
) -> list[InterchangeReceipt]:
    """The receipts to answer with a CONTRL, adjusted so the answer says what we did."""
    owed: list[InterchangeReceipt] = []
    for i, receipt in enumerate(receipts):
        if not receipt.wants_contrl or all(m.type == "CONTRL" for m in receipt.messages):
            continue  # a CONTRL is never answered with a CONTRL
        if i in screening.duplicates:
            fault = SyntaxFault(DUPLICATE_DETECTED, "duplicate interchange", "UNB", None, UNB_CONTROL_REF)
            owed.append(replace(receipt, faults=(*receipt.faults, fault)))
        elif taken.get(i):
            owed.append(replace(receipt, faults=()))
        else:
            owed.append(receipt)
    return owed

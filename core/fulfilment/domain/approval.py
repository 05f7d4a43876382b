"""The verdict of the credit/payment step between acceptance and allocation; whoever decides it (an
`ApprovalPolicy`, billing's in the wired app) answers with an `Approval`."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verdict(enum.StrEnum):
    APPROVE = "approve"
    HOLD = "hold"  # e.g. over the credit limit: a supervisor decides
    REJECT = "reject"  # e.g. the card was declined for good
    WAIT = "wait"  # not yet: e.g. the card authorisation is on its way; asked again when it answers


@dataclass(frozen=True)
class Approval:
    verdict: Verdict
    reason: str

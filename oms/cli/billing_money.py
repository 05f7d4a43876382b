"""`oms billing` steps of money out or given up: writing an invoice off, and the approvals a second
supervisor gives above the threshold (`OMS_SECOND_APPROVAL_ABOVE`).  Refused to anyone who is no
supervisor: the billing service checks the `--actor` named."""

from __future__ import annotations

import argparse

from core.billing.domain.approvals import MoneyApproval
from core.billing.domain.invoicing import Invoice
from oms.bootstrap import App
from oms.cli.common import step


def waiting(done: object) -> bool:
    """Say so when a money step waits for a second supervisor's approval."""
    if isinstance(done, MoneyApproval):
        print(
            f"{done.step} of {done.amount} {done.currency} ({done.subject}) waits for a second"
            f" supervisor: oms billing approve {done.id} --actor NAME"
        )
    return isinstance(done, MoneyApproval)


def write_off(app: App, args: argparse.Namespace) -> int:
    done = step(app, lambda: app.billing.service.write_off(args.code, args.reason, args.actor))
    if not waiting(done):
        assert isinstance(done, Invoice)
        print(f"{done.code} written off by {args.actor}: {done.state}")
    return 0


def approvals(app: App, args: argparse.Namespace) -> int:
    app.upgrade_database()
    for a in app.billing.service.approvals(pending_only=not args.all):
        by = f", approved by {a.approved_by}" if a.approved_by else ""
        print(
            f"{a.id:>5} {a.step:<17} {a.subject:<16} {a.amount:>12} {a.currency} {a.state}:"
            f" asked by {a.requested_by}{by}"
        )
    return 0


def approve(app: App, args: argparse.Namespace) -> int:
    done = step(app, lambda: app.billing.service.approve(args.approval, args.actor))
    print(
        f"{done.step} of {done.amount} {done.currency} ({done.subject}):"
        f" asked by {done.requested_by}, approved by {done.approved_by}"
    )
    return 0

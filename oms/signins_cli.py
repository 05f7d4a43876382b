"""`oms user unlock NAME`: release an account locked after failed sign-ins, from the command line."""

from __future__ import annotations

import getpass

from core.kernel.services import signins
from oms.bootstrap import App, utcnow


def unlock_user(app: App, username: str) -> None:
    """The unlock is recorded with the operating-system user who ran the command."""
    signins.unlock(app.uow(), username, f"cli:{getpass.getuser()}", utcnow())
    print(f"user {signins.account_name(username)} unlocked")

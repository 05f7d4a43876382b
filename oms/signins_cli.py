"""Who acts from the command line: `oms user unlock NAME`, and the supervisor a command names with
`--actor` (it must be a real, active user whose role allows the step; any other text is refused)."""

from __future__ import annotations

import getpass

from core.kernel.domain.users import Role
from core.kernel.errors import ComandaError
from core.kernel.services import signins
from oms.bootstrap import App, utcnow


def unlock_user(app: App, username: str) -> None:
    """The unlock is recorded with the operating-system user who ran the command."""
    signins.unlock(app.uow(), username, f"cli:{getpass.getuser()}", utcnow())
    print(f"user {signins.account_name(username)} unlocked")


def supervisor_named(app: App, actor: str) -> str:
    """The user name of an active supervisor (or admin) called `actor`; ComandaError for anyone else."""
    with app.uow() as uow:
        user = uow.users.by_name(signins.account_name(actor))
        if user is None or not user.active or not user.role.allows(Role.SUPERVISOR):
            raise ComandaError(f"{actor!r} is no active supervisor: only a supervisor may do this")
        return user.username

"""The first run: an installation without users gets one administrator, `admin`, and until somebody has
signed in the login page says where that password went."""

from __future__ import annotations

import secrets
from datetime import datetime

from core.kernel.domain.signins import Kind, Outcome
from core.kernel.domain.users import Role
from core.kernel.services import auth
from core.kernel.services.unit_of_work import UnitOfWork

FIRST_ADMIN = "admin"


def new_password() -> str:
    """A random password well above the minimum length, easy to copy from a console."""
    return secrets.token_urlsafe(15)


def create_first_admin(uow: UnitOfWork, password: str, now: datetime) -> bool:
    """Create `admin` with `password` when there is no user at all; False when there was one already
    (or another process made the first user at the same moment)."""
    if len(password) < auth.MIN_PASSWORD:
        raise auth.AuthError(f"OMS_ADMIN_PASSWORD needs at least {auth.MIN_PASSWORD} characters")
    with uow:
        if uow.users.count() > 0:
            return False
    try:
        auth.create_user(uow, FIRST_ADMIN, password, Role.ADMIN, now, display_name="Administrator")
    except auth.AuthError:  # the name and password are good, so only a race: somebody made it first
        return False
    return True


def awaiting_first_sign_in(uow: UnitOfWork) -> bool:
    """True while `admin` exists and nobody has ever signed in with a password."""
    with uow:
        if uow.users.by_name(FIRST_ADMIN) is None:
            return False
        users = uow.users.all()
        return not any(
            attempt.kind is Kind.PASSWORD and attempt.outcome is Outcome.OK
            for user in users
            for attempt in uow.users.attempts_of(user.username, limit=1000)
        )

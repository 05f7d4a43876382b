"""Users of the web pages and the API, their roles and what each role may do, API tokens and browser
sessions; every area's pages and routes sign in through them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Role(enum.StrEnum):
    """Roles in increasing power: a buyer can do what a clerk can and also buy (plan, approve, edit,
    drop and send purchase orders, decide suppliers' invoices); a supervisor what a buyer can; an
    admin everything."""

    CLERK = "clerk"
    BUYER = "buyer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return [Role.CLERK, Role.BUYER, Role.SUPERVISOR, Role.ADMIN].index(self)

    def allows(self, needed: Role | str) -> bool:
        return self.rank >= Role(needed).rank


@dataclass(eq=False)
class User:
    username: str
    role: Role
    password_hash: str
    created_at: datetime
    display_name: str | None = None
    active: bool = True
    id: int | None = None


@dataclass(eq=False)
class ApiToken:
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    user_id: int
    name: str
    token_hash: str
    created_at: datetime
    last_used_at: datetime | None = None
    revoked: bool = False
    id: int | None = None


@dataclass(eq=False)
class WebSession:
    """A logged-in browser: the cookie carries a random token, the row its SHA-256 and CSRF secret."""

    token_hash: str
    user_id: int
    csrf_token: str
    created_at: datetime
    expires_at: datetime

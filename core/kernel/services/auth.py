"""Users, passwords (Argon2id), browser sessions with CSRF secrets, and API tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.kernel.domain.signins import Kind, LoginPolicy, Outcome
from core.kernel.domain.users import ApiToken, Role, User, WebSession
from core.kernel.errors import ComandaError
from core.kernel.services import signins
from core.kernel.services.unit_of_work import UnitOfWork

SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD = 10
_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
# verifying against this when the user does not exist keeps the response time the same
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class AuthError(ComandaError):
    """A login, session or token was refused."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password needs at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def create_user(
    uow: UnitOfWork, username: str, password: str, role: Role, now: datetime, display_name: str | None = None
) -> User:
    username = username.strip().lower()
    if not username or len(username) > 64 or not username.replace(".", "").replace("-", "").isalnum():
        raise AuthError("a user name is 1-64 letters, digits, '.' or '-'")
    with uow:
        if uow.users.by_name(username) is not None:
            raise AuthError(f"user {username!r} exists already")
        user = User(username, role, hash_password(password), now, display_name=display_name)
        uow.users.add(user)
        uow.commit()
    return user


@dataclass(frozen=True)
class Login:
    token: str  # goes into the cookie; only its digest is stored
    csrf_token: str
    user: User


def login(
    uow: UnitOfWork,
    username: str,
    password: str,
    now: datetime,
    *,
    address: str | None = None,
    policy: LoginPolicy = signins.DEFAULT_POLICY,
) -> Login:
    """Check the password and open a session; the same error whether the user or the password is wrong.

    Too many failures for the account or from the address refuse the attempt unseen (SignInRefused);
    every attempt is recorded, so the throttle holds across processes and a supervisor can see it."""
    name = signins.account_name(username)
    with uow:
        signins.check(uow, Kind.PASSWORD, name, address, now, policy)
        user = uow.users.by_name(name)
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
            if user is None or not user.active:
                raise VerificationError()
        except (VerificationError, InvalidHashError):
            signins.record(uow, now, Kind.PASSWORD, Outcome.WRONG, name, address)
            uow.commit()
            raise AuthError("user name or password is wrong") from None
        assert user.id is not None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        uow.users.purge_sessions(now)
        uow.users.add(WebSession(digest(token), user.id, csrf, now, now + SESSION_LIFETIME))
        signins.record(uow, now, Kind.PASSWORD, Outcome.OK, name, address)
        uow.commit()
        return Login(token, csrf, user)


def session_user(uow: UnitOfWork, token: str, now: datetime) -> tuple[User, WebSession] | None:
    """The user and session behind a session cookie, if it is valid and unexpired."""
    web = uow.users.web_session(digest(token))
    if web is None or web.expires_at <= now:
        return None
    user = uow.users.get(web.user_id)
    if user is None or not user.active:
        return None
    return user, web


def logout(uow: UnitOfWork, token: str) -> None:
    with uow:
        uow.users.end_session(digest(token))
        uow.commit()


def create_api_token(uow: UnitOfWork, username: str, name: str, now: datetime) -> str:
    """A new bearer token for the user; shown once, stored as its digest."""
    token = "oms_" + secrets.token_urlsafe(32)
    with uow:
        user = uow.users.by_name(username.strip().lower())
        if user is None or user.id is None:
            raise AuthError(f"no user {username!r}")
        uow.users.add(ApiToken(user.id, name, digest(token), now))
        uow.commit()
    return token


def token_user(
    uow: UnitOfWork,
    token: str,
    now: datetime,
    *,
    address: str | None = None,
    policy: LoginPolicy = signins.DEFAULT_POLICY,
) -> User | None:
    """The user behind a bearer token; an unknown token counts as a failure of the client address,
    and an address with too many of them is refused (SignInRefused) before the token is looked at."""
    signins.check(uow, Kind.TOKEN, None, address, now, policy)
    found = uow.users.token(digest(token))
    user = uow.users.get(found.user_id) if found is not None else None
    if found is None or user is None or not user.active:
        signins.record(uow, now, Kind.TOKEN, Outcome.WRONG, None, address)
        return None
    found.last_used_at = now
    return user


def csrf_ok(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())

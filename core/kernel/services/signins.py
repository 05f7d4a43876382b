"""The sign-in throttle as a service: judge an attempt before any secret is checked, record what came
of it, unlock an account, and list what a supervisor should see."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from core.kernel.domain.signins import (
    Kind,
    LoginPolicy,
    Outcome,
    SignInAttempt,
    Verdict,
    account_verdict,
    address_verdict,
    is_locked,
)
from core.kernel.errors import ComandaError, NotFound
from core.kernel.services.unit_of_work import UnitOfWork

DEFAULT_POLICY = LoginPolicy()
log = logging.getLogger(__name__)


class SignInRefused(ComandaError):
    """Too many failed sign-ins: refused without looking at the password or token."""

    def __init__(self, verdict: Verdict, now: datetime) -> None:
        assert verdict.until is not None
        self.until = verdict.until
        self.retry_after = max(1, int((verdict.until - now).total_seconds() + 0.999))
        if verdict.outcome is Outcome.LOCKED:
            text = (
                "this account is locked after repeated failed sign-ins until "
                f"{verdict.until:%H:%M} UTC, or until a supervisor unlocks it"
            )
        else:
            text = f"too many failed sign-ins: try again in {self.retry_after} s"
        super().__init__(text)


def account_name(username: str) -> str:
    return username.strip().lower()[:64]


def judge(
    uow: UnitOfWork, username: str | None, address: str | None, now: datetime, policy: LoginPolicy
) -> Verdict:
    """The address first (it guards every account), then the account."""
    if address:
        verdict = address_verdict(uow.users.failures_from(address, now - policy.lock), now, policy)
        if not verdict.allowed:
            return verdict
    if username is not None:
        return account_verdict(uow.users.attempts_of(username), now, policy)
    return Verdict(Outcome.OK)


def record(
    uow: UnitOfWork,
    now: datetime,
    kind: Kind,
    outcome: Outcome,
    username: str | None = None,
    address: str | None = None,
    actor: str | None = None,
) -> None:
    address = address[:64] if address else None
    if outcome is not Outcome.OK:  # the log too, for whoever watches it (fail2ban, a SIEM)
        log.warning("sign-in %s %s: account %r, address %s, by %s", kind, outcome, username, address, actor)
    uow.users.add(SignInAttempt(now, kind, outcome, username, address, actor))


def check(
    uow: UnitOfWork, kind: Kind, username: str | None, address: str | None, now: datetime, policy: LoginPolicy
) -> None:
    """Refuse (and record the refusal, committed) when the throttle says not now."""
    verdict = judge(uow, username, address, now, policy)
    if not verdict.allowed:
        record(uow, now, kind, verdict.outcome, username, address)
        uow.commit()
        raise SignInRefused(verdict, now)


def unlock(uow: UnitOfWork, username: str, actor: str, now: datetime) -> None:
    """A supervisor releases the account: its failures so far no longer count."""
    name = account_name(username)
    with uow:
        if uow.users.by_name(name) is None:
            raise NotFound(f"no user {username!r}")
        record(uow, now, Kind.UNLOCK, Outcome.UNLOCKED, name, actor=actor)
        uow.commit()


@dataclass(frozen=True)
class SignInReport:
    attempts: list[SignInAttempt]  # failed, refused and unlocks, newest first
    locked: dict[str, datetime]  # account -> locked until


def report(uow: UnitOfWork, since: datetime, now: datetime, policy: LoginPolicy) -> SignInReport:
    with uow:
        attempts = list(uow.users.recent_attempts(since))
        names = {a.username for a in attempts if a.username and a.at > now - policy.lock}
        locked = {}
        for name in sorted(names):
            until = is_locked(uow.users.attempts_of(name), now, policy)
            if until is not None:
                locked[name] = until
        return SignInReport(attempts, locked)

"""Sign-in attempts and the throttle over them: growing delays per account and per client address,
and an account locked after repeated failures until the lock runs out or a supervisor unlocks it.

Everything is decided from the stored attempts and an injected `now`, so the same rules hold for
every web process and every test runs without sleeping.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


class Outcome(enum.StrEnum):
    OK = "ok"
    WRONG = "wrong"  # a wrong password or an unknown token: the only outcome that counts towards a lock
    THROTTLED = "throttled"  # refused unseen: too soon after the last failure
    LOCKED = "locked"  # refused unseen: the account is locked
    UNLOCKED = "unlocked"  # a supervisor released the account


class Kind(enum.StrEnum):
    PASSWORD = "password"  # noqa: S105 - the kind of attempt, not a secret
    TOKEN = "token"  # noqa: S105 - the kind of attempt, not a secret
    UNLOCK = "unlock"


@dataclass(eq=False)
class SignInAttempt:
    at: datetime
    kind: Kind
    outcome: Outcome
    username: str | None = None  # as typed (lower-cased, cut to 64), whether or not such a user exists
    address: str | None = None  # the client's address as the server saw it
    actor: str | None = None  # who unlocked
    id: int | None = None


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int = 5  # failures in a row that lock an account
    lock: timedelta = timedelta(minutes=15)  # how long a lock lasts; also the window an address is judged on
    free_failures: int = 2  # failures before any delay
    max_delay: timedelta = timedelta(minutes=5)

    def delay(self, failures: int) -> timedelta:
        """The wait after `failures` failures: none for the first few, then 1 s, 2 s, 4 s … up to the cap."""
        if failures <= self.free_failures:
            return timedelta(0)
        return min(timedelta(seconds=2 ** min(failures - self.free_failures - 1, 20)), self.max_delay)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome  # OK: go ahead and check the secret; THROTTLED or LOCKED: refuse unseen
    until: datetime | None = None

    @property
    def allowed(self) -> bool:
        return self.outcome is Outcome.OK


ALLOWED = Verdict(Outcome.OK)


def _failures(attempts: Iterable[SignInAttempt], reset: bool) -> list[SignInAttempt]:
    """The failures, newest first; with `reset`, only those since the last success or unlock."""
    out: list[SignInAttempt] = []
    for attempt in sorted(attempts, key=lambda a: a.at, reverse=True):
        if reset and attempt.outcome in (Outcome.OK, Outcome.UNLOCKED):
            break
        if attempt.outcome is Outcome.WRONG:
            out.append(attempt)
    return out


def account_verdict(attempts: Iterable[SignInAttempt], now: datetime, policy: LoginPolicy) -> Verdict:
    """May this account try now? `attempts` are its recent ones (any order)."""
    failures = _failures(attempts, reset=True)
    if not failures:
        return ALLOWED
    last = failures[0].at
    if len(failures) >= policy.max_failures and now < last + policy.lock:
        return Verdict(Outcome.LOCKED, last + policy.lock)
    wait_until = last + policy.delay(len(failures))
    return Verdict(Outcome.THROTTLED, wait_until) if now < wait_until else ALLOWED


def address_verdict(attempts: Iterable[SignInAttempt], now: datetime, policy: LoginPolicy) -> Verdict:
    """May this client address try now? A success does not wipe its record: an attacker owning one
    account could otherwise keep guessing others; only failures within the lock window count."""
    failures = [a for a in _failures(attempts, reset=False) if a.at > now - policy.lock]
    if not failures:
        return ALLOWED
    wait_until = failures[0].at + policy.delay(len(failures))
    return Verdict(Outcome.THROTTLED, wait_until) if now < wait_until else ALLOWED


def is_locked(attempts: Iterable[SignInAttempt], now: datetime, policy: LoginPolicy) -> datetime | None:
    """Until when the account is locked, or None."""
    verdict = account_verdict(attempts, now, policy)
    return verdict.until if verdict.outcome is Outcome.LOCKED else None

"""The sign-in throttle's rules, as the business states them, on a hand-made history of attempts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.kernel.domain.signins import (
    Kind,
    LoginPolicy,
    Outcome,
    SignInAttempt,
    account_verdict,
    address_verdict,
)

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
POLICY = LoginPolicy(max_failures=5, lock=timedelta(minutes=15))
S = timedelta(seconds=1)


def wrong(at: datetime, user: str = "ana", address: str = "10.0.0.1") -> SignInAttempt:
    return SignInAttempt(at, Kind.PASSWORD, Outcome.WRONG, user, address)


def test_the_first_two_failures_cost_nothing_then_the_wait_doubles() -> None:
    history = [wrong(T0)]
    assert account_verdict(history, T0, POLICY).allowed
    history.append(wrong(T0))
    assert account_verdict(history, T0, POLICY).allowed
    history.append(wrong(T0))  # the third: one second
    assert account_verdict(history, T0, POLICY).outcome is Outcome.THROTTLED
    assert account_verdict(history, T0 + S, POLICY).allowed
    history.append(wrong(T0 + S))  # the fourth: two seconds
    assert account_verdict(history, T0 + 2 * S, POLICY).outcome is Outcome.THROTTLED
    assert account_verdict(history, T0 + 3 * S, POLICY).allowed


def test_five_failures_in_a_row_lock_the_account_for_fifteen_minutes() -> None:
    history = [wrong(T0 + n * 10 * S) for n in range(5)]  # the last at 09:00:40
    verdict = account_verdict(history, T0 + 41 * S, POLICY)
    assert verdict.outcome is Outcome.LOCKED
    assert verdict.until == datetime(2026, 12, 3, 9, 15, 40, tzinfo=UTC)
    assert account_verdict(history, datetime(2026, 12, 3, 9, 15, 39, tzinfo=UTC), POLICY).outcome is (
        Outcome.LOCKED
    )
    assert account_verdict(history, datetime(2026, 12, 3, 9, 15, 40, tzinfo=UTC), POLICY).allowed
    assert account_verdict(history[:4], T0 + 41 * S, POLICY).outcome is not Outcome.LOCKED


def test_one_more_failure_after_a_lock_ran_out_locks_again() -> None:
    history = [wrong(T0 + n * 10 * S) for n in range(5)]
    again = T0 + timedelta(minutes=20)
    history.append(wrong(again))
    assert account_verdict(history, again + S, POLICY).until == again + timedelta(minutes=15)


def test_a_success_or_an_unlock_starts_the_count_again() -> None:
    four = [wrong(T0 + n * 10 * S) for n in range(4)]
    ok = SignInAttempt(T0 + 60 * S, Kind.PASSWORD, Outcome.OK, "ana", "10.0.0.1")
    one_more = wrong(T0 + 70 * S)
    assert account_verdict([*four, ok, one_more], T0 + 71 * S, POLICY).allowed
    five = [wrong(T0 + n * 10 * S) for n in range(5)]
    unlocked = SignInAttempt(T0 + 50 * S, Kind.UNLOCK, Outcome.UNLOCKED, "ana", actor="marta")
    assert account_verdict([*five, unlocked], T0 + 51 * S, POLICY).allowed


def test_refused_attempts_do_not_stretch_a_lock() -> None:
    history = [wrong(T0 + n * 10 * S) for n in range(5)]
    history += [
        SignInAttempt(T0 + timedelta(minutes=m), Kind.PASSWORD, Outcome.LOCKED, "ana") for m in range(1, 15)
    ]
    assert account_verdict(history, T0 + timedelta(minutes=16), POLICY).allowed


def test_an_address_guessing_many_accounts_is_slowed_and_a_success_does_not_clear_it() -> None:
    history = [wrong(T0, user=f"user{n}") for n in range(6)]  # six accounts, one failure each
    history.append(SignInAttempt(T0, Kind.PASSWORD, Outcome.OK, "mallory", "10.0.0.1"))
    verdict = address_verdict(history, T0 + S, POLICY)
    assert verdict.outcome is Outcome.THROTTLED and verdict.until == T0 + 8 * S  # six failures: 8 s
    assert address_verdict(history, T0 + 8 * S, POLICY).allowed
    assert all(account_verdict([a], T0 + S, POLICY).allowed for a in history)  # each account: one failure


def test_an_address_is_judged_on_the_last_fifteen_minutes_only() -> None:
    old = [wrong(T0 - timedelta(minutes=16), user=f"u{n}") for n in range(10)]
    assert address_verdict(old, T0, POLICY).allowed


def test_delays_stop_growing_at_five_minutes() -> None:
    assert POLICY.delay(40) == timedelta(minutes=5)
    assert POLICY.delay(3) == timedelta(seconds=1) and POLICY.delay(8) == timedelta(seconds=32)

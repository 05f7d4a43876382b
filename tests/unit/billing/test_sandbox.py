"""The card processor sandbox: test cards that approve, decline or fail, and idempotency keys that
hold across instances (restarts) of the processor."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from core.kernel.errors import GatewayUnavailable, PaymentError
from outbound.payments.sandbox import SandboxProcessor

D = Decimal
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def sandbox(tmp_path: Path) -> SandboxProcessor:
    return SandboxProcessor(tmp_path / "processor.db", clock=lambda: NOW)


def test_only_test_cards_are_taken_and_no_number_is_kept(sandbox: SandboxProcessor, tmp_path: Path) -> None:
    card = sandbox.tokenise("4242 4242 4242 4242", 12, 2030)
    assert (card.brand, card.last4) == ("visa", "4242") and card.token.startswith("tok_")
    for bad in ("4242424242424241", "1234", "4111111111111111"):  # Luhn, length, not a test card
        with pytest.raises(PaymentError):
            sandbox.tokenise(bad, 12, 2030)
    assert b"4242424242424242" not in (tmp_path / "processor.db").read_bytes()


def test_authorise_capture_in_parts_and_refund(sandbox: SandboxProcessor) -> None:
    token = sandbox.tokenise("5555555555554444", 1, 2031).token
    auth = sandbox.authorise(token, D("100.00"), "EUR", idempotency_key="a1")
    assert auth.approved and auth.reference.startswith("auth_")
    first = sandbox.capture(auth.reference, D("60.00"), "EUR", idempotency_key="c1")
    too_much = sandbox.capture(auth.reference, D("40.01"), "EUR", idempotency_key="c2")
    assert first.approved and not too_much.approved and too_much.code == "amount_too_large"
    last = sandbox.capture(auth.reference, D("30.00"), "EUR", idempotency_key="c3", final=True)
    assert last.approved and sandbox.authorisation(auth.reference)["state"] == "captured"  # type: ignore[index]
    assert not sandbox.capture(auth.reference, D("1"), "EUR", idempotency_key="c4").approved  # rest released
    assert not sandbox.refund(auth.reference, D("90.01"), "EUR", idempotency_key="r1").approved
    assert sandbox.refund(auth.reference, D("90.00"), "EUR", idempotency_key="r2").approved
    assert [(m["kind"], m["amount"]) for m in sandbox.movements()] == [
        ("capture", D("60.00")), ("capture", D("30.00")), ("refund", D("90.00")),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        ("4000000000000069", "expired_card"),
    ],
)
def test_declining_cards(sandbox: SandboxProcessor, number: str, code: str) -> None:
    token = sandbox.tokenise(number, 12, 2030).token
    answer = sandbox.authorise(token, D(10), "EUR", idempotency_key=f"k-{number}")
    assert not answer.approved and answer.code == code
    again = sandbox.authorise(token, D(10), "EUR", idempotency_key=f"k-{number}")
    assert again == answer  # a decline is an answer too, remembered under its key


def test_a_card_past_its_expiry_is_declined(sandbox: SandboxProcessor) -> None:
    token = sandbox.tokenise("4242424242424242", 10, 2026).token
    assert sandbox.authorise(token, D(1), "EUR", idempotency_key="old").code == "expired_card"


def test_the_same_key_answers_the_same_across_restarts(sandbox: SandboxProcessor, tmp_path: Path) -> None:
    token = sandbox.tokenise("4242424242424242", 12, 2030).token
    auth = sandbox.authorise(token, D("50.00"), "EUR", idempotency_key="order-1")
    capture = sandbox.capture(auth.reference, D("50.00"), "EUR", idempotency_key="inv-1", final=True)
    restarted = SandboxProcessor(tmp_path / "processor.db", clock=lambda: NOW)
    assert restarted.authorise(token, D("50.00"), "EUR", idempotency_key="order-1") == auth
    assert (
        restarted.capture(auth.reference, D("50.00"), "EUR", idempotency_key="inv-1", final=True) == capture
    )
    assert len(restarted.movements()) == 1
    with pytest.raises(PaymentError, match="used for another request"):
        restarted.capture(auth.reference, D("49.00"), "EUR", idempotency_key="inv-1", final=True)


def test_transient_failure_then_success(sandbox: SandboxProcessor) -> None:
    token = sandbox.tokenise("4000000000000119", 12, 2030).token
    with pytest.raises(GatewayUnavailable, match="nothing was done"):
        sandbox.authorise(token, D(20), "EUR", idempotency_key="t1")
    assert sandbox.movements() == []
    assert sandbox.authorise(token, D(20), "EUR", idempotency_key="t1").approved


def test_a_lost_answer_is_found_again_and_nothing_is_charged_twice(sandbox: SandboxProcessor) -> None:
    token = sandbox.tokenise("4000000000000259", 12, 2030).token
    with pytest.raises(GatewayUnavailable, match="carried out"):
        sandbox.authorise(token, D(20), "EUR", idempotency_key="l1")
    auth = sandbox.authorise(token, D(20), "EUR", idempotency_key="l1")
    with pytest.raises(GatewayUnavailable):
        sandbox.capture(auth.reference, D(20), "EUR", idempotency_key="l2")
    capture = sandbox.capture(auth.reference, D(20), "EUR", idempotency_key="l2")
    assert capture.approved and [m["id"] for m in sandbox.movements()] == [capture.reference]


def test_a_card_whose_captures_are_declined(sandbox: SandboxProcessor) -> None:
    token = sandbox.tokenise("4000000000000341", 12, 2030).token
    auth = sandbox.authorise(token, D(20), "EUR", idempotency_key="x1")
    assert auth.approved
    capture = sandbox.capture(auth.reference, D(20), "EUR", idempotency_key="x2")
    assert not capture.approved and capture.code == "card_declined"
    assert sandbox.void(auth.reference, idempotency_key="x3").approved

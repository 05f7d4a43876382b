"""When one supervisor is enough for money going out and when a second must approve: above the threshold
in the company's currency, and always in another currency (there is no rate to compare with)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.billing.domain.approvals import FourEyes, MoneyApproval, MoneyStep

RULE = FourEyes(above=Decimal("5000"), currency="EUR")


@pytest.mark.parametrize(
    ("amount", "currency", "second"),
    [
        ("0.01", "EUR", False),
        ("5000.00", "EUR", False),  # up to the threshold itself: one supervisor
        ("5000.01", "EUR", True),
        ("5000.01", "eur", True),
        ("10.00", "USD", True),
        ("10.00", "GBP", True),
    ],
)
def test_a_second_supervisor_only_above_the_threshold(amount: str, currency: str, second: bool) -> None:
    assert RULE.needs_second(Decimal(amount), currency) is second


def test_the_books_name_who_asked_and_who_approved() -> None:
    asked = MoneyApproval(
        MoneyStep.WRITE_OFF, "F2026-000001", Decimal("6000"), "EUR", "marta", datetime.now(UTC)
    )
    assert asked.signed == "marta" and "pendiente" in asked.note
    asked.approved_by, asked.id = "sofía", 7
    assert asked.signed == "marta/sofía"
    assert asked.note == "solicitado por marta, aprobado por sofía (aprobación #7)"

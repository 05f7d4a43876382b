"""`oms demo history` twice with the same seed and dates makes the same history: the same counts of
orders, shipments, deliveries, returns and payments, and the same figures in the books.

The job workers run two threads, so the ids and numbers of the invoices a day makes come in whatever
order the threads ran; nothing the history counts may depend on that order.  A transfer for an order's
invoice must therefore settle that invoice (it names it), not whichever of the customer's invoices due
the same day happened to be made first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.billing.adapters.orm import invoices, payment_transactions, settlements
from core.billing.domain.invoicing import document_code
from core.kernel.adapters.orm import orders
from oms.cli.demo import Doors
from oms.cli.demo_history import play_history
from tests.conftest import make_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]
TODAY = datetime(2027, 3, 1, 9, tzinfo=UTC)
# two months, so that the first deliveries are paid (three weeks after delivery)
FIRST, LAST = date(2026, 12, 1), date(2027, 1, 31)


def play(folder: Path) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """One history in its own folder: what it counted and what the books hold; and, per history
    transfer, its bank reference and the invoice it settled."""
    app = make_app(folder, clock=lambda: TODAY)
    try:
        tally = play_history(app.settings, Doors, FIRST, LAST, seed=5, scale=0.35, say=lambda _: None)
    finally:
        app.close()
    app = make_app(folder, clock=lambda: TODAY)
    try:
        with app.engine.connect() as conn:
            one = conn.execute
            figures: dict[str, object] = {
                "orders": tally.orders,
                "reviewed": tally.reviewed,
                "shipments": tally.shipments,
                "delivered": tally.delivered,
                "returns": tally.returns,
                "paid": tally.paid,
                "orders in the database": one(select(func.count()).select_from(orders)).scalar(),
                "invoices": one(select(func.count()).select_from(invoices)).scalar(),
                "invoices owing": one(
                    select(func.count()).select_from(invoices).where(invoices.c.paid < invoices.c.total)
                ).scalar(),
                "receipts": one(select(func.count()).select_from(payment_transactions)).scalar(),
                "settled": one(select(func.sum(settlements.c.amount))).scalar(),
            }
            t, s, i = payment_transactions, settlements, invoices
            settled = one(
                select(t.c.reference, i.c.series, i.c.year, i.c.number)
                .join(s, s.c.transaction_id == t.c.id)
                .join(i, i.c.id == s.c.invoice_id)
                .where(t.c.reference.startswith("history "))
                .order_by(t.c.id, s.c.id)
            ).all()
    finally:
        app.close()
    return figures, [(ref, document_code(series, year, number)) for ref, series, year, number in settled]


def test_the_same_seed_makes_the_same_history_twice(tmp_path: Path) -> None:
    first, first_settled = play(tmp_path / "one")
    second, second_settled = play(tmp_path / "two")
    assert first == second
    assert first["paid"] and first["paid"] == first["receipts"]  # payments were made, each one receipt
    # every transfer settled the invoice its reference names ("history F2026-000042"), and that one only
    for settled in (first_settled, second_settled):
        assert settled and all(ref == f"history {code}" for ref, code in settled), settled
        assert len({ref for ref, _ in settled}) == len(settled)

"""Ageing of receivables and what a return may take back, at their edges, from the rules as an accounts
clerk states them:

- a debt is current until its due date has passed; then 1–30, 31–60, 61–90 and over 90 days late;
- credit nobody applied is taken off the oldest debt first, and the buckets add up to the ledger's balance;
- a statement carries a running balance, debits up and credits down, from the opening balance;
- a return may take back what was shipped of a line less what earlier returns took back, nothing more.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from core.billing.domain.receivables import (
    BUCKETS,
    OpenItem,
    Statement,
    StatementLine,
    age,
    bucket_of,
    running,
)
from core.billing.domain.returns import Resolution, ReturnRequest, returnable

D = Decimal
AS_OF = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("late", "bucket"),
    [(-5, "current"), (0, "current"), (1, "1-30"), (30, "1-30"), (31, "31-60"), (60, "31-60"),
     (61, "61-90"), (90, "61-90"), (91, "90+"), (400, "90+")],
)  # fmt: skip
def test_a_debt_is_aged_by_the_days_since_its_due_date(late: int, bucket: str) -> None:
    assert bucket_of(AS_OF - timedelta(days=late), AS_OF) == bucket


def _item(document: str, days_late: int, open_: str, kind: str = "invoice") -> OpenItem:
    due = AS_OF - timedelta(days=days_late)
    return OpenItem("C-1", document, kind, due - timedelta(days=30), due, D(open_).copy_abs(), D(open_))


def _buckets(*amounts: str) -> dict[str, Decimal]:
    return dict(zip(BUCKETS, (D(a) for a in amounts), strict=True))


def test_a_credit_note_is_taken_off_the_oldest_debt_first() -> None:
    # owed: 100 at 95 days late, 50 at 40 days, 30 not due; a credit note of 120 on account
    items = [_item("F-3", -3, "30"), _item("F-1", 95, "100"), _item("F-2", 40, "50"), _item("R-1", 0, "-120")]
    ageing = age("C-1", items, D(60), AS_OF)  # the ledger: 180 owed less 120 credit
    # 120 clears the 100 over 90 days and 20 of the 50
    assert ageing.buckets == _buckets("30", "0", "30", "0", "0")
    assert sum(ageing.buckets.values()) == ageing.balance == D(60)
    assert ageing.unapplied == 0
    assert [i.document for i in ageing.items] == ["F-1", "F-2", "R-1", "F-3"]  # by due date


def test_an_overpayment_the_documents_do_not_explain_is_unapplied_credit_off_the_oldest_debt() -> None:
    # 100 (45 days late) and 50 (10 days late) open on the documents, but the ledger says 110:
    # 40 was paid without naming a document
    ageing = age("C-1", [_item("F-1", 45, "100"), _item("F-2", 10, "50")], D(110), AS_OF)
    assert ageing.unapplied == D(40)
    assert ageing.buckets == _buckets("0", "50", "60", "0", "0")
    assert sum(ageing.buckets.values()) == D(110)


def test_credit_left_over_once_every_debt_is_cleared_shows_as_negative_current() -> None:
    ageing = age("C-1", [_item("F-1", 20, "30"), _item("R-1", 5, "-50")], D(-20), AS_OF)
    assert ageing.buckets == _buckets("-20", "0", "0", "0", "0")


def test_more_owed_than_the_documents_say_is_due_now() -> None:
    # a 25 debit on the ledger that no open document carries
    ageing = age("C-1", [_item("F-1", 70, "100")], D(125), AS_OF)
    assert ageing.unapplied == D(-25)
    assert ageing.buckets == _buckets("25", "0", "0", "100", "0")


def test_cents_age_and_settle_like_euros_and_debts_in_one_bucket_add_up() -> None:
    # 0.50 and 0.70 both 10 days late, 0.40 at 40 days; a 0.30 credit note clears the oldest first
    items = [
        _item("F-1", 40, "0.40"),
        _item("F-2", 10, "0.50"),
        _item("F-3", 10, "0.70"),
        _item("R-1", 0, "-0.30"),
    ]
    ageing = age("C-1", items, D("1.30"), AS_OF)
    assert ageing.party == "C-1"
    assert ageing.buckets == _buckets("0", "1.20", "0.10", "0", "0")


def test_nothing_open_ages_to_nothing() -> None:
    ageing = age("C-1", [], D(0), AS_OF)
    assert ageing.buckets == _buckets("0", "0", "0", "0", "0")
    assert ageing.unapplied == 0


def test_a_statement_runs_its_balance_from_the_opening() -> None:
    day = date(2026, 12, 1)
    lines = running(
        D("10.00"),
        [
            StatementLine(day, "F-1", "invoice", D("121.00"), D(0)),
            StatementLine(day, "P-1", "payment", D(0), D("100.00")),
            StatementLine(day, "R-1", "credit note", D(0), D("50.00")),
        ],
    )
    assert [line.balance for line in lines] == [D("131.00"), D("31.00"), D("-19.00")]
    assert [(line.day, line.description) for line in lines] == [
        (day, "invoice"), (day, "payment"), (day, "credit note"),
    ]  # fmt: skip
    assert [(line.document, line.debit, line.credit) for line in lines] == [
        ("F-1", D("121.00"), D(0)),
        ("P-1", D(0), D("100.00")),
        ("R-1", D(0), D("50.00")),
    ]
    ageing = age("C-1", [], D("-19.00"), AS_OF)
    statement = Statement("C-1", "EUR", day, AS_OF, D("10.00"), lines, ageing)
    assert statement.closing == D("-19.00")
    assert Statement("C-1", "EUR", day, AS_OF, D("10.00"), (), ageing).closing == D("10.00")


def test_a_return_may_take_back_what_was_shipped_less_what_earlier_returns_took() -> None:
    shipped = {1: D(10), 2: D(4), 3: D(2)}
    returned = {1: D(3), 2: D(4), 3: D(5)}
    # line 2 was all returned and line 3 more than shipped: neither is returnable
    assert returnable(shipped, returned) == {1: D(7)}
    assert returnable(shipped, {}) == shipped
    assert returnable({}, {1: D(1)}) == {}
    # the last unit, or half a metre of cable, can still come back
    assert returnable({4: D(3), 5: D("2.5")}, {4: D(2), 5: D(2)}) == {4: D(1), 5: D("0.5")}


def test_a_return_is_numbered_by_its_year_and_id() -> None:
    at = datetime(2026, 3, 4, 10, tzinfo=UTC)
    rma = ReturnRequest(7, "C-1", Resolution.REFUND, "roto", at, "ana", id=42)
    assert rma.number == "RMA-2026-000042"
    assert ReturnRequest(7, "C-1", Resolution.CREDIT, "roto", at, "ana").number == "RMA-2026-000000"

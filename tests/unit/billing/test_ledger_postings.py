"""The entries money and goods post, by the accounting written out (Spanish chart): a card capture moves
the customer's debt (430) to the card processor's clearing account (5729), a transfer received moves it
to the bank (572); a refund to the card or a payout by transfer reopens it. Only the receivable line
carries the customer. An authorisation or a void moves no money; a transfer between places keeps the
goods' value in inventory; a movement worth less than half a cent is worth nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.billing.domain.ledger import (
    BANK,
    CARD_CLEARING,
    INVENTORY,
    RECEIVABLE,
    STOCK_DIFFERENCES,
    stock_entry,
    transaction_entry,
)
from core.billing.domain.payments import PaymentTransaction, TransactionKind
from core.fulfilment.domain.stock import MovementKind, StockMovement

D = Decimal
NOW = datetime(2026, 12, 3, 11, 0, tzinfo=UTC)


def txn(kind: TransactionKind, amount: str = "121.00", reference: str | None = "ch_9") -> PaymentTransaction:
    t = PaymentTransaction(
        kind, "C-1002", D(amount), "EUR", f"k-{kind}", NOW, actor="marta", reference=reference
    )
    t.id = 17
    return t


@pytest.mark.parametrize(
    ("kind", "debit", "credit", "words"),
    [
        (TransactionKind.CAPTURE, CARD_CLEARING, RECEIVABLE, "Cobro con tarjeta"),
        (TransactionKind.RECEIPT, BANK, RECEIVABLE, "Cobro por transferencia"),
        (TransactionKind.REFUND, RECEIVABLE, CARD_CLEARING, "Devolución a tarjeta"),
        (TransactionKind.PAYOUT, RECEIVABLE, BANK, "Devolución por transferencia"),
    ],
)
def test_money_that_moves_posts_between_the_customer_and_the_bank_or_card(
    kind: TransactionKind, debit: str, credit: str, words: str
) -> None:
    posted = transaction_entry(txn(kind), NOW)
    assert posted is not None
    assert [(x.account, x.debit, x.credit, x.party) for x in posted.lines] == [
        (debit, D("121.00"), 0, "C-1002" if debit == RECEIVABLE else None),
        (credit, 0, D("121.00"), "C-1002" if credit == RECEIVABLE else None),
    ]
    assert posted.description == f"{words} · C-1002 (ch_9)"
    assert (posted.source, posted.key, posted.actor, posted.currency) == (str(kind), "txn:17", "marta", "EUR")


def test_no_reference_no_brackets() -> None:
    posted = transaction_entry(txn(TransactionKind.RECEIPT, reference=None), NOW)
    assert posted is not None and posted.description == "Cobro por transferencia · C-1002"


def test_an_authorisation_a_void_or_nothing_moved_posts_nothing() -> None:
    assert transaction_entry(txn(TransactionKind.AUTHORISE), NOW) is None
    assert transaction_entry(txn(TransactionKind.VOID), NOW) is None
    assert transaction_entry(txn(TransactionKind.CAPTURE, "0"), NOW) is None


def movement(kind: MovementKind, delta: str, reference: str | None = None) -> StockMovement:
    return StockMovement(
        NOW, 1, "MAD", "A-01", "TOR-M8-40", kind, on_hand_delta=D(delta), reference=reference
    )


def test_a_transfer_between_places_and_a_worthless_movement_post_nothing() -> None:
    assert stock_entry(movement(MovementKind.TRANSFER, "-10"), D("0.50"), "EUR") is None
    assert stock_entry(movement(MovementKind.ADJUST, "1"), D("0.004"), "EUR") is None  # 0.004 -> 0.00
    assert stock_entry(movement(MovementKind.ADJUST, "1"), D(0), "EUR") is None


def test_a_count_below_the_books_is_a_stock_difference_valued_and_described() -> None:
    posted = stock_entry(movement(MovementKind.ADJUST, "-3", "recuento 12"), D("0.005"), "EUR")
    assert posted is not None  # 3 x 0.005 = 0.015 -> 0.02, half up
    assert [(x.account, x.debit, x.credit) for x in posted.lines] == [
        (STOCK_DIFFERENCES, D("0.02"), 0),
        (INVENTORY, 0, D("0.02")),
    ]
    assert posted.description == "adjust -3 TOR-M8-40 @ 0.005 · MAD/A-01 · recuento 12"
    assert posted.source == "stock" and posted.key is None

"""Payment rules at their edges, from the terms as the credit controller states them:

- an on-account order passes when receivables, approved orders and this order together stay within
  the limit (reaching it exactly is within); no limit, no check; the reason says the figures;
- a card authorisation covers the order's gross plus 10 % for the carriage, never less than 15.00;
- only an authorised payment can be captured, up to what was authorised less what was captured;
  what was captured and not refunded yet can be refunded, never a negative amount.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from core.billing.domain.payments import (
    CustomerAccount,
    Payment,
    PaymentMethod,
    PaymentState,
    authorisation_amount,
    check_credit,
)

D = Decimal
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_a_customer_without_terms_pays_on_account_net_30_without_a_limit() -> None:
    account = CustomerAccount("C-1")
    assert (account.method, account.terms_days, account.credit_limit) == (PaymentMethod.ON_ACCOUNT, 30, None)


def test_reaching_the_limit_exactly_is_within_and_a_cent_more_is_not() -> None:
    assert check_credit(D(1000), D(300), D(200), D(500)).within
    assert not check_credit(D(1000), D(300), D(200), D("500.01")).within
    assert not check_credit(D(1000), D("1000.01"), D(0), D(0)).within
    assert not check_credit(D(1000), D(0), D("1000.01"), D(0)).within


def test_the_reason_gives_every_figure_behind_the_verdict() -> None:
    within = check_credit(D(1000), D(300), D(200), D(400))
    assert within.reason("EUR") == (
        "within 900 of 1000 EUR (receivables 300, approved orders 200, this order 400)"
    )
    over = check_credit(D(500), D(300), D(200), D(100))
    assert over.reason("EUR") == (
        "credit limit exceeded: 600 of 500 EUR (receivables 300, approved orders 200, this order 100)"
    )
    assert check_credit(None, D(10), D(0), D(1)).reason("EUR") == "on account, no credit limit"


def test_without_a_limit_any_exposure_passes() -> None:
    check = check_credit(None, D(10**9), D(10**9), D(10**9))
    assert check.within
    assert check.limit is None


def test_approved_orders_never_count_below_zero() -> None:
    # a negative commitment (more invoiced than approved) is shown as none
    check = check_credit(D(1000), D(100), D(-50), D(10))
    assert check.committed == 0
    assert check.exposure == D(110)


def test_the_authorisation_adds_ten_percent_or_at_least_fifteen() -> None:
    # 150.00 x 10 % = 15.00: the two rules meet
    assert authorisation_amount(D("150.00"), "EUR") == D("165.00")
    assert authorisation_amount(D("149.99"), "EUR") == D("164.99")  # 14.999 < 15.00: 15.00
    assert authorisation_amount(D("150.05"), "EUR") == D("165.06")  # 165.055 rounds half up
    assert authorisation_amount(D("0"), "EUR") == D("15.00")
    # yen have no cents: 1,005 + 100.5 = 1,105.5 rounds to 1,106
    assert authorisation_amount(D("1005"), "JPY") == D("1106")


def _payment(
    state: PaymentState, authorised: str = "100", captured: str = "0", refunded: str = "0"
) -> Payment:
    return Payment(
        1,
        "C-1",
        "EUR",
        D(100),
        NOW,
        state,
        authorised=D(authorised),
        captured=D(captured),
        refunded=D(refunded),
    )


def test_only_an_authorised_payment_can_be_captured_and_only_what_is_left() -> None:
    assert _payment(PaymentState.AUTHORISED).capturable == D(100)
    assert _payment(PaymentState.AUTHORISED, captured="60").capturable == D(40)
    assert _payment(PaymentState.AUTHORISED, captured="120").capturable == 0
    for state in (PaymentState.PENDING, PaymentState.DECLINED, PaymentState.CAPTURED, PaymentState.VOIDED):
        assert _payment(state).capturable == 0, state


def test_what_was_captured_and_not_refunded_can_be_refunded() -> None:
    assert _payment(PaymentState.CAPTURED, captured="80").refundable == D(80)
    assert _payment(PaymentState.CAPTURED, captured="80", refunded="30").refundable == D(50)
    assert _payment(PaymentState.CAPTURED, captured="80", refunded="90").refundable == 0

"""Prospects and quotes as a sales desk runs them: the funnel's moves, what a quote may do in each state,
and what a quote adds up to."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from core.catalog.domain.prospects import Prospect, ProspectStatus
from core.catalog.domain.quotes import Quote, QuoteState
from core.kernel.errors import SalesError

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
S = ProspectStatus

# written out from the funnel as sales people describe it: forward only, "lost" from anywhere still
# open, a lost lead may be contacted again, "won" only by becoming a customer, nothing after "won"
ALLOWED = {
    (S.NEW, S.CONTACTED), (S.NEW, S.QUALIFIED), (S.NEW, S.QUOTED), (S.NEW, S.LOST),
    (S.CONTACTED, S.QUALIFIED), (S.CONTACTED, S.QUOTED), (S.CONTACTED, S.LOST),
    (S.QUALIFIED, S.QUOTED), (S.QUALIFIED, S.LOST),
    (S.QUOTED, S.LOST),
    (S.LOST, S.CONTACTED),
}  # fmt: skip


def prospect(status: ProspectStatus = S.NEW) -> Prospect:
    return Prospect(
        name="Ferretería Núñez S.L.",
        source="fair",
        owner="marta",
        created_at=NOW,
        status=status,
        email="compras@nunez.example",
        city="Teruel",
        country="ES",
        vat_id="ESB44123456",
    )


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("to", [s for s in S if s is not S.WON])
def test_the_funnel_moves_as_written(start: ProspectStatus, to: ProspectStatus) -> None:
    lead = prospect(start)
    if start is to or (start, to) in ALLOWED:
        lead.move(to)
        assert lead.status is to
    else:
        with pytest.raises(SalesError):
            lead.move(to)
        assert lead.status is start


@pytest.mark.parametrize("start", [S.NEW, S.QUOTED])
def test_won_only_by_becoming_a_customer(start: ProspectStatus) -> None:
    lead = prospect(start)
    with pytest.raises(SalesError, match="convert"):
        lead.move(S.WON)
    customer = lead.as_customer("NUNEZ")
    lead.won_as("NUNEZ")
    assert lead.status is S.WON and lead.customer_id == "NUNEZ"
    assert (customer.name, customer.email, customer.city, customer.vat_id) == (
        "Ferretería Núñez S.L.",
        "compras@nunez.example",
        "Teruel",
        "ESB44123456",
    )
    with pytest.raises(SalesError, match="already"):
        lead.as_customer("OTHER")


def test_a_lost_prospect_is_taken_up_again_before_it_becomes_a_customer() -> None:
    with pytest.raises(SalesError, match="lost"):
        prospect(S.LOST).as_customer("NUNEZ")


def quote(valid_until: date = date(2026, 12, 31)) -> Quote:
    return Quote(currency="EUR", created_at=NOW, created_by="marta", valid_until=valid_until, prospect_id=1)


def test_a_quote_adds_up_its_lines_to_the_cent() -> None:
    q = quote()
    q.add_line("TOR-M8-40", "Tornillo", Decimal("500"), Decimal("0.071"))  # 35.50
    q.add_line("TUE-M8", "Tuerca", Decimal("3"), Decimal("0.335"))  # 1.005: half a cent rounds up
    assert [line.amount for line in q.lines] == [Decimal("35.50"), Decimal("1.01")]
    assert q.total == Decimal("36.51")


def test_only_a_draft_changes_and_only_a_sent_quote_is_answered() -> None:
    q = quote()
    with pytest.raises(SalesError, match="no lines"):
        q.send("compras@nunez.example", NOW)
    q.add_line("TOR-M8-40", "Tornillo", Decimal("10"), Decimal("0.18"))
    with pytest.raises(SalesError, match="only a sent quote"):
        q.accept("NUNEZ", "marta", NOW)
    q.send("compras@nunez.example", NOW)
    assert q.state is QuoteState.SENT
    with pytest.raises(SalesError, match="only a draft"):
        q.add_line("TUE-M8", "Tuerca", Decimal("1"), Decimal("0.05"))
    q.accept("NUNEZ", "marta", NOW)
    assert (q.state, q.customer_id) == (QuoteState.ACCEPTED, "NUNEZ")
    with pytest.raises(SalesError):
        q.reject("marta", NOW)
    with pytest.raises(SalesError):
        q.withdraw("marta", NOW)


def test_an_expired_quote_is_neither_sent_nor_accepted() -> None:
    q = quote(valid_until=date(2026, 12, 10))
    q.add_line("TOR-M8-40", "Tornillo", Decimal("10"), Decimal("0.18"))
    q.send("compras@nunez.example", NOW)
    with pytest.raises(SalesError, match="valid until 2026-12-10"):
        q.accept("NUNEZ", "marta", datetime(2026, 12, 11, 8, 0, tzinfo=UTC))
    q.accept("NUNEZ", "marta", datetime(2026, 12, 10, 23, 0, tzinfo=UTC))  # the last day still counts
    late = quote(valid_until=date(2026, 12, 1))
    late.add_line("TOR-M8-40", "Tornillo", Decimal("10"), Decimal("0.18"))
    with pytest.raises(SalesError, match="expired"):
        late.send("compras@nunez.example", NOW)


@pytest.mark.parametrize(("quantity", "price"), [("0", "1"), ("-2", "1"), ("1", "-0.01")])
def test_no_line_with_nothing_or_a_negative_price(quantity: str, price: str) -> None:
    with pytest.raises(SalesError):
        quote().add_line("TOR-M8-40", "Tornillo", Decimal(quantity), Decimal(price))

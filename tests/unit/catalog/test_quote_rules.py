"""A quote as docs/sales.md promises it: numbered Q-000002 once stored; lines numbered 1, 2, 3 in the
order they were added, each with more than nothing at a price of zero or more (a free sample is a line);
sending records when and to whom, and is refused after the last valid day but not on it; answering
records who and when; a draft or a sent quote may be withdrawn, nothing else; and the accepted quote is
stored as one canonical JSON document (keys sorted, UTF-8 as typed) that `parsers.quote` reads into an
order, so the same acceptance stored twice is the same document."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from core.catalog.domain.quotes import Quote, QuoteState
from core.kernel.errors import SalesError

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 5, 16, 30, tzinfo=UTC)
D = Decimal
S = QuoteState


def quote(state: QuoteState = S.DRAFT, valid_until: date = date(2026, 12, 31), id: int | None = 2) -> Quote:
    q = Quote(currency="EUR", created_at=NOW, created_by="marta", valid_until=valid_until, id=id)
    q.add_line("TOR-M8-40", "Tornillo M8x40", D("500"), D("0.071"))
    q.state = state
    return q


def test_a_stored_quote_is_numbered_with_six_digits_and_a_new_one_says_so() -> None:
    assert quote(id=2).number == "Q-000002"
    assert quote(id=123456).number == "Q-123456"
    assert quote(id=None).number == "Q-(new)"


def test_lines_are_numbered_in_the_order_they_are_added_and_keep_what_was_given() -> None:
    q = Quote(currency="EUR", created_at=NOW, created_by="marta", valid_until=date(2026, 12, 31))
    assert q.total == D(0)  # nothing offered yet: nothing to pay
    first = q.add_line("TOR-M8-40", "Tornillo", D("1"), D("0.18"), unit="UD", price_source="lista base")
    second = q.add_line("TUE-M8", "Tuerca", D("0.5"), D("0.50"))
    third = q.add_line("MUESTRA", "Muestra gratuita", D("2"), D("0"))  # a free sample is a line
    assert q.lines == [first, second, third]
    assert [line.position for line in q.lines] == [1, 2, 3]
    assert (first.sku, first.description, first.quantity, first.unit_price) == (
        "TOR-M8-40",
        "Tornillo",
        D("1"),
        D("0.18"),
    )
    assert (first.unit, first.price_source) == ("UD", "lista base")
    # a price typed by hand names no rule: the source is blank, never "None"
    assert (second.unit, second.price_source) == (None, "")
    # 0.18 + 0.25 + 0.00
    assert q.total == D("0.43")


def test_a_price_under_one_and_a_quantity_under_one_are_offered() -> None:
    q = quote()
    line = q.add_line("CAB-1", "Cable por metro", D("0.25"), D("0.99"))
    assert line.amount == D("0.25")  # 0.2475 to the cent, half up


@pytest.mark.parametrize(
    ("quantity", "price", "message"),
    [
        ("0", "1", "the quantity of TOR-M8 must be more than zero"),
        ("-1", "1", "the quantity of TOR-M8 must be more than zero"),
        ("1", "-0.01", "the price of TOR-M8 cannot be negative"),
    ],
)
def test_a_refused_line_says_which_product_and_why(quantity: str, price: str, message: str) -> None:
    # the sales user typing the quote reads this message
    q = quote()
    with pytest.raises(SalesError) as refused:
        q.add_line("TOR-M8", "Tornillo", D(quantity), D(price))
    assert str(refused.value) == message
    assert len(q.lines) == 1


@pytest.mark.parametrize("state", [S.SENT, S.ACCEPTED, S.REJECTED, S.WITHDRAWN])
def test_only_a_draft_takes_lines(state: QuoteState) -> None:
    q = quote(state)
    with pytest.raises(SalesError) as refused:
        q.add_line("TUE-M8", "Tuerca", D("1"), D("0.05"))
    assert str(refused.value) == f"quote Q-000002 is {state.value}: only a draft can change"
    assert len(q.lines) == 1


def test_sending_records_when_and_to_whom_and_is_allowed_on_the_last_valid_day() -> None:
    q = quote(valid_until=date(2026, 12, 3))
    q.send("compras@nunez.example", NOW)  # NOW is 2026-12-03: the last valid day still counts
    assert (q.state, q.sent_at, q.sent_to) == (S.SENT, NOW, "compras@nunez.example")
    assert (q.decided_at, q.decided_by) == (None, None)


@pytest.mark.parametrize("state", [S.SENT, S.ACCEPTED, S.REJECTED, S.WITHDRAWN])
def test_a_quote_is_sent_once(state: QuoteState) -> None:
    q = quote(state)
    with pytest.raises(SalesError) as refused:
        q.send("compras@nunez.example", NOW)
    assert str(refused.value) == f"quote Q-000002 is {state.value}: it was sent already"
    assert q.state is state and q.sent_at is None


def test_refusals_to_send_say_why() -> None:
    empty = Quote(currency="EUR", created_at=NOW, created_by="marta", valid_until=date(2026, 12, 31), id=3)
    with pytest.raises(SalesError) as refused:
        empty.send("compras@nunez.example", NOW)
    assert str(refused.value) == "quote Q-000003 has no lines to offer"
    old = quote(valid_until=date(2026, 12, 2))
    with pytest.raises(SalesError) as refused:
        old.send("compras@nunez.example", NOW)
    assert str(refused.value) == "quote Q-000002 expired on 2026-12-02"
    assert old.state is S.DRAFT and old.sent_to is None


def test_accepting_records_the_customer_who_and_when() -> None:
    q = quote(S.SENT)
    q.accept("NUNEZ", "marta", LATER)
    assert (q.state, q.customer_id, q.decided_by, q.decided_at) == (S.ACCEPTED, "NUNEZ", "marta", LATER)


def test_rejecting_records_who_and_when() -> None:
    q = quote(S.SENT)
    q.reject("pedro", LATER)
    assert (q.state, q.decided_by, q.decided_at, q.customer_id) == (S.REJECTED, "pedro", LATER, None)


@pytest.mark.parametrize("state", [S.DRAFT, S.ACCEPTED, S.REJECTED, S.WITHDRAWN])
def test_only_a_sent_quote_is_answered(state: QuoteState) -> None:
    for answer in ("accept", "reject"):
        q = quote(state)
        with pytest.raises(SalesError) as refused:
            if answer == "accept":
                q.accept("NUNEZ", "marta", NOW)
            else:
                q.reject("marta", NOW)
        assert str(refused.value) == f"quote Q-000002 is {state.value}: only a sent quote is answered"
        assert q.state is state and q.decided_at is None and q.customer_id is None


def test_an_acceptance_after_the_last_valid_day_asks_for_a_new_quote() -> None:
    q = quote(S.SENT, valid_until=date(2026, 12, 4))
    with pytest.raises(SalesError) as refused:
        q.accept("NUNEZ", "marta", LATER)  # 2026-12-05
    assert str(refused.value) == "quote Q-000002 was valid until 2026-12-04: quote again"
    assert q.state is S.SENT and q.customer_id is None


@pytest.mark.parametrize("state", [S.DRAFT, S.SENT])
def test_a_draft_or_a_sent_quote_is_withdrawn(state: QuoteState) -> None:
    q = quote(state)
    q.withdraw("marta", LATER)
    assert (q.state, q.decided_by, q.decided_at) == (S.WITHDRAWN, "marta", LATER)


@pytest.mark.parametrize("state", [S.ACCEPTED, S.REJECTED, S.WITHDRAWN])
def test_an_answered_quote_is_not_withdrawn(state: QuoteState) -> None:
    q = quote(state)
    with pytest.raises(SalesError) as refused:
        q.withdraw("marta", LATER)
    assert str(refused.value) == f"quote Q-000002 is {state.value}: it cannot be withdrawn"
    assert q.state is state and q.decided_at is None


def accepted() -> Quote:
    q = Quote(currency="EUR", created_at=NOW, created_by="marta", valid_until=date(2026, 12, 31), id=2)
    q.add_line("TOR-M8-40", "Tornillo cabeza hexagonal", D("500"), D("0.071"), unit="UD")
    q.add_line("LLA-AJ-250", "Llave ajustable, año 2026", D("3"), D("6.335"))
    q.send("compras@nunez.example", NOW)
    q.accept("NUÑEZ", "marta", datetime(2026, 12, 5, 23, 59, tzinfo=UTC))
    return q


def test_the_acceptance_is_the_order_the_customer_accepted() -> None:
    # 500 x 0.071 = 35.50; 3 x 6.335 = 19.005, half a cent up: 19.01; total 54.51
    expected = {
        "quote": "Q-000002",
        "customer_id": "NUÑEZ",
        "currency": "EUR",
        "accepted_on": "2026-12-05",
        "accepted_by": "marta",
        "lines": [
            {
                "position": 1,
                "sku": "TOR-M8-40",
                "description": "Tornillo cabeza hexagonal",
                "quantity": "500",
                "unit": "UD",
                "unit_price": "0.071",
                "amount": "35.50",
            },
            {
                "position": 2,
                "sku": "LLA-AJ-250",
                "description": "Llave ajustable, año 2026",
                "quantity": "3",
                "unit": None,
                "unit_price": "6.335",
                "amount": "19.01",
            },
        ],
        "total": "54.51",
    }
    document = accepted().acceptance()
    assert json.loads(document.decode("utf-8")) == expected
    # canonical: keys in sorted order, UTF-8 as typed (no \u escapes), so storing it twice gives the
    # same bytes and the duplicate check sees one document
    assert document == json.dumps(expected, sort_keys=True, ensure_ascii=False).encode("utf-8")
    assert "año".encode() in document


@pytest.mark.parametrize("state", [S.DRAFT, S.SENT, S.REJECTED, S.WITHDRAWN])
def test_only_an_accepted_quote_becomes_an_order_document(state: QuoteState) -> None:
    q = quote(state)
    q.customer_id, q.decided_at = "NUNEZ", NOW  # even with a customer and a date noted
    with pytest.raises(SalesError) as refused:
        q.acceptance()
    assert str(refused.value) == "quote Q-000002 is not accepted"


def test_an_accepted_quote_missing_its_customer_or_date_is_no_order_document() -> None:
    # an accepted quote read back incomplete (a row written half-way): no order rather than one for nobody
    for missing in ("customer_id", "decided_at"):
        q = accepted()
        setattr(q, missing, None)
        with pytest.raises(SalesError, match="is not accepted"):
            q.acceptance()

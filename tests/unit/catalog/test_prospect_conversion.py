"""A won prospect becomes a customer with everything it had (the sales desk's promise: nothing typed
twice), once, and never while it is lost."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.catalog.domain.prospects import Prospect, ProspectStatus
from core.kernel.errors import SalesError

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _lead(status: ProspectStatus = ProspectStatus.QUOTED) -> Prospect:
    return Prospect(
        name="Suministros Peña",
        source="web",
        owner="marta",
        created_at=NOW,
        status=status,
        email="compras@pena.example",
        phone="+34 976 123 456",
        fax="+34 976 123 457",
        vat_id="ESB50123456",
        street="Calle Alfonso I, 12",
        postal_code="50003",
        city="Zaragoza",
        country="ES",
        language="es",
        id=7,
    )


def test_the_customer_gets_every_detail_the_prospect_had() -> None:
    customer = _lead().as_customer("PENA")
    assert (
        customer.customer_id, customer.name, customer.email, customer.phone, customer.fax, customer.vat_id,
        customer.street, customer.postal_code, customer.city, customer.country, customer.language,
    ) == (
        "PENA", "Suministros Peña", "compras@pena.example", "+34 976 123 456", "+34 976 123 457",
        "ESB50123456", "Calle Alfonso I, 12", "50003", "Zaragoza", "ES", "es",
    )  # fmt: skip


def test_a_prospect_is_won_once() -> None:
    lead = _lead()
    lead.won_as("PENA")
    assert (lead.status, lead.customer_id) == (ProspectStatus.WON, "PENA")
    with pytest.raises(SalesError, match="prospect 7 is customer PENA already"):
        lead.won_as("OTRO")
    assert lead.customer_id == "PENA"


def test_a_lost_prospect_is_not_won_until_taken_up_again() -> None:
    lead = _lead(ProspectStatus.LOST)
    with pytest.raises(SalesError, match="taken up again"):
        lead.won_as("PENA")
    assert (lead.status, lead.customer_id) == (ProspectStatus.LOST, None)
    lead.move(ProspectStatus.CONTACTED)
    lead.won_as("PENA")
    assert lead.status is ProspectStatus.WON


def test_staying_where_it_is_is_no_move_even_when_won() -> None:
    lead = _lead(ProspectStatus.WON)
    lead.move(ProspectStatus.WON)
    assert lead.status is ProspectStatus.WON

"""Which channel a customer is told on, with channels the core knows only as registered.

The rule, written out: the customer's preferred channel; else the one the order came on, if it is a
registered channel; a structured (EDIFACT) channel only for news that has a message and an order
from a trading partner; otherwise the first fallback channel master data has an address for, and the
first fallback when it has none (the notice is then skipped for want of an address).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from core.fulfilment.domain.contact import choose_channel, is_structured
from core.kernel.domain.model import Customer, Decision, Order, OrderState


@dataclass(frozen=True)
class Reach:
    name: str
    field: str  # where the address is: "partner", "email", "fax"
    structured: bool = False
    fallback: bool = False

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        if self.field == "partner":
            return order.partner_id
        return getattr(customer, self.field, None) if customer else None


FOLDER = Reach("edi", "partner", structured=True)
MAIL = Reach("email", "email", fallback=True)
FAX = Reach("fax", "fax", fallback=True)
AS2 = Reach("as2", "partner", structured=True)
CHANNELS = (FOLDER, MAIL, FAX, AS2)


def order(channel: str, partner: str | None = None) -> Order:
    return Order(
        document_id=1,
        message_index=0,
        channel=channel,
        state=OrderState.ACCEPTED,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=datetime(2026, 11, 26, tzinfo=UTC),
        partner_id=partner,
    )


def customer(email: str | None = "compras@cliente.es", fax: str | None = "+34911111111") -> Customer:
    return Customer("C-1", "Cliente S.L.", email=email, fax=fax)


def test_an_order_is_answered_on_the_channel_it_came_on() -> None:
    assert choose_channel(order("as2", "8400000000001"), customer(), None, CHANNELS, structured=True) == (
        "as2",
        "8400000000001",
    )
    assert choose_channel(order("fax"), customer(), None, CHANNELS, structured=True) == (
        "fax",
        "+34911111111",
    )


def test_the_customers_preference_wins() -> None:
    chosen = choose_channel(order("as2", "8400000000001"), customer(), "email", CHANNELS, structured=True)
    assert chosen == ("email", "compras@cliente.es")


def test_a_structured_channel_without_a_message_for_the_news_falls_back_to_a_written_one() -> None:
    assert choose_channel(order("as2", "8400000000001"), customer(), None, CHANNELS, structured=False) == (
        "email",
        "compras@cliente.es",
    )
    assert choose_channel(order("edi", None), customer(email=None), None, CHANNELS, structured=True) == (
        "fax",
        "+34911111111",
    )


def test_a_channel_nobody_registered_is_not_answered_on() -> None:
    assert choose_channel(order("upload"), customer(), None, CHANNELS, structured=True)[0] == "email"
    without_mail = (FOLDER, FAX)
    assert choose_channel(order("email"), customer(), None, without_mail, structured=True) == (
        "fax",
        "+34911111111",
    )


def test_with_no_address_anywhere_the_first_fallback_is_named_without_a_recipient() -> None:
    nobody = customer(email=None, fax=None)
    assert choose_channel(order("upload"), nobody, None, CHANNELS, structured=True) == ("email", None)
    assert choose_channel(order("fax"), nobody, "sms", CHANNELS, structured=True) == ("sms", None)


def test_only_structured_channels_take_a_control_reference() -> None:
    assert is_structured(CHANNELS, "as2") and is_structured(CHANNELS, "edi")
    assert not is_structured(CHANNELS, "email") and not is_structured(CHANNELS, "telex")


def test_with_no_fallback_registered_the_order_keeps_its_own_channel() -> None:
    # only the EDIFACT folder is registered and the order names no partner: there is nowhere else to
    # go, so the notice is named for the order's channel, without a recipient (and skipped)
    assert choose_channel(order("edi", None), customer(), None, (FOLDER,), structured=True) == ("edi", None)


@dataclass(frozen=True)
class Asking:
    """A plugged-in channel whose address depends on both the order and its customer."""

    name: str
    structured: bool = False
    fallback: bool = False

    def recipient(self, order: Order, customer: Customer | None) -> str | None:
        if self.structured:  # the order's partner, else the GLN master data holds for the customer
            return order.partner_id or (customer.gln if customer else None)
        # the sender's mobile, the order's own, for a customer master data knows
        return f"{order.buyer_party_id}@{customer.customer_id}" if customer and order.buyer_party_id else None


def test_each_channel_is_asked_with_the_order_and_its_customer() -> None:
    # the Reach protocol hands every channel both: a structured channel may find its partner in
    # master data, a fallback may find its address on the order
    structured, fallback = Asking("as2", structured=True), Asking("sms", fallback=True)
    known = Customer("C-1", "Cliente S.L.", gln="8400000000009")
    assert choose_channel(order("as2"), known, None, (structured, fallback), structured=True) == (
        "as2",
        "8400000000009",
    )
    o = order("upload")
    o.buyer_party_id = "+34600000000"
    assert choose_channel(o, known, None, (structured, fallback), structured=True) == (
        "sms",
        "+34600000000@C-1",
    )

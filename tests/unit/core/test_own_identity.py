"""Who we are, as orders print it, and what holds a resolved order back.

An identifier of ours printed on an order (our tax id, GLN, phone or fax number, an address at our mail
domain) never names a customer: whatever way it is written, it is recognised as ours. Our numbers and
unprefixed tax ids are read in our own country (Spain unless settings say otherwise). Any address at
the domain of one of our own addresses is ours, unless the caller asks about the address alone (a
free-mail domain we share with customers). A resolved order is held back by every problem that
needs a person (review or reject), never by one that is only shown (info)."""

from __future__ import annotations

from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.resolution import OwnIdentity, ResolvedOrder
from core.kernel.domain.model import Decision


def test_our_tax_id_is_ours_however_it_is_printed() -> None:
    ours = OwnIdentity.of(vat=["ESB22222222"])
    assert ours.owns("vat", "B-22222222")
    assert ours.owns("vat", "es b22222222")
    assert not ours.owns("vat", "ESB50123456")  # somebody else's


def test_a_tax_id_given_without_its_prefix_is_read_in_our_country() -> None:
    # settings give "B22222222"; we are a Spanish company, so "ESB22222222" on an order is ours too,
    # while the same digits under another country's prefix are another company
    spanish = OwnIdentity.of(vat=["B22222222"])
    assert spanish.owns("vat", "ESB22222222")
    assert not spanish.owns("vat", "FRB22222222")
    # a company in France: "FR..." is its own, "ES..." is not
    french = OwnIdentity.of(vat=["B22222222"], country="FR")
    assert french.owns("vat", "FRB22222222")
    assert not french.owns("vat", "ESB22222222")


def test_our_gln_is_ours() -> None:
    ours = OwnIdentity.of(gln=["8437000999997"])
    assert ours.owns("gln", "8437000999997")
    assert ours.owns("gln", "843 7000 99999 7")
    assert not ours.owns("gln", "8437000100010")


def test_our_number_is_ours_as_phone_or_fax_and_is_dialled_in_our_country() -> None:
    # settings write the number as dialled in Spain; an order prints it with the country code
    ours = OwnIdentity.of(numbers=["976 400 500"])
    assert ours.owns("phone", "+34 976 400 500")
    assert ours.owns("fax", "0034 976 400 500")  # one line may be printed as "Tel." or "Fax"
    assert ours.owns("phone", "976 40 05 00")
    assert not ours.owns("phone", "+34 976 400 501")
    # a London company's number written as dialled in the UK, printed with +44 on the order
    london = OwnIdentity.of(numbers=["020 7946 0123"], country="GB")
    assert london.owns("phone", "+44 20 7946 0123")


def test_our_address_and_every_address_at_its_domain_are_ours() -> None:
    ours = OwnIdentity.of(emails=["  Pedidos@Comanda.Example "])
    assert ours.email_domains == frozenset({"comanda.example"})
    assert ours.owns("email", "pedidos@comanda.example")
    assert ours.owns("email", "ventas@comanda.example")  # a colleague's mailbox: still our domain
    assert ours.owns("email", " Ventas@COMANDA.example ")
    assert not ours.owns("email", "compras@nunez.example")


def test_asked_about_the_address_alone_only_our_own_address_is_ours() -> None:
    # we write from a free-mail address: other addresses at that provider belong to customers
    ours = OwnIdentity.of(emails=["comanda.pedidos@gmail.com"])
    assert ours.owns("email", "comanda.pedidos@gmail.com", domain=False)
    assert not ours.owns("email", "bricogalicia@gmail.com", domain=False)
    assert ours.owns("email", "bricogalicia@gmail.com")  # asked about the domain, it is ours


def test_the_domain_rule_is_for_addresses_only() -> None:
    # "comanda.example" is our mail domain; a phone number or tax id that happens to end in it is not
    # an address of ours
    ours = OwnIdentity.of(emails=["pedidos@comanda.example"])
    assert not ours.owns("phone", "x@comanda.example")
    assert not ours.owns("vat", "x@comanda.example")


def test_text_without_an_at_sign_gives_no_domain() -> None:
    assert OwnIdentity.of(emails=["pedidos"]).email_domains == frozenset()
    assert OwnIdentity().owns("email", "ventas@comanda.example") is False


def test_review_and_reject_problems_hold_an_order_back_info_does_not() -> None:
    info = Problem(ProblemCode.SYNTAX_ERROR, "shown only", severity=Severity.INFO)
    review = Problem(ProblemCode.SYNTAX_ERROR, "look at it", severity=Severity.REVIEW)
    reject = Problem(ProblemCode.SYNTAX_ERROR, "cannot take it", severity=Severity.REJECT)
    resolved = ResolvedOrder(CapturedOrder(), "C-1", (), (info, review, reject), 0.9, Decision.REVIEW)
    assert resolved.blocking == (review, reject)
    only_info = ResolvedOrder(CapturedOrder(), "C-1", (), (info,), 0.9, Decision.ACCEPT)
    assert only_info.blocking == ()


def test_an_address_domain_is_what_follows_its_last_at_sign() -> None:
    # a quoted local part may hold an "@" of its own (RFC 5322): the domain is still after the last one
    ours = OwnIdentity.of(emails=['"pedidos@central"@comanda.example'])
    assert ours.email_domains == frozenset({"comanda.example"})
    assert ours.owns("email", '"ventas@madrid"@comanda.example')
    assert not ours.owns("email", '"ventas@comanda.example"@nunez.example')

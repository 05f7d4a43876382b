"""The customer is identified by the strong identifiers a document prints (tax id, GLN, e-mail, phone,
fax) where exactly one customer has it; ours never count; the name only suggests; evidence naming two
customers goes to a person; and a customer found so counts as much as one found by its GLN."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import (
    CapturedLine,
    Evidence,
    Identifier,
    IdentifierKind,
    Party,
    Problem,
    ProblemCode,
    Provenance,
    Severity,
)
from core.capture.domain.resolution import OwnIdentity, ResolvedOrder
from core.kernel.domain.model import Customer, Decision
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate

VAT, GLN, EMAIL, PHONE, FAX = (
    IdentifierKind.VAT,
    IdentifierKind.GLN,
    IdentifierKind.EMAIL,
    IdentifierKind.PHONE,
    IdentifierKind.FAX,
)
# We are Comanda Suministros Industriales: our tax id, our switchboard and our mail domain.
OURS = OwnIdentity.of(vat=["ESB50123456"], numbers=["+34 976 400 500"], emails=["pedidos@comanda.example"])
# Lines named by GTIN, so they resolve whoever the customer is.
LINES = (
    CapturedLine(line_no="1", gtin="8437000100102", quantity=Decimal(250), unit_price=Decimal("0.18")),
    CapturedLine(line_no="2", gtin="8437000100126", quantity=Decimal(10), unit_price=Decimal("0.05")),
)


def master() -> Master:
    m = Master()
    m.customer_rows["C-2"] = Customer(
        "C-2",
        "Bricolaje Galicia S.A.",
        email="compras@bricogalicia.es",
        fax="+34 981 234 567",
        country="ES",
        vat_id="ESA15234987",
    )
    m.customer_rows["C-3"] = Customer("C-3", "Hartley Hardware Ltd", phone="020 7946 0123", country="GB")
    return m


def printed(*found: tuple[IdentifierKind, str] | tuple[IdentifierKind, str, str]) -> tuple[Identifier, ...]:
    return tuple(Identifier(f[0], f[1], role=f[2] if len(f) > 2 else None) for f in found)  # type: ignore[misc]


def check(
    *found: tuple[IdentifierKind, str] | tuple[IdentifierKind, str, str], **overrides: object
) -> ResolvedOrder:
    """An order with no buyer number, printing `found`, validated against `master()` knowing `OURS`."""
    data = overrides.pop("master", None) or master()
    fields: dict[str, object] = {"buyer": Party(name=None), "lines": LINES, "identifiers": printed(*found)}
    fields.update(overrides)
    return validate(order(**fields), data, TODAY, ours=OURS)  # type: ignore[arg-type]


def codes(resolved: ResolvedOrder) -> set[str]:
    return {p.code.value for p in resolved.problems}


def test_a_tax_id_written_another_way_identifies_the_customer_and_the_order_flows_on() -> None:
    resolved = check((VAT, "A-15234987"))  # master data holds "ESA15234987"
    assert resolved.customer_id == "C-2"
    assert resolved.problems == () and resolved.decision is Decision.ACCEPT


def test_phone_and_fax_numbers_identify_however_the_letterhead_writes_them() -> None:
    assert check((FAX, "981 234 567")).customer_id == "C-2"  # national, customer's fax in E.164
    assert check((PHONE, "+34981234567")).customer_id == "C-2"  # printed as "Tel." : the same line
    assert check((PHONE, "020 7946 0123")).customer_id == "C-3"
    assert check((EMAIL, "compras@bricogalicia.es")).customer_id == "C-2"
    assert check((GLN, "8437000100010")).customer_id == "C-1"


def test_an_address_printed_at_a_customers_own_domain_identifies_it_but_a_free_mail_one_does_not() -> None:
    assert check((EMAIL, "maria.lopez@bricogalicia.es")).customer_id == "C-2"
    m = master()
    m.customer_rows["C-9"] = Customer("C-9", "Taller Pepe", email="tallerpepe@gmail.com")
    assert check((EMAIL, "otro.taller@gmail.com"), master=m).customer_id is None


def test_our_own_identifiers_never_identify_a_customer() -> None:
    # our own shop is also a customer in master data, with our tax id and switchboard on record
    m = master()
    m.customer_rows["C-8"] = Customer("C-8", "Tienda Comanda", vat_id="ESB50123456", phone="976 400 500")
    resolved = check((VAT, "B-50123456"), (PHONE, "976 400 500"), master=m)
    assert resolved.customer_id is None
    assert "unknown_customer" in codes(resolved)
    assert check((EMAIL, "ventas@comanda.example"), (FAX, "981 234 567")).customer_id == "C-2"


def test_an_identifier_printed_in_the_suppliers_block_never_identifies_the_customer() -> None:
    # a customer that is also a supplier elsewhere: printed in our (the supplier's) block it is not the buyer
    assert check((VAT, "ESA15234987", "supplier")).customer_id is None
    assert check((VAT, "ESA15234987", "buyer")).customer_id == "C-2"


def test_identifiers_naming_two_customers_go_to_a_person_naming_both() -> None:
    resolved = check((VAT, "ESA15234987"), (GLN, "8437000100010"))
    assert resolved.customer_id is None and resolved.decision is Decision.REVIEW
    [conflict] = [p for p in resolved.problems if p.code is ProblemCode.CUSTOMER_CONFLICT]
    assert "C-1" in conflict.message and "C-2" in conflict.message
    assert "unknown_customer" not in codes(resolved)  # the conflict says it; nothing else does


def test_a_sender_disagreeing_with_the_letterhead_is_a_conflict_but_not_with_the_buyers_number() -> None:
    m = master()
    m.customer_rows["C-1"].email = "pedidos@ferreterianunez.es"
    # mailed from C-1's address, but the document prints C-2's tax id: forwarded? a person decides
    mixed = check((VAT, "ESA15234987"), buyer=Party(email="pedidos@ferreterianunez.es"), master=m)
    assert mixed.customer_id is None and "customer_conflict" in codes(mixed)
    # the buyer's number printed as such still comes before who sent it, as it always has
    by_number = check(buyer=Party(party_id="C-2", email="pedidos@ferreterianunez.es"), master=m)
    assert by_number.customer_id == "C-2" and by_number.decision is Decision.ACCEPT
    nothing_printed = check(buyer=Party(email="pedidos@ferreterianunez.es"), master=m)
    assert nothing_printed.customer_id == "C-1" and nothing_printed.decision is Decision.ACCEPT


def test_a_buyer_number_and_a_printed_identifier_naming_two_customers_conflict() -> None:
    resolved = check((FAX, "981 234 567"), buyer=Party(party_id="8437000100010"))
    assert resolved.customer_id is None and "customer_conflict" in codes(resolved)


def test_a_name_that_clearly_names_another_customer_than_the_identifiers_is_a_conflict() -> None:
    resolved = check((VAT, "ESA15234987"), buyer=Party(name="Ferretería Núñez"))
    assert resolved.customer_id is None and "customer_conflict" in codes(resolved)
    agreeing = check((VAT, "ESA15234987"), buyer=Party(name="BRICOLAJE GALICIA, SA"))
    assert agreeing.customer_id == "C-2" and agreeing.decision is Decision.ACCEPT


def test_an_identifier_two_customers_share_names_neither_and_the_name_only_suggests() -> None:
    m = master()
    m.customer_rows["C-1"].phone = "+34 981 234 567"  # C-2's fax is on C-1's record too
    resolved = check((FAX, "981 234 567"), buyer=Party(name="Bricolaje Galicia"), master=m)
    assert resolved.customer_id == "C-2"  # by name: a suggestion, not an identification
    assert codes(resolved) == {"customer_by_name"} and resolved.decision is Decision.REVIEW


def test_an_identifier_a_clerk_confirmed_before_identifies_the_customer() -> None:
    m = master()
    assert check((PHONE, "600 111 222"), master=m).customer_id is None
    m.learned.append(("C-2", "phone", "+34600111222"))
    assert check((PHONE, "600 111 222"), master=m).customer_id == "C-2"


def test_a_customer_found_by_a_printed_identifier_vouches_for_a_faintly_read_buyer_number() -> None:
    faint = (Evidence("buyer.party_id", 0.55, Provenance(page=1, box=(1, 1, 2, 2))),)
    alone = validate(order(evidence=faint), master(), TODAY, ours=OURS)
    assert alone.decision is Decision.REVIEW and "low_confidence" in codes(alone)  # the GLN alone, faint
    backed = validate(
        order(
            evidence=faint, identifiers=printed((EMAIL, "pedidos@ferreterianunez.es"), (GLN, "8437000100010"))
        ),
        _with_c1_email(),
        TODAY,
        ours=OURS,
    )
    assert backed.customer_id == "C-1"
    assert backed.decision is Decision.ACCEPT and backed.confidence == 1.0


def _with_c1_email() -> Master:
    m = master()
    m.customer_rows["C-1"].email = "pedidos@ferreterianunez.es"
    return m


def test_what_a_confirmation_may_teach_leaves_out_ours_our_block_and_a_spoofed_sender() -> None:
    resolved = check(
        (VAT, "B-50123456"),  # ours
        (VAT, "ESA15234987", "supplier"),  # in our block
        (PHONE, "600 111 222", "buyer"),
        (EMAIL, "pedidos@comanda.example"),  # our address
        buyer=Party(email="Compras@BricoGalicia.es", fax="+34 981 234 567"),
    )
    taught = {(str(i.kind), i.value, i.role) for i in resolved.learnable}
    assert taught == {
        ("phone", "600 111 222", "buyer"),
        ("email", "compras@bricogalicia.es", "sender"),
        ("fax", "+34 981 234 567", "sender"),
    }
    spoofed = Problem(
        ProblemCode.SENDER_MISMATCH, "From is not the envelope sender", severity=Severity.REVIEW
    )
    after_spoof = check(buyer=Party(email="compras@bricogalicia.es"), problems=(spoofed,))
    assert not [i for i in after_spoof.learnable if i.role == "sender"]

"""What a clerk reads when the document names more than one customer or none: every customer named,
with its number and what named it (the kind of identifier as people say it, and whose block printed
it), and for an unknown buyer the best thing the document gave to go on. Both stop the order for a
person, on the buyer's field."""

from __future__ import annotations

from core.capture.domain.order import CapturedOrder, IdentifierKind, Party, ProblemCode, Severity
from core.capture.domain.resolution import OwnIdentity
from core.kernel.domain.model import Decision
from tests.unit.validation.test_customer_identifiers import check, master
from validation.customer import resolve_customer

VAT, GLN, EMAIL, PHONE = IdentifierKind.VAT, IdentifierKind.GLN, IdentifierKind.EMAIL, IdentifierKind.PHONE


def only_problem(resolved: object, code: ProblemCode):  # type: ignore[no-untyped-def]
    [problem] = [p for p in resolved.problems if p.code is code]  # type: ignore[attr-defined]
    return problem


def test_two_customers_named_each_with_what_named_it() -> None:
    resolved = check((VAT, "ESA15234987", "buyer"), (GLN, "8437000100010"))
    assert resolved.customer_id is None and resolved.decision is Decision.REVIEW
    problem = only_problem(resolved, ProblemCode.CUSTOMER_CONFLICT)
    assert problem.severity is Severity.REVIEW and problem.field == "buyer.party_id"
    assert problem.message == (
        "the document names more than one customer: "
        "Bricolaje Galicia S.A. (C-2) by tax id (buyer's block) ESA15234987; "
        "Ferretería Núñez (C-1) by GLN 8437000100010; choose the customer"
    )


def test_one_customer_named_twice_lists_both_proofs() -> None:
    resolved = check(
        (EMAIL, "compras@bricogalicia.es"), (PHONE, "020 7946 0123", "buyer"), (VAT, "ESA15234987")
    )
    problem = only_problem(resolved, ProblemCode.CUSTOMER_CONFLICT)
    assert (
        "Bricolaje Galicia S.A. (C-2) by e-mail compras@bricogalicia.es, tax id ESA15234987"
        in problem.message
    )
    assert "Hartley Hardware Ltd (C-3) by phone (buyer's block) 020 7946 0123" in problem.message


def test_an_unknown_buyer_is_shown_by_the_best_thing_the_document_gave() -> None:
    cases = [
        (Party(party_id="9999", email="x@nowhere.example", name="Nadie"), "'9999'"),
        (Party(email="x@nowhere.example", fax="+34 900 000 000", name="Nadie"), "'x@nowhere.example'"),
        (Party(fax="+34 900 000 000", name="Nadie"), "'+34 900 000 000'"),
        (Party(name="Zapatería Ñandú"), "'Zapatería Ñandú'"),
        (Party(), "'no buyer given'"),
    ]
    for buyer, shown in cases:
        resolved = check(buyer=buyer)
        problem = only_problem(resolved, ProblemCode.UNKNOWN_CUSTOMER)
        assert problem.message.startswith(f"buyer {shown} matches no customer"), problem.message
        assert problem.message.endswith("e-mail address or fax number)")
        assert problem.severity is Severity.REVIEW and problem.field == "buyer.party_id"
        assert resolved.decision is Decision.REVIEW


def test_the_fax_number_it_came_from_names_the_customer_but_ours_never_does() -> None:

    faxed = CapturedOrder(buyer=Party(fax="+34981234567"))  # Bricolaje Galicia's fax, in E.164
    found = resolve_customer(faxed, master())
    assert found.customer is not None and found.customer.customer_id == "C-2"
    assert (found.via, found.strong, found.evidence) == (
        "sender",
        True,
        ("the fax number +34981234567 it came from",),
    )
    # the same number as ours (a fax we sent to ourselves, a forwarded page) names nobody
    ours = OwnIdentity.of(numbers=["+34 981 234 567"])
    assert resolve_customer(faxed, master(), ours).customer is None


def test_an_address_at_a_free_mail_provider_we_also_use_is_still_the_customers() -> None:

    m = master()
    m.customer_rows["C-2"].email = "bricogalicia@gmail.com"
    mailed = CapturedOrder(buyer=Party(email="BricoGalicia@GMAIL.com"))
    # we write from a gmail.com address too: gmail.com is nobody's domain, so the customer's is theirs
    ours = OwnIdentity.of(emails=["comanda.pedidos@gmail.com"])
    found = resolve_customer(mailed, m, ours)
    assert found.customer is not None and found.customer.customer_id == "C-2" and found.via == "sender"
    # an address at our own company domain is ours, whoever's mailbox it is
    m.customer_rows["C-2"].email = "ventas@comanda.example"
    ours = OwnIdentity.of(emails=["pedidos@comanda.example"])
    assert (
        resolve_customer(CapturedOrder(buyer=Party(email="ventas@comanda.example")), m, ours).customer is None
    )

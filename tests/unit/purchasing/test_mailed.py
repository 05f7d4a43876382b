"""Whose an e-mailed or faxed document is and which of our orders it names, by the rules written out:
an address in any case and with a display name, a number with or without its country code; our PO
numbers as we print them; nobody's when two suppliers share the contact."""

from __future__ import annotations

from core.purchasing.domain.answers import AnswerKind
from core.purchasing.domain.mailed import kind_of, po_number_in, sender_keys, supplier_of
from core.purchasing.domain.suppliers import OrderChannel, Supplier

HERR = Supplier(
    "S-HERR", "Herramientas", OrderChannel.EMAIL, email="orders@brondby-tools.example", country="DK"
)
QUIM = Supplier("S-QUIM", "Química", OrderChannel.FAX, fax="+34 961 234 567", country="ES")
TORN = Supplier(
    "S-TORN", "Tornillería", OrderChannel.EDIFACT, email="pedidos@tornilleria-ebro.example", edi_id="1"
)


def test_an_address_is_found_in_any_case_and_with_a_name() -> None:
    keys = sender_keys("Sales <Orders@Brondby-Tools.example>", "email")
    assert supplier_of([HERR, QUIM, TORN], keys) is HERR


def test_an_edifact_supplier_writing_from_its_address_is_found() -> None:
    assert supplier_of([HERR, QUIM, TORN], sender_keys("pedidos@tornilleria-ebro.example", "email")) is TORN


def test_a_fax_number_is_found_however_it_is_written() -> None:
    for written in ("+34961234567", "0034 961 234 567", "961 23 45 67"):
        assert supplier_of([HERR, QUIM], sender_keys(written, "fax")) is QUIM, written
    assert supplier_of([HERR, QUIM], sender_keys("+34961234568", "fax")) is None


def test_a_contact_two_suppliers_share_is_nobodys() -> None:
    twin = Supplier("S-TWIN", "Twin", OrderChannel.EMAIL, email="orders@brondby-tools.example")
    assert supplier_of([HERR, twin], sender_keys("orders@brondby-tools.example", "email")) is None


def test_our_po_number_is_found_as_we_print_it() -> None:
    assert po_number_in("Ref. pedido: PO-000042, entrega el lunes") == "PO-000042"
    assert po_number_in("your order po 000007 confirmed") == "PO-000007"
    assert po_number_in("order PO-2026-0042 (a customer's number) and invoice 000042") is None


def test_what_a_document_says_it_is() -> None:
    assert kind_of("FACTURA nº 118") is AnswerKind.INVOIC
    assert kind_of("Albarán de entrega") is AnswerKind.DESADV
    assert kind_of("Order confirmation") is AnswerKind.ORDRSP
    assert kind_of("Hola, ¿nos llamáis?") is AnswerKind.OTHER

"""An INVOIC's own charges read for landed cost: header ALC C with MOA 23 or 8; an allowance (ALC A)
and a line's charge are no landed cost."""

from __future__ import annotations

from decimal import Decimal

from core.purchasing.domain.landed import Charge
from parsers.edifact.supplier_charges import read_invoice_charges

D = Decimal


def interchange(kind: str, body: str, ref: str) -> bytes:
    count = body.count("'") + 2
    return (
        f"UNA:+.? 'UNB+UNOC:3+8412345000010:14+8437000100003:14+261204:0900+{ref}'"
        f"UNH+1+{kind}:D:96A:UN:EAN005'{body}UNT+{count}+1'UNZ+1+{ref}'"
    ).encode("latin-1")


def test_header_charges_by_kind_and_nothing_else() -> None:
    body = (
        "BGM+380+FV-1+9'RFF+ON:PO-000001'ALC+C++++FC'MOA+23:10.50'ALC+A++++DI'MOA+8:3.00'"
        "ALC+C++++ABW'MOA+8:2,25'ALC+C++++XYZ'MOA+23:1'"
        "LIN+1++8437000100102:EN'QTY+47:10'ALC+C++++FC'MOA+23:99'UNS+S'MOA+79:10'"
    )
    assert read_invoice_charges(interchange("INVOIC", body, "1")) == {
        "FV-1": (Charge("carriage", D("10.50")), Charge("duties", D("2.25")), Charge("xyz", D(1)))
    }


def test_an_invoice_without_charges_and_other_messages_give_none() -> None:
    plain = "BGM+380+FV-2+9'RFF+ON:PO-000001'LIN+1++8437000100102:EN'QTY+47:10'UNS+S'MOA+79:10'"
    assert read_invoice_charges(interchange("INVOIC", plain, "2")) == {}
    desadv = "BGM+351+ALB-1+9'RFF+ON:PO-000001'ALC+C++++FC'MOA+23:5'LIN+1++8437000100102:EN'QTY+12:10'"
    assert read_invoice_charges(interchange("DESADV", desadv, "3")) == {}
    assert read_invoice_charges(b"not an interchange") == {}

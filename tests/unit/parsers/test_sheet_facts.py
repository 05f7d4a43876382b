"""A sheet's kind, identifiers and labelled dates whose value is no date (parsers.sheet)."""

from __future__ import annotations

from tests.unit.parsers.sheet_support import read_csv


def test_sheet_names_its_unreadable_delivery_date_identifiers_and_kind() -> None:
    text = (
        "Presupuesto,\n"
        "Nº pedido,QP-1180\n"
        "Fecha de entrega,31/11/2027\n"
        "CIF,B-46.998.877\n"
        "Email,compras@almacen-ejemplo.es\n"
        "\n"
        "Código,Descripción,Cantidad,Precio\n"
        "AB-11,Abrazadera 20 mm,40,0.35\n"
    )
    [order] = read_csv(text).orders
    assert order.requested_delivery_date is None
    assert [(u.field, u.label) for u in order.unread] == [("requested_delivery_date", "Fecha de entrega")]
    assert {(str(i.kind), i.value) for i in order.identifiers} >= {
        ("vat", "B46998877"),
        ("email", "compras@almacen-ejemplo.es"),
    }
    assert order.kind == "quote"
    assert [(line.item_code, line.quantity) for line in order.lines] == [("AB-11", 40)]

"""A discounted row read as its order line though OCR read its price as no number (issue 10, normal
faxes: "BRI-NY-200 ... 5.000 UDS 0:035€ 15,00 148,75 €").

The business rule is that of a row without a discount (test_layout_spoilt_figures): the row names no
line not read when the line was read from it all the same, its quantity times its price less its
discount its amount to the cent, and the spoilt figure saying exactly the figures of the price the line
took.  A spoilt figure that says another price still names the row.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read

HEADING = (
    (50, "Código"),
    (130, "Descripción"),
    (300, "Cantidad"),
    (350, "Ud."),
    (390, "Precio"),
    (450, "Dto."),
    (500, "Importe"),
)
SECOND = ((50, "TUE-M8"), (130, "Tuerca"), (305, "200"), (350, "uds"), (395, "0,05"))
SECOND += ((455, "0,00"), (505, "10,00"))


def _row(price: str) -> tuple[tuple[float, str], ...]:
    return (
        (50, "TOR-M8-40"),
        (130, "Tornillo"),
        (305, "250"),
        (350, "uds"),
        (395, price),
        (455, "10,00"),
        (505, "40,50"),
    )


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_discounted_price_read_with_a_colon_for_its_comma_names_no_row() -> None:
    got = read(order([_row("0:18€"), SECOND], heading=HEADING, total="50,50"))
    assert [(line["quantity"], line["unit_price"], line["amount"]) for line in got["lines"]] == [
        ("250", "0.18", "40.5"),
        ("200", "0.05", "10"),
    ]
    assert _named(got) == []


def test_a_discounted_spoilt_price_that_says_another_value_still_names_its_row() -> None:
    got = read(order([_row("0:19€"), SECOND], heading=HEADING, total="50,50"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"

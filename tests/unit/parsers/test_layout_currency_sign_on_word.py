"""A currency sign glued to a word of letters states no currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  A fax spoils an "S" into a "$" ("$.L.," for the company's
"S.L.,") or a "C" into a "€" ("€.1.F." for the freight term "C.I.F.") as easily as a figure; such a sign
stands on letters no figure is mistaken for, where an amount's sign stands on figures.  It says nothing
of the currency.  A sign on an amount, even one whose figures were misread as look-alike letters
("€s.so00"), still counts.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _currency(stray: str, sign: str = "€") -> tuple[str | None, float]:
    lines = [cells(40, (50, f"Ferretería Núñez {stray} Calle Mayor 12"))]
    lines += [cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 24/11/2026"))]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (400, "Precio"), (500, "Importe")
    )
    first = cells(
        174, (50, "GUA-TRA-9"), (130, "Guante"), (340, "60"), (400, f"{sign}3,60"), (500, f"{sign}216,00")
    )
    second = cells(
        188, (50, "LLA-AJ-250"), (130, "Llave"), (340, "3"), (400, f"{sign}12,80"), (500, f"{sign}38,40")
    )
    total = cells(230, (400, "Total"), (500, f"{sign}254,40"))
    (order,) = extract_orders([page(*lines, heading, first, second, total)]).orders
    found = order.evidence_for("currency")
    assert found is not None
    return order.currency, found.confidence


def test_a_dollar_sign_on_a_company_form_is_no_currency() -> None:
    currency, confidence = _currency("$.L.,")
    assert currency == "EUR" and confidence >= 0.8


def test_a_euro_sign_on_a_freight_term_is_no_currency() -> None:
    currency, confidence = _currency("€.1.F.", sign="$")
    assert currency == "USD" and confidence >= 0.8


def test_a_sign_on_figures_still_counts() -> None:
    _, confidence = _currency("$12.00")
    assert confidence < 0.8


def test_a_sign_on_figures_read_as_look_alike_letters_still_counts() -> None:
    _, confidence = _currency("$l2.OO")
    assert confidence < 0.8


def test_a_code_joined_to_a_word_still_counts() -> None:
    # "USD-Betrag" (the amount in dollars) states the currency in words, it is no spoilt letter
    _, confidence = _currency("USD-Betrag")
    assert confidence < 0.8

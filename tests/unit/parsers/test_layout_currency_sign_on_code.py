"""A currency sign before a code's figures, on a scanned line of no money, states no currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  A fax spoils a postcode's first figure into a "€" ("€6600"
for "66600" on the address line) or a customer number's "C" ("€-3002" for "C-3002") as easily as a
letter.  Money is written to the cent or grouped by thousands, and no order prints a negative amount
with its sign before the minus: such a sign, on a line that writes no figure to the cent, says nothing
of the currency.  A sign on an amount written to the cent, on a line of money, or on a text layer (which
prints what it prints) still counts.
"""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _words(stray: str) -> PageWords:
    lines = [cells(40, (50, "Herrajes del Norte"), (300, f"50014 Zaragoza {stray} Apodaca"))]
    lines += [cells(70, (50, "Nº pedido: F-03622"))]
    lines += [cells(84, (50, "Fecha: 23/11/2026"))]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (400, "Precio"), (500, "Importe")
    )
    first = cells(174, (50, "GUA-TRA-9"), (130, "Guante"), (340, "60"), (400, "$3.60"), (500, "$216.00"))
    second = cells(188, (50, "LLA-AJ-250"), (130, "Llave"), (340, "3"), (400, "$12.80"), (500, "$38.40"))
    total = cells(230, (400, "Total"), (500, "$254.40"))
    return page(*lines, heading, first, second, total)


def _currency(stray: str, source: str = "ocr") -> tuple[str | None, float]:
    words: PageWords = _words(stray)
    (order,) = extract_orders([replace(words, source=source)]).orders
    found = order.evidence_for("currency")
    assert found is not None
    return order.currency, found.confidence


def test_a_sign_before_a_postcode_is_no_currency() -> None:
    currency, confidence = _currency("€6600")
    assert currency == "USD" and confidence >= 0.8


def test_a_sign_before_a_hyphen_and_figures_is_no_currency() -> None:
    currency, confidence = _currency("€-3002")
    assert currency == "USD" and confidence >= 0.8


def test_a_sign_on_an_amount_to_the_cent_still_counts() -> None:
    _, confidence = _currency("€66.00")
    assert confidence < 0.8


def test_a_sign_on_a_line_of_money_still_counts() -> None:
    # "€6600" beside an amount to the cent may be money whose marks the fax lost
    _, confidence = _currency("€6600 12.50")
    assert confidence < 0.8


def test_a_sign_on_a_short_whole_figure_still_counts() -> None:
    _, confidence = _currency("€250")
    assert confidence < 0.8


def test_a_text_layer_prints_what_it_prints() -> None:
    _, confidence = _currency("€6600", source="text")
    assert confidence < 0.8

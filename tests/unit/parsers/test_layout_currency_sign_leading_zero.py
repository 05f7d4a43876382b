"""A currency sign before a zero and another figure, on a scanned line of no money, states no currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  A fax spoils the first figure of a group of a tax number
("NIF PT 509 876 543") into a "£" as easily as a postcode's: "£09".  No amount is written with a zero
before its other figures and no mark (a whole amount starts with a figure that is not zero, a part of
one with "0," or "0."), so such a sign, on a line that writes no figure to the cent, says nothing of the
currency.  A sign on a whole figure, on an amount to the cent, or on a line of money still counts.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import cells, euro_currency


def _currency(stray: str) -> tuple[str | None, float]:
    """The currency of a euro order whose letterhead's tax-number line reads `stray`, and how sure."""
    return euro_currency(
        cells(40, (50, "Ferragens do Norte Lda.")),
        cells(54, (50, f"NIF PT {stray} 876 543")),
        cells(70, (50, "Encomenda n.º: P04705")),
        cells(84, (50, "Data: 24.11.2026")),
        heading=("Código", "Designação", "Quantidade", "Preço"),
    )


def test_a_pound_sign_before_a_zero_and_figures_is_no_currency() -> None:
    # "509" with its 5 spoilt into a "£"
    currency, confidence = _currency("£09")
    assert currency == "EUR" and confidence >= 0.8


def test_a_dollar_sign_before_zeros_is_no_currency() -> None:
    currency, confidence = _currency("$007")
    assert currency == "EUR" and confidence >= 0.8


def test_a_sign_on_a_whole_figure_still_counts() -> None:
    # "£90" may be a whole amount in pounds
    _, confidence = _currency("£90")
    assert confidence < 0.8


def test_a_sign_on_a_fraction_of_a_unit_still_counts() -> None:
    _, confidence = _currency("£0,90")
    assert confidence < 0.8


def test_a_sign_before_a_zero_on_a_line_of_money_still_counts() -> None:
    # beside an amount to the cent, "£09" may be money whose mark the fax lost
    _, confidence = _currency("£09 12.50")
    assert confidence < 0.8

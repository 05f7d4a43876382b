"""A currency sign before an abbreviation's points, whatever the fax made of its letters, states no currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  A company's "S.L.," in a letter's greeting is read "$.1.,"
on a normal fax: its S taken for a "$" and its L for a 1 (found at tuning seed 172502, where six "€"
amounts and totals tied to the cent stood against it).  "$.L.," was already no currency: an L is no
figure.  No amount is written as a point straight after its sign, then a figure alone and a point: a
fraction has two figures and nothing after it within the word but a sentence's mark.  A sign on a
fraction of a unit (".50"), on a whole figure or on an amount to the cent still counts.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import cells, euro_currency


def _currency(greeting: str) -> tuple[str | None, float]:
    """The currency of a euro order whose greeting line reads `greeting`, and how sure."""
    return euro_currency(
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: 038/26")),
        cells(84, (50, "Fecha: 24.11.2026")),
        cells(110, (50, f"Estimados señores de Comanda {greeting} les rogamos nos sirvan:")),
    )


def test_a_dollar_sign_for_the_s_of_s_l_with_its_l_read_as_a_one_is_no_currency() -> None:
    currency, confidence = _currency("$.1.,")
    assert currency == "EUR" and confidence >= 0.8


def test_an_abbreviation_of_two_letters_with_a_figure_among_them_is_no_currency() -> None:
    # "S.A.L." read "$.4.1.": each character alone between points
    currency, confidence = _currency("$.4.1.")
    assert currency == "EUR" and confidence >= 0.8


def test_a_sign_before_cents_written_with_a_point_still_counts() -> None:
    # "$.50" is fifty cents: two figures after the point, no point after them
    _, confidence = _currency("$.50")
    assert confidence < 0.8


def test_a_sign_on_a_whole_figure_with_a_sentence_stop_still_counts() -> None:
    # "$5." at the end of a sentence is five dollars
    _, confidence = _currency("$5.")
    assert confidence < 0.8


def test_a_sign_on_an_amount_to_the_cent_still_counts() -> None:
    _, confidence = _currency("$12.50,")
    assert confidence < 0.8

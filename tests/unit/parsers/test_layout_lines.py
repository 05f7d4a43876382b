"""Words into lines: the running median of a line's word heights, and page-number footers."""

from __future__ import annotations

import pytest

from core.capture.domain.layout import Word
from parsers.layout.geometry import Line, Tok, is_page_number
from parsers.layout.line_grouping import _median_of_sorted
from parsers.layout.text import token_key


@pytest.mark.parametrize(
    ("values", "median"),
    [([7.5], 7.5), ([1.0, 2.0, 4.0], 2.0), ([1.0, 2.0, 4.0, 10.0], 3.0), ([3.0, 3.0], 3.0)],
)
def test_the_median_of_heights_kept_in_order(values: list[float], median: float) -> None:
    assert _median_of_sorted(values) == median


def _line(*cells: tuple[float, str]) -> Line:
    """One line of words 10 points high, 6 points per character, a 4-point space between the words of
    a cell; each cell starts at its x."""
    toks = []
    for x, text in cells:
        x0 = x
        for part in text.split():
            x1 = x0 + 6 * len(part)
            toks.append(Tok(Word(part, x0, 0, x1, 10), 1, x0, 0, x1, 10, token_key(part)))
            x0 = x1 + 4
    return Line(1, toks)


@pytest.mark.parametrize("text", ["Página 2", "PAG. 3", "Page 1", "Hoja 4", "p. 7", "- Página 2 -"])
def test_a_page_number_alone_is_one(text: str) -> None:
    assert is_page_number(_line((500, text)))


def test_a_page_number_set_apart_on_a_line_with_other_text_is_one() -> None:
    assert is_page_number(_line((40, "Pedido"), (300, "Página 2")))


@pytest.mark.parametrize(
    "cells",
    [
        ((40, "Cinta aislante 19 mm"),),
        ((40, "Pedido"), (300, "1250")),
        ((40, "Tipo 5 de 3"),),  # words that only end like a page number
        ((40, "Ver página 2"),),  # a page number inside a sentence, not alone
    ],
)
def test_other_lines_are_not_page_numbers(cells: tuple[tuple[float, str], ...]) -> None:
    assert not is_page_number(_line(*cells))

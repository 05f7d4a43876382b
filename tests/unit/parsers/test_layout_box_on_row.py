"""Where a cell lies on a faxed row, placed by the row's figures.

The business rule: a cell on a row is found across by the figures read on either side of it; a row whose
only figures were read inside the cell itself (a row the fax left with its quantity alone) still has that
cell, placed by those figures, and reading the order must not stop there."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout.geometry import Line, Tok, box_on_row


def _tok(text: str, x0: float, x1: float) -> Tok:
    # a fax page read at twice the points' scale: the word's pixels are the points doubled
    word = Word(text, x0 * 2, 200.0, x1 * 2, 214.0, 0.9)
    return Tok(word, 1, x0, 100.0, x1, 107.0, text.lower())


def test_a_row_whose_only_figure_lies_inside_the_cell_is_placed_by_it() -> None:
    row = Line(1, [_tok("Tornillo", 60.0, 100.0), _tok("250", 335.0, 351.0)])
    box = box_on_row(row, 330.0, 360.0)
    assert box is not None
    x0, y0, x1, y1 = box
    assert (x0, x1) == (660.0, 720.0)
    assert y0 < 207.0 < y1


def test_a_cell_between_figures_is_placed_by_them() -> None:
    row = Line(1, [_tok("12", 60.0, 70.0), _tok("45,00", 500.0, 527.0)])
    box = box_on_row(row, 330.0, 360.0)
    assert box is not None and box[0] == 660.0 and box[2] == 720.0


def test_a_row_without_figures_has_no_cell() -> None:
    assert box_on_row(Line(1, [_tok("Tornillo", 60.0, 100.0)]), 330.0, 360.0) is None

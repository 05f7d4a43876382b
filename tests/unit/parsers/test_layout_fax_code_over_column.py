"""Fine fax lines (faxlf27): an article code printed wider than its column.

The business rule: an article code is one fact, its pieces joined by hyphens ("SIL-TRA-300").  Where a
narrow "Artículo" heading stands left of "Descripción" and a code printed in brackets reaches past it
into the description's ink, the code is still one cell: no column begins or ends with a hyphen, so the
code is not cut beside one (before, "SIL-TRA" was read as the code and "300" went to the description,
and the code named no product).  Figures run together over the white space between two columns are
still cut apart there.  Each test builds its line word by word."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout.cells import Column, Table
from parsers.layout.geometry import Line, Tok
from parsers.layout.text import token_key

CHAR = 3.3  # points per character of the table's narrow type


def _tok(text: str, x: float, y: float = 250.0) -> Tok:
    x1 = x + CHAR * len(text)
    return Tok(Word(text, x, y, x1, y + 6, 0.9), 1, x, y, x1, y + 6, token_key(text))


def _table() -> Table:
    """Code under "Artículo" (32-60), description under "Descripción" (60-140), the quantity under
    "Cant." (152-170): the first two abut, their ink running on (descriptions wrap under the code)."""
    code = Column("code", 32, 59, "Artículo")
    desc = Column("description", 61, 106, "Descripción")
    qty = Column("qty", 152, 169, "Cant.")
    return Table([code, desc, qty], [(30, 60, code), (60, 140, desc), (159, 170, qty)])


def _cells(*toks: Tok) -> dict[str, list[str]]:
    got = _table().cells(Line(1, list(toks)))
    return {kind: [t.text for t in cell] for kind, cell in got.items()}


def test_a_bracketed_code_reaching_into_the_description_stays_whole() -> None:
    # "[SIL-TRA-300]" from 33 to 76 reaches over the boundary at 60: before, it was cut at "-300".
    got = _cells(_tok("[SIL-TRA-300]", 33), _tok("Silicona", 79), _tok("48", 160))
    assert got["code"] == ["[SIL-TRA-300]"]
    assert got["description"] == ["Silicona"]
    assert got["qty"] == ["48"]


def test_a_code_with_a_speck_before_it_stays_whole_too() -> None:
    # "'IGUA-TRA-9]": a speck and a bracket read at the code's ends; cut, "9" went to the description.
    got = _cells(_tok("'IGUA-TRA-9]", 30), _tok("Guante", 72), _tok("48", 160))
    assert got["code"] == ["'IGUA-TRA-9]"]


def test_figures_run_together_over_the_gap_are_still_cut() -> None:
    # guard: position and figures run into one word over a river are two cells, as before
    code = Column("code", 32, 59, "Pos.")
    qty = Column("qty", 80, 100, "Menge")
    table = Table([code, qty], [(30, 55, code), (65, 100, qty)])
    got = table.cells(Line(1, [_tok("0003012500", 44)]))
    assert [t.text for t in got["code"]] == ["00030"]
    assert [t.text for t in got["qty"]] == ["12500"]

"""Normal fax lines (faxbf27): a form whose descriptions run on under the heading of the narrow
"Revisión" column beside them, so that ink runs all the way between "Concepto" and "Revisión" and the
only white place under the run of ink is the gap between the codes and the descriptions, left of
"Concepto".  A cut there left the description column a point wide and gave every description to the
revision column.  A cut between two headings leaves each of them over the greater part of its own
column.  Each test builds its page word by word (tests.unit.parsers.ocr_support), figures
right-aligned as tables print them, and states the rule it checks."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, header_rows, page, read

CODE, DESC, REVISION = 40.0, 98.0, 222.0  # left edges of the code, description and revision columns
QTY, PRICE, AMOUNT = 330.0, 440.0, 540.0  # right edges of the quantity, price and amount columns

# (code, description, revision, quantity, price, amount): the revision column blank on some rows
_ROWS = (
    ("TOR-M8-40", "Tornillo hexagonal negro", "", "2000", "0,18", "360,00"),
    ("TUE-M8", "Tuerca hexagonal M8", "A", "5000", "0,05", "250,00"),
    ("ARA-M8", "Arandela plana M8", "A", "1000", "0,02", "20,00"),
    ("TAC-6", "Taco de nailon 6 mm", "B", "20", "3,90", "78,00"),
    ("GUA-NIT-L", "Guantes de nitrilo L", "A", "6", "8,50", "51,00"),
    ("LLA-AJ-250", "Llave ajustable grande", "", "2", "12,80", "25,60"),
)
_TOTAL = "784,60"


def _right(edge: float, text: str) -> tuple[float, str]:
    """A figure set right-aligned to end at `edge`, as a table prints its figures."""
    return edge - CHAR * len(text), text


def _page(revision: float) -> list[list[Word]]:
    """Ferretería Núñez's order: the heading "Código Concepto Revisión Cantidad UM Precio Importe" with
    "Revisión" at `revision`, and the six rows under it (each revision letter under its heading)."""
    heading = cells(
        160,
        (CODE, "Código"),
        (DESC, "Concepto"),
        (revision, "Revisión"),
        (280, "Cantidad"),
        (340, "UM"),
        (400, "Precio"),
        (490, "Importe"),
    )
    lines = [*header_rows(), heading]
    y = 160.0
    for code, desc, rev, qty, price, amount in _ROWS:
        y += 14
        words = [(CODE, code), (DESC, desc), *([(revision, rev)] if rev else [])]
        lines.append(
            cells(y, *words, _right(QTY, qty), (340, "uds"), _right(PRICE, price), _right(AMOUNT, amount))
        )
    lines.append(cells(y + 28, (420, "Total"), _right(AMOUNT, _TOTAL)))
    return lines


def _facts(got: dict[str, Any]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [
        (line["item_code"], line["description"], line["quantity"], line["unit_price"])
        for line in got["lines"]
    ]


_RIGHT = [
    (code, desc, qty, price.replace(",", ".").rstrip("0").rstrip("."))
    for code, desc, _, qty, price, _ in _ROWS
]


def test_descriptions_run_on_under_the_next_heading_keep_their_column() -> None:
    # The longest descriptions ("Tornillo hexagonal negro", "Llave ajustable grande") end under the
    # start of "Revisión", on rows whose revision is blank; the letters of the others stand a little
    # right of them.  No white runs down between the descriptions and the revisions, and the white
    # between the codes and the descriptions stands left of "Concepto".  Every line's description is
    # its own (before: none, each in the revision column).
    got = read(page(*_page(REVISION)))
    assert _facts(got) == _RIGHT


def test_the_same_form_with_the_revision_column_clear_reads_the_same() -> None:
    # The guard: "Revisión" set clear of the descriptions, white runs down between the two columns
    # and the cut is there, as before.
    got = read(page(*_page(REVISION + 40)))
    assert _facts(got) == _RIGHT

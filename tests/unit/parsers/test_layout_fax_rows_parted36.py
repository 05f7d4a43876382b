"""A fine fax row parted in two, its price and amount read a little higher than its code, description and
quantity, the figures' ink reaching down into the words' line (issue 10, faxfl36: a dot-matrix order's
first row, "8437000100232 LEATHER WORK GLOVE … 120,000 Stk" under "3.600 432,00", lost, and every later
line of the order one place out).  The business rule: one printed row is one order line; a row's
figures stand beside its words, whichever of them the fax drew a little higher.  Figures a blank line
above a row are no part of it."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import HEADING, STEP, cells, numbers, page, read, row

FIELDS = ["Nº pedido: PED-26/00123", "Fecha: 23/11/2026", "Fecha de entrega: 30/11/2026"]
FIELDS += ["Nº cliente: C-1001", "Moneda: EUR"]


def _order(first: list[tuple[float, tuple[tuple[float, str], ...]]], total: str) -> dict:
    """An order whose first row is `first` (each piece a line at its offset from the row's height), two
    ordinary rows under it, and the printed `total`."""
    lines = [cells(40, (50, "Ferretería Núñez S.L."))]
    lines += [cells(70 + 14 * i, (50, text)) for i, text in enumerate(FIELDS)]
    y = 160.0
    lines.append(cells(y, *HEADING))
    y += 2 * STEP
    lines += [cells(y + dy, *placed) for dy, placed in first]
    for placed in (
        row("TUE-M8", "110", "0,05", "5,50", desc="Tuerca"),
        row("TAC-6", "5", "3,90", "19,50", unit="caja"),
    ):
        y += STEP
        lines.append(cells(y, *placed))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return read(page(*lines))


WORDS = ((50, "TOR-M8-40"), (130, "Tornillo hexagonal"), (350, "120"), (390, "uds"))
FIGURES = ((440, "0,18"), (505, "21,60"))


def test_a_price_and_amount_read_a_little_above_the_rows_code_and_quantity_are_its_own() -> None:
    # the figures' ink 5 points higher than the words', ending 2 points inside their line
    got = _order([(-5.0, FIGURES), (0.0, WORDS)], total="46,60")
    assert numbers(got) == [("TOR-M8-40", "120", "0.18"), ("TUE-M8", "110", "0.05"), ("TAC-6", "5", "3.9")]
    assert got["lines"][0]["amount"] == "21.6"


def test_figures_a_gap_above_a_row_with_its_quantity_are_not_taken_into_it() -> None:
    # guard: a blank strip between the figures and the words, nothing says they are one row
    got = _order([(-12.0, FIGURES), (0.0, WORDS)], total="46,60")
    assert ("TOR-M8-40", "120", "0.18") not in numbers(got)
    assert got["decision"] != "accept"

"""Header dates whose only doubts a second reading and the order's own date checks settle.

The business rule: a date after its label is offered for a second reading of its ink when the layout is
at least likely of its place; readings again that say it with confidence make it as sure as its label
makes it (parsers.ocr.recheck.confirm).  What the page's reading took off for how the date was printed
does not stand against it then: a separator OCR read as another ("23.11,2026", mended to 23.11.2026) is
settled when the readings again say the same figures with a separator as printed, and a two-figure
year's century ("25.11.26") is settled by the checks every order date goes through (a date a hundred
years off is old or in the future and waits for a person).  A day and month that may swap stay doubtful,
and a date whose figures had to be mended is not offered as one a reading again could settle.
"""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from parsers.layout.recheck import Recheck
from tests.unit.parsers.ocr_support import cells, page, word


def _rechecks(label: str, printed: str, conf: float = 0.93) -> tuple[str, list[Recheck]]:
    date_word: list[Word] = [word(printed, 100, 84, conf=conf)]
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, label)) + date_word]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")
    )
    row = cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))
    total = cells(202, (430, "Total"), (500, "45,00"))
    extraction = extract_orders([page(*lines, heading, row, total)])
    (order,) = extraction.orders
    return str(order.order_date), [r for r in extraction.rechecks if r.path == "order_date"]


def test_a_date_with_a_separator_read_as_another_is_offered_as_sure_as_its_label() -> None:
    read, offered = _rechecks("Fecha:", "23.11,2026")
    assert read == "2026-11-23"
    (check,) = offered
    assert check.certainty == 1.0
    # a figure mended ("1l" read for 11) is no separator: a second reading cannot say it as printed
    _, mended = _rechecks("Fecha:", "23.1l.2026")
    assert not mended or mended[0].certainty < 1.0


def test_a_date_with_a_two_figure_year_is_offered_as_sure_as_its_label() -> None:
    # "Data" without its colon is a short label (likely, 0.9): with the century's doubt on it the date
    # was 0.855, under what a second reading is offered for, and stayed in doubt however alike the
    # readings again were; the only date on this page, nothing else it may name, its label is no doubt
    # either (parsers.layout.generic): offered as sure
    read, offered = _rechecks("Data", "25.11.26")
    assert read == "2026-11-25"
    (check,) = offered
    assert check.certainty == 1.0
    # a day and a month that may swap are no doubt of the characters: they stay
    _, swapping = _rechecks("Data", "03.04.26")
    assert not swapping or swapping[0].certainty < 0.9

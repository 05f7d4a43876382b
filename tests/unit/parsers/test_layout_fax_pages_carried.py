"""An order printed over two faxed pages, each page with its own table heading, whose order number OCR
read differently on the two ("4530687 173" cut at a space on page 1).  The business rule: a page that
says it goes on with the order before ("Brought forward …" or "(continued)" above its table, or a
carried-forward sum under the table before) is that order's next page, never a new order: a new order
would take every line of the page away from the order they belong to."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, page, row


def _page(number: int, po: str, rows: list[tuple], above: str | None, below: str | None) -> PageWords:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, f"Nº pedido: {po}"))]
    if above is not None:
        lines.append(cells(100, (300, above)))
    y = 160.0
    lines.append(cells(y, *HEADING))
    for r in rows:
        y += STEP
        lines.append(cells(y, *r))
    # the last row's description on a line of its own, prose enough to end the table before the sum
    lines.append(cells(y + STEP, (130, "Guante de trabajo piel flor según plano adjunto")))
    if below is not None:
        lines.append(cells(y + 3 * STEP, (430, below)))
    return page(*lines, number=number)


def _read(above: str | None, below: str | None) -> list[list[str | None]]:
    first = _page(1, "4530687", [row("TOR-M8-40", "25", "0,18", "4,50")], None, below)
    second = _page(2, "4530687173", [row("TUE-M8", "110", "0,05", "5,50")], above, "Total 10,00")
    return [[line.item_code for line in o.lines] for o in extract_orders([first, second]).orders]


def test_a_page_that_brings_the_sum_forward_goes_on_with_the_order_before() -> None:
    assert _read("Brought forward 4,50", None) == [["TOR-M8-40", "TUE-M8"]]
    # the same pages saying nothing of the order before: two order numbers, two orders
    assert len(_read(None, None)) == 2


def test_a_sum_carried_forward_under_a_table_sends_the_order_on_to_the_next_page() -> None:
    assert _read(None, "Total c/f 4,50") == [["TOR-M8-40", "TUE-M8"]]

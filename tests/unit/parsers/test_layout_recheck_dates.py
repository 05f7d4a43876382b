"""Header dates printed in several words ("24 Noviembre, 2026") offered for a second look.

The business rule: a date after its label that the layout is sure of but whose characters OCR read
unsure is cut from the page and read again (parsers.ocr.recheck); a date printed in words is made of
the words of one line, and they are offered together (read again, they must say the same words:
tests/integration/test_fax_date_words_again.py).
"""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page, word


def _offered(date_words: list[Word]) -> list[str]:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha:")), date_words]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")
    )
    row = cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))
    total = cells(202, (430, "Total"), (500, "45,00"))
    extraction = extract_orders([page(*lines, heading, row, total)])
    (order,) = extraction.orders
    assert order.order_date is not None and str(order.order_date) == "2026-11-24"
    found = order.evidence_for("order_date")
    assert found is not None and found.confidence < 0.8
    return [r.path for r in extraction.rechecks]


def test_an_order_date_in_words_after_its_label_is_offered_for_a_second_look() -> None:
    # its day read unsure: a month's name no misreading makes another's ("Noviembre," at 0.5) no
    # longer leaves the date unsure by itself (test_layout_fax_month_name_unsure.py), its figures do
    date_words = [word("24", 84, 84, conf=0.5), word("Noviembre,", 100, 84), word("2026", 152, 84)]
    assert "order_date" in _offered(date_words)

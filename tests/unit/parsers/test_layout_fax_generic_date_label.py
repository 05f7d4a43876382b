"""An order date under a generic "Date" heading, offered for a second reading of its ink.

The business rule: on a purchase order a generic "Date" (or "Fecha") heads the order's date, but the
label alone is only likely: it may head some other date. Where nothing else on the page could be the
date it names (no other order date, no delivery label seen unread, every other date printed accounted
for by its own label or a line), the label is no doubt and only how OCR read the figures is: readings
of their ink again that agree settle them, as for a date under a sure label (the reading again is
offered at certainty 1.0, not 0.9, so two readings at 0.86 make 0.86, above the 0.8 floor). A date
the label might as well name keeps the label likely.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, page, row


def _order(*extra: str, conf: float = 0.85) -> PageWords:
    """Order PED-26/00123 of C-1001: a row of headings ("Pedido", "Date", "Cliente") over their values,
    the date read at `conf`, the `extra` lines under it, one line and its total."""
    values = cells(84, (50, "PED-26/00123"), (350, "C-1001"))
    lines: list[list[Word]] = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Pedido"), (200, "Date"), (350, "Cliente")),
        [*values, *cells(84, (200, "23/11/2026"), conf=conf)],
    ]
    lines += [cells(110 + STEP * i, (50, text)) for i, text in enumerate(extra)]
    lines.append(cells(160, *HEADING))
    lines.append(cells(160 + STEP, *row("TOR-M8-40", "250", "0,18", "45,00")))
    lines.append(cells(160 + 3 * STEP, (430, "Total"), (500, "45,00")))
    return page(*lines)


def _offered(pages: PageWords) -> float | None:
    """The certainty the order date is offered at for a second reading; None when it is not."""
    got = extract_orders([pages])
    assert got.orders[0].order_date is not None and got.orders[0].order_date.isoformat() == "2026-11-23"
    return next((r.certainty for r in got.rechecks if r.path == "order_date"), None)


def test_the_only_date_on_the_page_under_a_generic_heading_is_offered_as_sure() -> None:
    assert _offered(_order()) == 1.0


def test_a_delivery_date_under_its_own_label_does_not_compete() -> None:
    assert _offered(_order("Fecha de entrega: 30/11/2026")) == 1.0


def test_a_date_no_label_accounts_for_keeps_the_heading_likely() -> None:
    assert _offered(_order("Oferta 112 del 20/11/2026")) == 0.9

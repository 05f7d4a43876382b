"""A faxed delivery date printed after its label with a two-figure year ("REQUIRED DELIVERY: 07-DEC-26",
read at 0.83, fine fax dotmatrix-183502): "26" says 2026 only by the century the reader supplies, and
that cost the date a twentieth of its certainty (0.79), so a date read as sure as a four-figure one
waited for a person.  The business rule: a delivery falls on or after the order's date and within a
year of it; a century off never does, so a delivery date in that place has its century settled, and is
as sure as its figures are read.  Outside that place, or with no order date to place it by, or where
its day and month may be read the other way round, the two-figure year still costs it; its figures
read unsure still leave it unsure.

The pages are built word by word, as the layout reader gets them from Tesseract.
"""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page, sentence

SURE = 0.96
READ = 0.83  # dotmatrix-183502's delivery date, as Tesseract read it on the page
UNSURE = 0.6
FLOOR = 0.8  # the confidence under which validation holds a field for a person
HEADING = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))


def _delivery(
    delivered: str, *, ordered: str | None = "Fecha: 25/11/2026", conf: float = READ
) -> tuple[str | None, float]:
    """The delivery date read from a small faxed order labelled "Entrega: `delivered`" (read at `conf`),
    dated by the line `ordered` (none when None), and its confidence."""
    dated: list[Word] = cells(84, (50, ordered)) if ordered else []
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: PED-26/00123")),
        dated,
        sentence(98, ("Entrega:", SURE), (delivered, conf)),
        cells(160, *HEADING),
        cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
        cells(202, (430, "Total"), (500, "45,00")),
    ]
    (got,) = extract_orders([page(*lines)]).orders
    found = got.evidence_for("requested_delivery_date")
    value = got.requested_delivery_date
    return (value.isoformat() if value else None), (found.confidence if found else 0.0)


def test_a_two_figure_year_twelve_days_after_the_order_date_is_as_sure_as_its_reading() -> None:
    when, confidence = _delivery("07-DEC-26")
    assert when == "2026-12-07"
    assert confidence >= FLOOR


def test_a_numeric_two_figure_year_in_its_place_is_as_sure_as_its_reading() -> None:
    when, confidence = _delivery("17.12.26")  # no month is 17: it reads one way only
    assert when == "2026-12-17"
    assert confidence >= FLOOR


def test_a_day_and_month_that_may_swap_keep_every_doubt() -> None:
    # guard: "07.12.26" is the 7th of December or the 12th of July; only a date that reads one way
    # has its century settled
    when, confidence = _delivery("07.12.26")
    assert when == "2026-12-07"
    assert confidence < FLOOR


def test_a_two_figure_year_with_no_order_date_still_costs_the_date() -> None:
    # guard: nothing places it, so its century is the reader's guess
    when, confidence = _delivery("07-DEC-26", ordered=None)
    assert when == "2026-12-07"
    assert confidence < FLOOR


def test_a_two_figure_year_before_the_order_date_still_costs_the_date() -> None:
    # guard: a delivery before the order was misread somewhere; nothing is settled
    when, confidence = _delivery("07-NOV-26")
    assert when == "2026-11-07"
    assert confidence < FLOOR


def test_a_two_figure_year_read_unsure_is_still_unsure() -> None:
    # guard: only the century is settled, never the figures
    when, confidence = _delivery("07-DEC-26", conf=UNSURE)
    assert when == "2026-12-07"
    assert confidence < FLOOR

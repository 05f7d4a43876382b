"""Normal fax dates whose separators OCR spoiled: read as a bracket or doubled ("07)12,2026",
"06,.12,2026"), or lost both ("15122026" after its label). Each read only once mended, so doubtful; and a
date whose point was read as a comma still says which the document writes first, the day or the month."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from parsers.layout.date_marks_lost import run_together
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _delivery(*placed: tuple[float, str]) -> dict[str, Any]:
    """An order (dated 23/11/2026) whose "Fecha de entrega:" line is left out and `placed` printed."""
    base = order(GOOD, drop="Fecha de entrega:")
    more = cells(140, *placed)
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_a_separator_read_as_a_bracket_or_doubled_is_mended_doubtful() -> None:
    for printed, wanted in (
        ("07)12,2026", "2026-12-07"),
        ("06,.12,2026", "2026-12-06"),
        ("09(12/2026", "2026-12-09"),
    ):
        got = _delivery((50, "Fecha de entrega:"), (150, printed))
        assert got["requested_delivery_date"] == wanted, printed
        assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"


def test_an_amount_or_a_plain_date_is_not_taken_for_a_spoiled_one() -> None:
    assert find_date("12,50 2026") is None
    assert find_date("1.234,56 2026") is None
    found = find_date("23/12/2026")
    assert found is not None and found.certainty == 1.0  # as printed, not mended


def test_eight_figures_after_a_date_label_are_that_date_doubtful() -> None:
    got = _delivery((50, "Fecha de entrega:"), (150, "07122026"))
    assert got["requested_delivery_date"] == "2026-12-07"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"
    # only a label's value alone: in any other text eight figures are no date
    assert find_date("07122026") is None
    assert run_together("ref 07122026") is None
    assert run_together("071220266") is None
    assert run_together("45132026") is None  # no month 13


def test_a_date_whose_point_was_read_as_a_comma_says_the_page_writes_the_day_first() -> None:
    # a page with a ZIP code like a United States address, whose only dates are "23.11,2026" (the 23
    # cannot be a month) and the delivery "06.12.2026": the 6th of December, not the 12th of June
    lines = [
        cells(60, (50, "Nº pedido: PED-26/00123")),
        cells(74, (50, "Fecha: 23.11,2026")),
        cells(88, (50, "Fecha de entrega: 06.12.2026")),
        cells(102, (50, "Moneda: EUR")),
        cells(116, (50, "LA, 50014 ZARAGOZA")),
    ]
    base = order(GOOD, header=False)
    got = read(
        PageWords(
            1, base.width, base.height, base.dpi, base.words + tuple(w for li in lines for w in li), "ocr"
        )
    )
    assert got["order_date"] == "2026-11-23"
    assert got["requested_delivery_date"] == "2026-12-06"

"""An order whose header states no delivery date takes the earliest of its lines' dates: the first day
the customer needs goods.  The business rule: nobody asks for goods before the day they order them, nor
more than a year after, so a line's date read so (a day-first "07/12/26" whose 2 was read as a 7,
"07/17/26", which only reads as 17 July; a year a figure off) was misread and is no first day of need
while another line's date falls in time.  The lines then disagree, so the order's delivery date waits
for a person either way."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, header_rows, page, read, row


def _lines_dated(*said: str, ordered: str = "23/11/2026") -> dict[str, Any]:
    """Order PED-26/00123 of C-1001 dated `ordered` with no delivery date of its own; under each of its
    three lines "Fecha entrega:" and the date read there."""
    lines: list[list[Word]] = header_rows(ordered=ordered, delivery=None)
    y = 160.0
    lines.append(cells(y, *HEADING))
    rows = [
        row("TOR-M8-40", "250", "0,18", "45,00"),
        row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca"),
        row("TOR-M8-40", "100", "0,18", "18,00"),
    ]
    for cells_of_row, date in zip(rows, said, strict=True):
        y += STEP
        lines.append(cells(y, *cells_of_row))
        y += STEP
        lines.append(cells(y, (130, "Fecha entrega:"), (212, date)))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "74,10")))
    return read(page(*lines))


def _held(got: dict[str, Any]) -> bool:
    return got["decision"] != "accept" and any(
        p["field"] == "requested_delivery_date" for p in got["problems"]
    )


def test_a_line_date_read_month_first_before_the_order_is_not_the_orders_delivery_date() -> None:
    # 7 December printed on every line, day first as the order's own date; one read "07/17/26",
    # which reads only as 17 July, months before the order of 23 November: the others give the date
    got = _lines_dated("07/12/26", "07/17/26", "07/12/26")
    assert got["requested_delivery_date"] == "2026-12-07"
    assert _held(got)


def test_a_line_date_a_year_off_is_not_the_orders_delivery_date() -> None:
    # "03/12/2026" printed on each line, one read "10/12/2025": a year before the order
    got = _lines_dated("10/12/2025", "03/12/2026", "03/12/2026")
    assert got["requested_delivery_date"] == "2026-12-03"
    assert _held(got)


def test_line_dates_all_in_time_give_the_earliest() -> None:
    # two days asked for, both after the order: the first of them, as before
    got = _lines_dated("14/12/2026", "07/12/2026", "14/12/2026")
    assert got["requested_delivery_date"] == "2026-12-07"


def test_line_dates_all_before_the_order_are_kept_and_held() -> None:
    # no line's date falls in time: nothing tells which was misread, so the earliest is kept as read
    # and the order waits for a person
    got = _lines_dated("07/11/2026", "14/11/2026", "14/11/2026")
    assert got["requested_delivery_date"] == "2026-11-07"
    assert _held(got)

"""A Spanish date written out ("9 de diciembre de 2026") whose space between "de" and the month's name
a fax read as a dash ("9 de-diciembre de 2026"). The business rule: the day, the month's name and the
year are all read; the dash stands where a space is printed, so the date is that day, and since a mark
was mended a person confirms it. A "de-" with no day before it ("lote de-diciembre 2026") is no date."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, order, read, row


def test_a_dash_after_de_before_a_month_name_is_the_space_doubtful() -> None:
    for text, day in (("9 de-diciembre de 2026", "2026-12-09"), ("19 de-noviembre de 2026", "2026-11-19")):
        found = find_date(text)
        assert found is not None and found.value.isoformat() == day, text
        assert found.certainty < 0.8, text


def test_a_dash_after_de_with_no_day_before_it_is_no_date() -> None:
    # guard
    assert find_date("lote de-diciembre 2026") is None


def test_a_delivery_sentence_with_the_dash_is_read_and_waits() -> None:
    base = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", drop="Fecha de entrega:")
    more = cells(
        260, (50, "La mercancía deberá estar en nuestro almacén el 9 de-diciembre de 2026 como muy tarde.")
    )
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["requested_delivery_date"] == "2026-12-09"
    assert got["decision"] != "accept"

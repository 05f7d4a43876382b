"""Normal fax header fields a gap, a speck or a lost mark kept from their labels: a total with tax
whose figures read as no amount ("188312"), a date after "antes de" standing in the next phrase, a dot
leader ending in a colon read as a figure, a place whose first word stands on a line of its own, a
four-figure-year date with a mark lost ("2411-2026"), a day-first ordinal's t lost ("25h November")."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from parsers.layout import dates
from parsers.layout.date_marks_lost import year_mark_lost
from parsers.layout.dates import find_date
from tests.unit.parsers.ocr_support import cells, doubted, order, read, word
from tests.unit.parsers.tax_support import GOOD, UNDER


def _with(base: PageWords, *more: list[Word]) -> dict[str, Any]:
    words = base.words + tuple(w for line in more for w in line)
    return read(PageWords(1, base.width, base.height, base.dpi, words, "ocr"))


def _gross(rate: str, tax: str, gross: str) -> dict[str, Any]:
    """GOOD (45,00 + 11,10 = 56,10) under its net total "Total 56,10", then `rate` `tax` and
    "Total con IVA" `gross` under it."""
    return _with(
        order(GOOD, total="56,10"),
        cells(UNDER, (430, rate), (500, tax)),
        cells(UNDER + 14, (430, "Total con IVA"), (500, gross)),
    )


def test_a_total_with_tax_read_a_figure_more_is_the_net_plus_the_tax_mended() -> None:
    # 21 % of 56,10 is 11,781, printed 11,78; the total with tax, 67,88, read "67.848" (its comma read
    # as a point, a speck as a figure: "1,941,341" for 1.941,31): no amount to the cent, but its figures
    # are the sum's with one more, and the net, the rate and the tax agree; the total is their sum, for
    # a person to confirm
    got = _gross("IVA 21 %", "11,78", "67.848")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    assert doubted(got, "total") and got["decision"] != "accept"


def test_a_total_with_tax_read_without_its_mark_is_the_net_plus_the_tax() -> None:
    # "6788": the figures of 67,88 as printed, its comma lost; the sum taken is the one those figures
    # make, and the lines, read sure, add up to the net it is the sum of (validation.sums ties it)
    got = _gross("IVA 21 %", "11,78", "6788")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")


def test_a_garbled_total_two_figures_from_the_sum_or_a_tax_at_no_printed_rate_mends_nothing() -> None:
    # "6799": two figures from 6788; and 11,78 under a rate of 10 % is not the net's share: the order
    # total is not known, and the order waits
    for rate, printed in (("IVA 21 %", "6799"), ("IVA 10 %", "6788")):
        got = _gross(rate, "11,78", printed)
        assert got["total"] != "67.88" and got["decision"] != "accept", (rate, printed)


def _delivery(*placed: tuple[float, str]) -> dict[str, Any]:
    """The order, its "Fecha de entrega:" line left out, with a line of `placed` phrases under its
    header."""
    return _with(order(GOOD, drop="Fecha de entrega:"), cells(140, *placed))


def test_a_delivery_date_in_the_phrase_after_its_sentence_label_is_read() -> None:
    # "Entrega: antes de] 12.12.26 en horario de mañana.": the "l" lost left a gap after "de"; the date
    # right after the gap is the sentence's
    got = _delivery((50, "Entrega: antes de"), (150, "12.12.26 en horario de mañana."))
    assert got["requested_delivery_date"] == "2026-12-12"
    # a label of words a monospaced face set apart ("DELIVER NO  LATER THAN  03.12.26.")
    got = _delivery((50, "Please deliver no"), (150, "later than"), (215, "03.12.26."))
    assert got["requested_delivery_date"] == "2026-12-03"


def test_a_date_far_right_of_a_sentence_label_is_not_its_date() -> None:
    # a date across the page from "antes de" is some other box's: the delivery date is seen, not read
    got = _delivery((50, "Entrega: antes de"), (400, "12.12.26"))
    assert got["requested_delivery_date"] != "2026-12-12"
    assert got["decision"] != "accept"


def test_a_dot_leader_ending_in_a_colon_read_as_a_figure_leaves_the_date_after_it() -> None:
    # "DATUM ........: 25-Nov-26" in a monospaced face: the dots read as letters OCR was unsure of,
    # the colon as a 3; the date after them is the label's
    base = order(GOOD, drop="Fecha:")
    leader = [word("ccoo", 110, 140, 0.0), word("ooo...", 140, 140, 0.13), word("3", 176, 140, 0.57)]
    got = _with(base, cells(140, (50, "DATUM")), leader, cells(140, (200, "25-Nov-26")))
    assert got["order_date"] == "2026-11-25"


def test_a_lone_figure_after_a_date_label_is_no_leader() -> None:
    # "DATUM  3  25-Nov-26": a figure read surely, no dot leader beside it; nothing says the date is
    # the label's value
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(140, (50, "DATUM"), (110, "3"), (200, "25-Nov-26")))
    assert got["order_date"] != "2026-11-25"


def test_a_place_and_date_line_whose_first_word_stands_apart_gives_the_order_date() -> None:
    # "Santiago de Compostela, 23.11.26" with "Santiago" set by OCR on a line of its own
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(134, (300, "Santiago")), cells(144, (350, "de Compostela, 23.11.26")))
    assert got["order_date"] == "2026-11-23"


def test_a_sentence_with_a_particle_and_a_date_is_no_place_line() -> None:
    # "de su pedido, 23.11.26" starts with a particle but names no place
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(144, (350, "de su pedido, 23.11.26")))
    assert got["order_date"] != "2026-11-23"


def test_a_four_figure_year_date_with_a_mark_lost_is_read_doubtful() -> None:
    for printed in ("2411-2026", "24-112026"):
        got = _with(order(GOOD, drop="Fecha:"), cells(140, (50, "Fecha de pedido:"), (150, printed)))
        assert got["order_date"] == "2026-11-24", printed
        assert doubted(got, "order_date") and got["decision"] != "accept"


def test_eight_figures_and_a_mark_are_a_date_only_after_a_date_label() -> None:
    assert find_date("2411-2026") is None  # an order number, in any other text
    assert year_mark_lost("2413-2026") is None  # no month 13
    assert year_mark_lost("2411-20266") is None  # a figure run on
    assert year_mark_lost("24-11-2026") is None  # as printed: find_date reads it, unmended
    found = year_mark_lost("2411-2026")
    assert found is not None and found.certainty <= dates.MISREAD_PENALTY


def test_a_day_first_ordinal_with_its_t_lost_is_read_doubtful() -> None:
    found = find_date("25h november 2026")
    assert found is not None and found.value.isoformat() == "2026-11-25"
    assert found.certainty <= dates.MISREAD_PENALTY
    assert find_date("a las 14h 2026") is None  # an hour, no day: no month name follows it
    # the year in a phrase of its own, a speck after it read as a quote
    base = order(GOOD, drop="Fecha:")
    got = _with(base, cells(140, (50, "Order date:"), (150, "25h November"), (222, "2026”")))
    assert got["order_date"] == "2026-11-25"
    assert doubted(got, "order_date") and got["decision"] != "accept"

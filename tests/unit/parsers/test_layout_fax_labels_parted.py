"""Normal fax date labels a monospaced face and the fax line spoilt: a one-word label parted in two with a
letter misread ("LLE FERDATUM" for "LIEFERDATUM"), and a label of three words each its own phrase, as a
dot-matrix face's word space makes them, one short word a letter off ("FECHA DF | PEDIDO" for "FECHA DE
PEDIDO").  The business rule: such a label is known only where the date it labels follows it as
printed; the label was read only once mended, so the date waits for a person to confirm it.  Words that
run together into no date's label, or a label with no date after it, give no date."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, doubted, order, read, spaced, word
from tests.unit.parsers.tax_support import GOOD


def _with(base: PageWords, *more: list[Word]) -> dict[str, Any]:
    words = base.words + tuple(w for line in more for w in line)
    return read(PageWords(1, base.width, base.height, base.dpi, words, "ocr"))


def test_a_one_word_delivery_label_parted_and_a_letter_off_gives_its_date_doubtful() -> None:
    # "LIEFERDATUM 13.12.2026" printed; read "LLE FERDATUM": run together, a letter from the label
    base = order(GOOD, drop="Fecha de entrega:")
    got = _with(base, cells(140, (50, "LLE FERDATUM"), (150, "13.12.2026")))
    assert got["requested_delivery_date"] == "2026-12-13"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"


def test_a_parted_label_with_no_date_after_it_gives_nothing() -> None:
    base = order(GOOD, drop="Fecha de entrega:")
    got = _with(base, cells(140, (50, "LLE FERDATUM"), (150, "siehe unten")))
    assert got["requested_delivery_date"] is None
    assert got["decision"] != "accept"


def test_words_that_run_together_into_no_dates_label_give_no_date() -> None:
    # "BESTELL NUMMER" runs together into an order number's label, no date's: the date after it is no
    # delivery date, and the order date printed stays the order date
    base = order(GOOD, drop="Fecha de entrega:")
    got = _with(base, cells(140, (50, "BESTELL NUMMER"), (150, "13.12.2026")))
    assert got["requested_delivery_date"] is None
    assert got["order_date"] == "2026-11-23"


def test_a_label_of_three_phrases_with_a_short_word_a_letter_off_gives_its_date_doubtful() -> None:
    # "FECHA DE PEDIDO 26.11.2026" in a dot-matrix face, each word its own phrase, "DE" read "DF"
    base = order(GOOD, drop="Fecha:")
    got = _with(base, [*spaced(140, 50, "FECHA", "DF", "PEDIDO"), word("26.11.2026", 160, 140)])
    assert got["order_date"] == "2026-11-26"
    assert doubted(got, "order_date") and got["decision"] != "accept"

"""A date label of one long word that a fax wore in two letters ("BESTELIMATUM" for "BESTELLDATUM", the
order date of a German dot-matrix form), a date read as printed after it.

The business rule: a German order states its date after "Bestelldatum" and its delivery date after
"Lieferdatum"; what survives of the word says which, where it is near one kind of label only. The date
after it is the order's date, for a person to confirm (the label was put back, not read). A short word
so worn ("Datim" and two more letters off) or a worn word with no date after it gives nothing."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(label: str, value: str, drop: str = "Fecha:", y: float = 84) -> dict[str, Any]:
    """The order of GOOD without its line labelled `drop` (at `y`), and `label` with `value` to its
    right in its place."""
    base = order(GOOD, drop=drop)
    words = cells(y, (50, label), (150, value))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def test_a_one_word_order_date_label_worn_in_two_letters_gives_the_order_date_doubtful() -> None:
    got = _read("BESTELIMATUM", "2026-11-24")
    assert got["order_date"] == "2026-11-24"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_one_word_delivery_label_worn_in_two_letters_gives_the_delivery_date() -> None:
    got = _read("LIEPERDAMUM", "2026-12-02", drop="Fecha de entrega:", y=98)
    assert got["requested_delivery_date"] == "2026-12-02" and got["order_date"] == "2026-11-23"
    assert doubted(got, "requested_delivery_date")


def test_a_short_word_or_a_word_with_no_date_after_it_gives_nothing() -> None:
    # guard: "DATIMX" is two letters off "datum", too many for a word that short
    assert _read("DATIMX", "2026-11-24")["order_date"] is None
    # guard: no date after the worn word
    assert _read("BESTELIMATUM", "Jürgen Hofbauer")["order_date"] is None

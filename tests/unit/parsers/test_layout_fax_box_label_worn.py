"""A date label over its box whose short word a fax thinned at its first letter ("DATE bE COMMANDE" for
"DATE DE COMMANDE": the D lost its upright and reads b).

The business rule: a label whose every word is read as printed but one short word, that word the
label's with its first letter read as the letter a fax makes of it (a D read b, o, a, p or C), is
that label ("Cate issued" for "Date issued"), and the date in the box under it is the order's, for a
person to confirm (the label was mended). A first letter that is no look-alike of the label's makes
no label, and no date is taken.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import cells, doubted, order, read, row

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(*header: list[Word]) -> dict[str, Any]:
    base = order(GOOD, header=False)
    words = [w for line in header for w in line]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _boxes(date_label: str) -> dict[str, Any]:
    """Order PED-26/00123 of 23.11.2026 for 30.11.2026 whose number, date and delivery stand in a row
    of boxes, each label over its value; the date's label read `date_label`."""
    return _read(
        cells(70, (50, "COMMANDE N°"), (170, date_label), (330, "DELAI")),
        cells(84, (50, "PED-26/00123"), (170, "23.11.2026"), (330, "30.11.2026")),
        cells(112, (50, "Nº cliente: C-1001")),
    )


def test_a_box_labels_short_word_read_with_a_thinned_first_letter_gives_the_date_doubtful() -> None:
    got = _boxes("DATE bE COMMANDE")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"
    assert got["requested_delivery_date"] == "2026-11-30"


def test_a_date_word_read_with_a_c_for_its_d_over_a_box_gives_the_date_doubtful() -> None:
    got = _boxes("Cate issued")
    assert got["order_date"] == "2026-11-23"
    assert doubted(got, "order_date") and got["decision"] != "accept"


def test_a_short_word_whose_first_letter_is_no_look_alike_makes_no_label() -> None:
    assert _boxes("DATE tE COMMANDE")["order_date"] is None

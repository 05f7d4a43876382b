"""A month name whose "m" a normal fax parted into two strokes, read "rn" or "tn" ("dicietnbre",
"Novernber"): the month, as a misreading mended, so the date is doubtful."""

from __future__ import annotations

from datetime import date

from parsers.layout.dates import MISREAD_PENALTY, find_date


def test_a_month_whose_m_was_read_as_two_letters_is_that_month_and_doubtful() -> None:
    for text, want in (
        ("Entrega: antes del jueves, 10 de dicietnbre de 2026 en horario de mañana.", date(2026, 12, 10)),
        ("Order date: 23 Novernber 2026", date(2026, 11, 23)),
        ("Delivery by Septernber 3, 2026", date(2026, 9, 3)),
    ):
        found = find_date(text)
        assert found is not None and found.value == want, text
        assert found.certainty <= MISREAD_PENALTY, text
    # a word that is no month with its "rn" made an m stays no date
    assert find_date("10 de interno de 2026") is None

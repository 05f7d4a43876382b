"""A header field read again, one reading losing a character to a symbol (parsers.ocr.recheck.confirm).

The business rule: a field the layout is sure of but for its characters is vouched for when every
reading of its ink again says exactly what the page's reading said, each with confidence.  A reading
that says it but for one letter or figure read as a symbol that is no letter, figure or mark
("23/11/202€" for "23/11/2026") lost that character to the fax and says no other value: like a
reading alike but unsure, it neither vouches nor gainsays, and the field is read a third way, which
must say it exactly with confidence to stand in for it.  A reading with another figure, a mark
for a figure (a value that may end early), or two characters lost gainsays the field, which stays in
doubt and is not read a third way.

The readings are scripted here (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of a fax page's size, the field's box on it.
"""

from __future__ import annotations

from tests.unit.ocr.recheck_support import Scripted, confirmed_date

UNSURE = 0.49  # as the page's reading gave the date


def _confirmed(first: Scripted, second: Scripted, third: Scripted) -> float:
    return confirmed_date("23/11/2026", UNSURE, 102.0, first, second, third)


def test_a_reading_that_lost_a_figure_to_a_symbol_is_stood_in_for_by_a_third_reading_alike() -> None:
    third = Scripted("23/11/2026", 0.9)
    assert _confirmed(Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.87), third) >= 0.8
    assert third.calls == 1


def test_the_third_reading_must_say_it_exactly_with_confidence() -> None:
    blurred, alike = Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.87)
    assert _confirmed(blurred, alike, Scripted("23/11/2028", 0.95)) == UNSURE
    assert _confirmed(blurred, alike, Scripted("23/11/2026", 0.6)) == UNSURE
    assert _confirmed(blurred, alike, Scripted("23/11/202€", 0.95)) == UNSURE


def test_the_other_reading_must_say_it_with_confidence() -> None:
    third = Scripted("23/11/2026", 0.95)
    assert _confirmed(Scripted("23/11/202€", 0.91), Scripted("23/11/2026", 0.6), third) == UNSURE


def test_a_reading_with_another_figure_a_mark_or_two_characters_lost_gainsays_it() -> None:
    alike = Scripted("23/11/2026", 0.9)
    for gainsaying in ("23/11/2028", "23/11/202.", "23/11/20€€", "23/11/202"):
        third = Scripted("23/11/2026", 0.95)
        assert _confirmed(Scripted(gainsaying, 0.91), alike, third) == UNSURE
        assert third.calls == 0

"""A header field read again, one of the two readings saying it only unsure (parsers.ocr.recheck.confirm).

The business rule: a field the layout is sure of but for its characters is vouched for when every
reading of its ink again says exactly what the page's reading said, each with confidence.  A reading
that says the same but unsure neither vouches nor gainsays: the field is read a third way, and that
reading, when it too says exactly the same with confidence, stands in for the unsure one.  A third
reading that says something else, or says it unsure, leaves the field in doubt; and a field one
reading gainsays is never read the third way at all.

The readings are scripted here (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of a fax page's size, the field's box on it.
"""

from __future__ import annotations

from tests.unit.ocr.recheck_support import Scripted, confirmed_date

UNSURE = 0.55  # as the layout gives a date its label is sure of, read by OCR with little confidence


def _confirmed(first: Scripted, second: Scripted, third: Scripted) -> float:
    return confirmed_date("24.11.2026", UNSURE, 204.0, first, second, third)


def test_a_third_reading_alike_with_confidence_stands_in_for_one_alike_but_unsure() -> None:
    third = Scripted("24.11.2026", 0.93)
    assert _confirmed(Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.59), third) >= 0.8
    assert third.calls == 1


def test_a_third_reading_unsure_or_saying_otherwise_leaves_the_field_in_doubt() -> None:
    sure, unsure = Scripted("24.11.2026", 0.95), Scripted("24.11.2026", 0.59)
    assert _confirmed(sure, unsure, Scripted("24.11.2026", 0.6)) == UNSURE
    assert _confirmed(sure, unsure, Scripted("24.11.2028", 0.95)) == UNSURE


def test_a_field_one_reading_gainsays_is_not_read_a_third_way() -> None:
    third = Scripted("24.11.2026", 0.95)
    assert _confirmed(Scripted("24.11.2026", 0.95), Scripted("24.11.2028", 0.9), third) == UNSURE
    assert third.calls == 0

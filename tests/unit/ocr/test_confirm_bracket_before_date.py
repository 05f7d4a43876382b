"""A header date the page read with an opening bracket glued before it, read again (parsers.ocr.recheck).

The business rule: a date after its label, read unsure, is vouched for when every reading of its ink
again says it with confidence.  A fax may leave a speck before the date that OCR reads as an opening
bracket nothing closes ("(04/12/26", fine fax sap_listing-181378).  Where the date's first figures are
two (a day or month) or four (a year), no figure of the date can stand before them, so the bracket is
no part of it: a reading that says the date's figures without it says the date.  Before a day of one
figure ("(4/11/2026") the bracket may be a 1 that lost its foot (14/11/2026), so a reading without it
vouches for nothing.  Readings that say other figures, or are unsure, vouch for nothing either.

The page is built word by word; the readings of the date's cut-out are scripted (what Tesseract says
of it is not the rule's business), over a blank image of the page.
"""

from __future__ import annotations

from tests.unit.ocr.test_confirm_parted_date import _page, _read_again, _says


def test_a_date_read_unsure_with_a_bracket_before_it_waits_for_a_person() -> None:
    order, confidence = _read_again(_page("(26/11/2026", conf=0.7))
    assert str(order.order_date) == "2026-11-26"
    assert confidence < 0.8


def test_a_date_read_again_without_its_bracket_with_confidence_is_vouched_for() -> None:
    again = _says(("26/11/2026", 0.94))
    order, confidence = _read_again(_page("(26/11/2026", conf=0.7), again, again)
    assert str(order.order_date) == "2026-11-26"
    assert confidence >= 0.8


def test_a_year_first_date_read_again_without_its_bracket_is_vouched_for() -> None:
    again = _says(("2026-11-26", 0.94))
    _, confidence = _read_again(_page("(2026-11-26", conf=0.7), again, again)
    assert confidence >= 0.8


def test_a_bracket_before_a_day_of_one_figure_may_be_a_figure_and_the_date_waits() -> None:
    again = _says(("4/11/2026", 0.94))
    order, confidence = _read_again(_page("(4/11/2026", conf=0.7), again, again)
    assert str(order.order_date) == "2026-11-04"  # offered, and read again: the bracket is kept
    assert confidence < 0.8


def test_readings_of_other_figures_or_unsure_do_not_vouch_for_it() -> None:
    other = _says(("26/12/2026", 0.94))
    _, confidence = _read_again(_page("(26/11/2026", conf=0.7), other, other)
    assert confidence < 0.8
    unsure = _says(("26/11/2026", 0.6))
    _, doubted = _read_again(_page("(26/11/2026", conf=0.7), unsure, unsure)
    assert doubted < 0.8

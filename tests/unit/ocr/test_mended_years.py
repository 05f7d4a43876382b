"""A header date whose year OCR misread by one figure, put right by the day the fax was sent
(parsers.ocr.years).

The business rule: an order is dated on or before the day it is faxed and asks for delivery after it;
the sending machine's header line prints that day.  At normal resolution Tesseract reads "2026" as
"2020" or "2076" with confidence.  A date two or more years from the sending day whose year is one
figure off the year that puts it in its place (the order date in the half year up to the sending
day, the delivery date in the half year after it) is that year, and a person confirms it.  A
header whose day is far from the day the fax arrived (a clock never set), a date only a year off, or
a year more than one figure off is left as read.
"""

from __future__ import annotations

from datetime import date

from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr.years import mend_years, sent_on

HEADER = "26/11/2026  10:15  FROM +44 20 7946 0123  TO +34 976 550 100  P.001/002"
ARRIVED = date(2026, 11, 26)


def _order(ordered: date | None = None, delivery: date | None = None) -> CapturedOrder:
    evidence = (
        Evidence("order_date", 0.95, Provenance(page=1, box=(1249, 512, 1480, 540), raw="2020")),
        Evidence("requested_delivery_date", 0.87, Provenance(page=1, box=(891, 516, 1000, 540), raw="2076")),
    )
    return CapturedOrder(
        po_number="05028", order_date=ordered, requested_delivery_date=delivery, evidence=evidence
    )


def _confidence(order: CapturedOrder, path: str) -> float:
    found = order.evidence_for(path)
    assert found is not None
    return found.confidence


def test_an_order_date_read_in_2020_on_a_fax_sent_in_2026_is_taken_in_2026_for_a_person_to_confirm() -> None:
    sent = sent_on([HEADER, HEADER.replace("P.001", "P.002")], ARRIVED)
    (order,) = mend_years([_order(ordered=date(2020, 11, 24))], sent)
    assert order.order_date == date(2026, 11, 24)
    assert _confidence(order, "order_date") < 0.8


def test_a_delivery_date_read_in_2076_is_taken_in_the_half_year_after_the_sending_day() -> None:
    (order,) = mend_years([_order(delivery=date(2076, 12, 5))], sent_on([HEADER], ARRIVED))
    assert order.requested_delivery_date == date(2026, 12, 5)
    assert _confidence(order, "requested_delivery_date") < 0.8


def test_a_january_delivery_misread_takes_the_next_year() -> None:
    sent = sent_on(["28/12/2026 17:02 FROM +34 912 345 678"], date(2026, 12, 28))
    (order,) = mend_years([_order(delivery=date(2021, 1, 12))], sent)
    assert order.requested_delivery_date == date(2027, 1, 12)


def test_dates_a_year_off_or_more_than_one_figure_off_stay_as_read() -> None:
    sent = sent_on([HEADER], ARRIVED)
    ordered, delivery = date(2025, 11, 24), date(2098, 12, 5)
    (order,) = mend_years([_order(ordered=ordered, delivery=delivery)], sent)
    assert (order.order_date, order.requested_delivery_date) == (ordered, delivery)
    assert _confidence(order, "order_date") == 0.95


def test_a_header_whose_clock_was_never_set_or_whose_pages_disagree_mends_nothing() -> None:
    assert sent_on(["01/01/2000 00:03 FROM 912345678  P.001/001"], ARRIVED) is None
    assert sent_on([HEADER, HEADER.replace("26/11/2026", "26/11/2020")], ARRIVED) is None
    (order,) = mend_years([_order(ordered=date(2020, 11, 24))], None)
    assert order.order_date == date(2020, 11, 24)


def test_a_delivery_read_a_year_before_the_fax_was_sent_is_taken_in_the_half_year_after_it() -> None:
    # "01/12/2025" on a fax sent 26/11/2026: no order asks for delivery eleven months in the past
    (order,) = mend_years([_order(delivery=date(2025, 12, 1))], sent_on([HEADER], ARRIVED))
    assert order.requested_delivery_date == date(2026, 12, 1)
    assert _confidence(order, "requested_delivery_date") < 0.8


def test_an_order_dated_a_year_after_the_fax_was_sent_is_taken_in_the_year_before() -> None:
    (order,) = mend_years([_order(ordered=date(2027, 11, 24))], sent_on([HEADER], ARRIVED))
    assert order.order_date == date(2026, 11, 24)
    assert _confidence(order, "order_date") < 0.8


def test_a_delivery_a_year_after_the_sending_day_stays_as_read() -> None:
    # December 2027 may be meant: it is after the fax, and only a year off
    delivery = date(2027, 12, 1)
    (order,) = mend_years([_order(delivery=delivery)], sent_on([HEADER], ARRIVED))
    assert order.requested_delivery_date == delivery

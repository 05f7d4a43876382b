"""The order's delivery date taken from its lines (an ERP printout prints "Liefertermin" under each line).

The business rule: when every line prints its own delivery date and each was read sure, the order's
delivery date is the earliest of them (the day the customer first needs goods) and every line keeps its
own; the lines disagreeing (one line wanted a week later) is no reason to doubt the order's date, so such
an order flows on. The order's date is still in doubt when it is not the earliest line date, when a line
carries no date, or when a line's date was itself read unsure (that line's date then waits too).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Provenance
from core.kernel.domain.model import Decision
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate

FIRST, LATER = date(2026, 11, 30), date(2026, 12, 7)
BOX = Provenance(page=1, box=(10.0, 10.0, 50.0, 20.0))


def with_line_dates(
    dates: tuple[date | None, ...], order_date: date | None, line_sure: tuple[float, ...] = (1.0, 1.0)
) -> CapturedOrder:
    base = order()
    lines: tuple[CapturedLine, ...] = tuple(
        replace(line, requested_delivery_date=d) for line, d in zip(base.lines, dates, strict=True)
    )
    evidence = [Evidence("requested_delivery_date", 0.6, BOX)]  # the reader: lines disagree, doubtful
    evidence += [
        Evidence(f"lines[{i}].requested_delivery_date", sure, BOX)
        for i, (d, sure) in enumerate(zip(dates, line_sure, strict=True))
        if d is not None
    ]
    return replace(base, lines=lines, requested_delivery_date=order_date, evidence=tuple(evidence))


def fields_in_doubt(captured: CapturedOrder) -> list[str | None]:
    return [p.field for p in validate(captured, Master(), TODAY).problems]


def test_the_earliest_of_line_dates_each_read_sure_lets_the_order_flow() -> None:
    resolved = validate(with_line_dates((FIRST, LATER), FIRST), Master(), TODAY)
    assert resolved.problems == ()
    assert resolved.decision is Decision.ACCEPT


def test_an_order_date_that_is_not_the_earliest_line_date_stays_in_doubt() -> None:
    assert fields_in_doubt(with_line_dates((FIRST, LATER), LATER)) == ["requested_delivery_date"]


def test_a_line_without_its_own_date_leaves_the_order_date_in_doubt() -> None:
    assert fields_in_doubt(with_line_dates((FIRST, None), FIRST)) == ["requested_delivery_date"]


def test_a_line_date_read_unsure_leaves_both_in_doubt() -> None:
    got = fields_in_doubt(with_line_dates((FIRST, LATER), FIRST, line_sure=(1.0, 0.5)))
    assert sorted(f or "" for f in got) == ["lines[1].requested_delivery_date", "requested_delivery_date"]


def test_a_delivery_date_read_unsure_without_line_dates_still_waits() -> None:
    # e.g. a date in a sentence ("Entrega: antes del 6 de diciembre"): the lines say nothing about it
    doubtful = replace(order(), evidence=(Evidence("requested_delivery_date", 0.6, BOX),))
    resolved = validate(doubtful, Master(), TODAY)
    assert [p.field for p in resolved.problems] == ["requested_delivery_date"]
    assert resolved.decision is Decision.REVIEW

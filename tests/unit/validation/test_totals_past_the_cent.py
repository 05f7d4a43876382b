"""A printed total in figures finer than its currency's smallest coin (validation.document).

The business rule: a dollar or euro order is totalled in cents. A total read "45.502" for a page whose
lines add up to 45.50 carries a figure no such document prints: a speck after the last figure read as
one. The sums allow a cent or two of rounding per line, so they pass it; it must not flow on untouched
with a value the document does not state. Held for a person with the total named, whatever the
confidence of its reading. A currency with three decimals (the Bahraini dinar) prints totals to the
thousandth: the third figure there is no fault.
"""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.order import CapturedOrder, Evidence, ProblemCode
from tests.unit.validation.test_decide import TODAY, Master
from tests.unit.validation.test_totals_tied import FOOT, with_totals
from validation.decide import validate

SURE = 0.97


def read_sure(captured: CapturedOrder) -> CapturedOrder:
    """Every total read with full confidence, as the fax's foot was in the false accept."""
    kept = tuple(e for e in captured.evidence if e.field not in {"net_total", "tax_total", "total"})
    totals = tuple(
        Evidence(path, SURE, FOOT)
        for path in ("net_total", "tax_total", "total")
        if getattr(captured, path) is not None
    )
    return replace(captured, evidence=kept + totals)


def mismatched(captured: CapturedOrder) -> list[str]:
    problems = validate(captured, Master(), TODAY).problems
    return sorted(p.field or "" for p in problems if p.code is ProblemCode.TOTAL_MISMATCH)


def test_a_total_a_speck_made_a_tenth_of_a_cent_finer_waits_with_the_total_named() -> None:
    # the lines add up to 45.50; "45.502" is within the sums' rounding, but no EUR total reads so
    captured = read_sure(with_totals(None, None, "45.502"))
    assert mismatched(captured) == ["total"]
    assert validate(captured, Master(), TODAY).decision.value != "accept"


def test_a_net_total_and_a_tax_past_the_cent_are_named_each() -> None:
    got = mismatched(read_sure(with_totals("45.501", "9.563", "55.06")))
    assert "net_total" in got and "tax_total" in got


def test_a_total_to_the_cent_and_one_with_a_printed_trailing_zero_pass() -> None:
    assert mismatched(read_sure(with_totals(None, None, "45.50"))) == []
    assert mismatched(read_sure(with_totals(None, None, "45.500"))) == []


def test_a_dinar_total_printed_to_the_thousandth_is_no_fault() -> None:
    captured = replace(read_sure(with_totals(None, None, "45.505")), currency="BHD")
    assert mismatched(captured) == []

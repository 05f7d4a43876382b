"""Totals read unsure that the line amounts vouch for by arithmetic (validation.sums).

A fax's totals are often read with low confidence (a faint "1,059.46" at the foot of the page) while
every line amount above them was read sure.  When the sure line amounts add up to the printed net
total to the cent, the net total is tied to them; a tax that is that net at a usual rate (or nothing),
and a total that is the two added up, are tied too.  Anything short of exact leaves the total waiting.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from tests.unit.validation.test_decide import TODAY, Master, order
from validation.decide import validate

BOX = Provenance(page=1, box=(10.0, 10.0, 50.0, 20.0))
FOOT = Provenance(page=1, box=(10.0, 80.0, 50.0, 90.0))  # under the lines
UNSURE = 0.38  # as a fax's foot reads


def with_totals(
    net: str | None,
    tax: str | None,
    total: str | None,
    amount_sure: tuple[float, float] = (0.95, 0.95),
    where: Provenance = FOOT,
) -> CapturedOrder:
    base = order()
    # 250 × 0.18 = 45.00 and 10 × 0.05 = 0.50: the lines add up to 45.50
    lines = tuple(
        replace(line, amount=amount)
        for line, amount in zip(base.lines, (Decimal("45.00"), Decimal("0.50")), strict=True)
    )
    evidence = [Evidence(f"lines[{i}].amount", sure, BOX) for i, sure in enumerate(amount_sure)]
    values = {"net_total": net, "tax_total": tax, "total": total}
    evidence += [Evidence(path, UNSURE, where) for path, value in values.items() if value is not None]
    return replace(
        base,
        lines=lines,
        net_total=Decimal(net) if net else None,
        tax_total=Decimal(tax) if tax else None,
        total=Decimal(total) if total else None,
        evidence=tuple(evidence),
    )


def in_doubt(captured: CapturedOrder) -> list[str]:
    return sorted(p.field or "" for p in validate(captured, Master(), TODAY).problems)


def test_net_tax_and_total_the_sure_lines_add_up_to_are_vouched_for() -> None:
    # 45.50 at 21 % is 9.555, 9.56 rounded half up
    assert in_doubt(with_totals("45.50", "9.56", "55.06")) == []


def test_a_zero_tax_and_a_total_equal_to_the_lines_are_vouched_for() -> None:
    assert in_doubt(with_totals("45.50", "0.00", "45.50")) == []
    assert in_doubt(with_totals(None, None, "45.50")) == []


def test_a_net_total_a_cent_off_the_lines_stays_in_doubt() -> None:
    got = in_doubt(with_totals("45.51", "0.00", "45.51"))
    assert {"net_total", "tax_total", "total"} <= set(got)


def test_a_tax_at_no_usual_rate_leaves_tax_and_total_in_doubt() -> None:
    # 45.50 + 9.99 = 55.49 adds up, but 9.99 is 45.50 at no usual rate: two misreads could agree
    got = in_doubt(with_totals("45.50", "9.99", "55.49"))
    assert "net_total" not in got
    assert {"tax_total", "total"} <= set(got)


def test_a_line_amount_read_unsure_vouches_for_no_total() -> None:
    got = in_doubt(with_totals("45.50", "0.00", "45.50", amount_sure=(0.95, 0.5)))
    assert {"net_total", "tax_total", "total", "lines[1].amount"} <= set(got)


def test_a_total_brought_forward_at_the_head_of_the_next_page_ties_nothing() -> None:
    # "Total b/f 45.50" heading page 2 adds up the lines of page 1; page 2's own lines may be unread
    head_of_next = Provenance(page=2, box=(10.0, 10.0, 50.0, 20.0))
    assert in_doubt(with_totals(None, None, "45.50", where=head_of_next)) == ["total"]

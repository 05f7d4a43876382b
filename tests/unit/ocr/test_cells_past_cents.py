"""A line amount read one figure past its cents, taken to the cent where the order's arithmetic pins it.

The business rule: a line's amount is money to the cent; on a scan, a figure after the cents is a mark
read as a figure ("333.20 $" read "333.205"), so the amount is doubtful and the order waits.  Where the
line's quantity × price is the amount cut to the cent exactly, both read sure, every other line's amount
was read sure, and the lines with it cut add up exactly to the net total read as printed, the lines and
the total, read apart, pin the cut figure: it is the amount, as sure as a repaired figure the total
vouches for.  A line whose price slipped too ("0.19445" × 100 = 19.445), a total that the cut amount does
not make, or a total whose reading was mended, leave the amount as it was, in doubt.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, Evidence, Provenance
from parsers.ocr.past_cents import cut_past_cents

FLOOR = 0.8  # validation's confidence floor


def _box(row: int, column: int) -> tuple[float, float, float, float]:
    return (400.0 + 150 * column, 100.0 + 30 * row, 480.0 + 150 * column, 120.0 + 30 * row)


def _order(
    rows: list[tuple[str, str, str]],
    net: str,
    *,
    net_raw: str | None = None,
    doubted: tuple[int, ...] = (1,),
) -> CapturedOrder:
    """Lines (quantity, price, amount) as read, each number sure but the `doubted` lines' amounts (0.44, as
    the layout reader leaves an amount past its cents), a net total printed under them and a 16 % tax."""
    lines, evidence = [], []
    for i, (quantity, price, amount) in enumerate(rows):
        lines.append(
            CapturedLine(
                line_no=str(i + 1),
                item_code="TOR-M10-60",
                quantity=Decimal(quantity),
                unit_price=Decimal(price),
                amount=Decimal(amount),
            )
        )
        for k, (name, raw) in enumerate((("quantity", quantity), ("unit_price", price), ("amount", amount))):
            sure = 0.44 if i in doubted and name == "amount" else 0.97
            evidence.append(Evidence(f"lines[{i}].{name}", sure, Provenance(page=1, box=_box(i, k), raw=raw)))
    tax = (Decimal(net) * 16 / 100).quantize(Decimal("0.01"))
    evidence.append(Evidence("net_total", 0.97, Provenance(page=1, box=_box(9, 2), raw=net_raw or net)))
    evidence.append(Evidence("tax_total", 0.97, Provenance(page=1, box=_box(10, 2), raw=str(tax))))
    return CapturedOrder(
        po_number="99356",
        lines=tuple(lines),
        net_total=Decimal(net),
        tax_total=tax,
        total=Decimal(net) + tax,
        evidence=tuple(evidence),
    )


def _amount(got: CapturedOrder, i: int = 1) -> tuple[Decimal | None, float]:
    found = got.evidence_for(f"lines[{i}].amount")
    assert found is not None
    return got.lines[i].amount, found.confidence


def test_an_amount_past_its_cents_that_the_lines_and_the_net_pin_is_taken_to_the_cent() -> None:
    # 50 × 6.664 = 333.20 exactly, and 77175.00 + 333.20 is the net printed
    read = _order([("1250", "61.74", "77175.00"), ("50", "6.664", "333.205")], "77508.20")
    amount, confidence = _amount(cut_past_cents(read))
    assert amount == Decimal("333.20") and confidence >= FLOOR


def test_a_price_past_its_cents_too_leaves_the_amount_in_doubt() -> None:
    # "0.19445" and "19.445": the same sign read as a 5 after both; 100 × 0.19445 is not 19.44
    read = _order([("1250", "61.74", "77175.00"), ("100", "0.19445", "19.445")], "77194.44")
    amount, confidence = _amount(cut_past_cents(read))
    assert amount == Decimal("19.445") and confidence < FLOOR


def test_a_net_the_cut_amount_does_not_make_leaves_it_in_doubt() -> None:
    read = _order([("1250", "61.74", "77175.00"), ("50", "6.664", "333.205")], "77508.21")
    _, confidence = _amount(cut_past_cents(read))
    assert confidence < FLOOR


def test_a_net_whose_reading_was_mended_leaves_it_in_doubt() -> None:
    read = _order([("1250", "61.74", "77175.00"), ("50", "6.664", "333.205")], "77508.20", net_raw="77508.2O")
    _, confidence = _amount(cut_past_cents(read))
    assert confidence < FLOOR


def test_another_line_read_unsure_leaves_it_in_doubt() -> None:
    read = _order([("1250", "61.74", "77175.00"), ("50", "6.664", "333.205")], "77508.20")
    evidence = tuple(
        Evidence(e.field, 0.5, e.provenance) if e.field == "lines[0].amount" else e for e in read.evidence
    )
    got = cut_past_cents(replace(read, evidence=evidence))
    _, confidence = _amount(got)
    assert confidence < FLOOR


def test_two_amounts_past_their_cents_each_pinned_by_its_line_and_the_net_are_both_cut() -> None:
    # a dot-matrix order: 500 × 0.02 = 10.00 and 48 × 3.60 = 172.80 exactly, read "10.001" and
    # "172.801"; 122.50 + 10.00 + 172.80 is the net printed
    rows = [("50", "2.45", "122.50"), ("500", "0.02", "10.001"), ("48", "3.60", "172.801")]
    got = cut_past_cents(_order(rows, "305.30", doubted=(1, 2)))
    assert _amount(got, 1)[0] == Decimal("10.00") and _amount(got, 1)[1] >= FLOOR
    assert _amount(got, 2)[0] == Decimal("172.80") and _amount(got, 2)[1] >= FLOOR


def test_two_amounts_past_their_cents_one_not_its_lines_product_leave_both_in_doubt() -> None:
    # 48 × 3.60 is 172.80, but the second spoilt amount reads 172.811: cut, 172.81, which is not its
    # line's product; the net printed is made to add up with it, and still neither is taken
    rows = [("50", "2.45", "122.50"), ("500", "0.02", "10.001"), ("48", "3.60", "172.811")]
    got = cut_past_cents(_order(rows, "305.31", doubted=(1, 2)))
    assert _amount(got, 1) == (Decimal("10.001"), 0.44)
    assert _amount(got, 2) == (Decimal("172.811"), 0.44)

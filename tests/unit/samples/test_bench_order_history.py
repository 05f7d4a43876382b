"""The fax bench's made-up order history (bench.order_history), on numbers and orders written here.

The rule, written out: for a faxed document, its customer is given two or three accepted orders of the
last 60 days whose numbers are printed in the very format of the number the document prints (the same
letters and separators, the same count of figures in the same places, the year beside the serial
kept), made from the document's true number and its name alone, the same every run; what OCR read
plays no part. Given that history, a "PC" number held for its prefix letter flows on when "PC" is truly
printed, and still waits when the document prints "PO" (a customer numbering "PO" makes a "PC" read
doubtful)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

import pytest

from bench.order_history import Histories, earlier_numbers, earlier_orders, history_of
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import Decision, OrderState

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


def figures_as_nines(number: str) -> str:
    return re.sub(r"\d", "9", number)


@pytest.mark.parametrize(
    ("printed", "kept"),
    [
        ("PC26007793", "PC"),
        ("PO-2026-42693", "PO-2026-"),
        ("OC/26/00012", "OC/26/"),  # a serial at its start: still five figures
        ("PUR/2026/31337", "PUR/2026/"),
        ("F-00421", "F-"),
    ],
)
def test_earlier_numbers_have_the_printed_numbers_format(printed: str, kept: str) -> None:
    found = earlier_numbers(printed, "erp_ruled-180252")
    assert 2 <= len(found) <= 3
    assert len(set(found)) == len(found) and printed not in found
    for number in found:
        assert figures_as_nines(number) == figures_as_nines(printed)
        assert number.startswith(kept)


def test_a_year_printed_after_the_serial_is_kept() -> None:
    for number in earlier_numbers("4711/26", "letter-180252") + earlier_numbers("123-26", "letter-9"):
        assert number.endswith(("/26", "-26")) and figures_as_nines(number) in ("9999/99", "999-99")


def test_a_number_without_figures_gets_no_history() -> None:
    assert earlier_numbers("ABC", "erp_ruled-1") == []


def test_the_history_is_the_same_every_run_and_differs_between_documents() -> None:
    name = "erp_ruled-180252"
    assert earlier_numbers("PC26007793", name) == earlier_numbers("PC26007793", name)
    assert earlier_orders("PO-2026-42693", "x-1", NOW) == earlier_orders("PO-2026-42693", "x-1", NOW)
    made = {tuple(earlier_numbers("PC26007793", f"erp_ruled-{seed}")) for seed in range(180252, 180262)}
    assert len(made) > 1


def test_earlier_orders_are_accepted_ones_of_the_last_sixty_days() -> None:
    orders = earlier_orders("PC26007793", "erp_ruled-180252", NOW)
    assert [o.po_number for o in orders] == earlier_numbers("PC26007793", "erp_ruled-180252")
    for order in orders:
        assert order.state is OrderState.ACCEPTED
        assert NOW - timedelta(days=60) < order.created_at < NOW
    assert len({o.id for o in orders}) == len(orders)


def test_only_the_documents_customer_has_the_history() -> None:
    history = history_of({"po_number": "PC26007793", "customer_id": "C-1001"}, "erp_ruled-1", NOW)
    window = Lookback(NOW - timedelta(days=60), lines_since=NOW, lines_not_on="fax")
    assert len(history.recent("C-1001", window, exclude_document=0)) >= 2
    assert history.recent("C-1002", window, exclude_document=0) == []


# -- the decision through the bench's history ---------------------------------------------------
HELD = Problem(ProblemCode.PREFIX_LETTER, "a letter of it may be another", field="po_number")


def validate(order: CapturedOrder, master: MasterData, today: date) -> ResolvedOrder:
    """Validation's part as the rule needs it: customer C-1001, held while a problem is blocking."""
    blocking = any(p.severity >= Severity.REVIEW for p in order.problems)
    decision = Decision.REVIEW if blocking else Decision.ACCEPT
    return ResolvedOrder(order, "C-1001", (), order.problems, 0.99, decision)


def decided(true_number: str, read_number: str) -> ResolvedOrder:
    truth: dict[str, Any] = {"po_number": true_number, "customer_id": "C-1001"}
    histories = Histories.of([(b"fax bytes", truth, "erp_ruled-180252")], NOW)
    check = histories.deciding(b"fax bytes", validate, cast(CaptureUnitOfWork, None))
    read = CapturedOrder(po_number=read_number, problems=(HELD,))
    return check(read, cast(MasterData, None), NOW.date())


def test_a_pc_number_printed_pc_flows_on_given_the_customers_history() -> None:
    resolved = decided("PC26007793", "PC26007793")
    assert resolved.decision is Decision.ACCEPT
    [noted] = [p for p in resolved.problems if p.code is ProblemCode.PREFIX_LETTER]
    assert noted.severity is Severity.INFO


def test_a_pc_read_of_a_number_printed_po_still_waits() -> None:
    """The history comes from the printed "PO" number, whatever the OCR read."""
    resolved = decided("PO26007793", "PC26007793")
    assert resolved.decision is Decision.REVIEW
    held = [p for p in resolved.problems if p.code is ProblemCode.PREFIX_LETTER]
    assert held and held[0].severity >= Severity.REVIEW


def test_a_document_the_bench_did_not_draw_has_no_history() -> None:
    histories = Histories.of([], NOW)
    check = histories.deciding(b"other bytes", validate, cast(CaptureUnitOfWork, None))
    read = CapturedOrder(po_number="PC26007793", problems=(HELD,))
    assert check(read, cast(MasterData, None), NOW.date()).decision is Decision.REVIEW

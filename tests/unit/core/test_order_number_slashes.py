"""A faxed order number held for its slash (core.capture.domain.order_numbers.usual_slashes,
core.capture.services.deciding.settle_prefix, validation.doubt.in_doubt).

The business rule, written out: a dot-matrix fax prints "26/04090"; a 7 whose bar the fax line lost reads
as a slash too, so such a number waits for a person. The customer's own accepted earlier orders settle
it: when at least two distinct ones are numbered with a slash at the same place and the same count of
figures ("26/03811", "26/03544"), and none is numbered in plain figures where the slash stands
("26703811"), the slash is the customer's format, the hold is lifted and noted, and the number counts
as read. With one such order, none, orders of plain figures, or both kinds, it still waits. The
customer's earlier orders are read through the same port production's decision reads them."""

from __future__ import annotations

import pytest

from core.capture.domain.order import CapturedOrder, Evidence, Problem, ProblemCode, Provenance, Severity
from core.capture.domain.order_numbers import usual_slashes
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Decision
from tests.unit.core.number_hold_support import settle
from validation.doubt import in_doubt


@pytest.mark.parametrize(
    "earlier",
    [["26/03811", "26/03544"], ["26/03811", "26/03544", "26/02990"], ["26/03811", " 26/03544 ", "XY-1"]],
)
def test_two_earlier_numbers_with_the_slash_at_the_same_place_make_it_the_customers(
    earlier: list[str],
) -> None:
    assert usual_slashes("26/04090", earlier)


@pytest.mark.parametrize(
    "earlier",
    [
        [],
        ["26/03811"],  # one is not a habit
        ["26/03811", "26/03811"],  # the same number twice
        ["26703811", "26703544"],  # plain figures: the slash may be a 7
        ["26/03811", "26/03544", "26703999"],  # both kinds: the slash may be either
        ["260/3811", "260/3544"],  # the slash elsewhere
        ["26/038111", "26/035441"],  # more figures
        ["26-03811", "26-03544"],  # another separator
    ],
)
def test_otherwise_the_slash_stays_in_doubt(earlier: list[str]) -> None:
    assert not usual_slashes("26/04090", earlier)


def test_a_number_without_a_slash_is_never_so_settled() -> None:
    assert not usual_slashes("26704090", ["26703811", "26703544"])


# -- the decision, the customer's earlier orders read through the index's port ---------------------
HELD = Problem(ProblemCode.SLASH_OR_SEVEN, "a slash in it may be a 7", field="po_number")


def settled(read: str, earlier: list[str], *problems: Problem) -> ResolvedOrder:
    return settle(read, earlier, problems or (HELD,))


def test_a_slashed_number_flows_on_given_the_customers_slashed_numbers() -> None:
    resolved = settled("26/04090", ["26/03811", "26/03544"])
    assert resolved.decision is Decision.ACCEPT
    [noted] = [p for p in resolved.problems if p.code is ProblemCode.SLASH_OR_SEVEN]
    assert noted.severity is Severity.INFO and "26/04090" in noted.message


@pytest.mark.parametrize("earlier", [[], ["26/03811"], ["26703811", "26703544"]])
def test_a_slashed_number_waits_without_such_history_the_clerk_told_why(earlier: list[str]) -> None:
    resolved = settled("26/04090", earlier)
    assert resolved.decision is Decision.REVIEW
    [held] = [p for p in resolved.problems if p.code is ProblemCode.SLASH_OR_SEVEN]
    assert held.severity is Severity.REVIEW and "7" in held.message and "99/99999" in held.message


def test_the_slashes_history_lifts_no_prefix_hold() -> None:
    prefix = Problem(ProblemCode.PREFIX_LETTER, "a letter of it may be another", field="po_number")
    resolved = settled("PC/26/04090", ["PC/26/03811", "PO/26/03544", "PC/26/03000"], HELD, prefix)
    assert resolved.decision is Decision.REVIEW
    codes = {p.code: p.severity for p in resolved.problems}
    assert codes == {ProblemCode.SLASH_OR_SEVEN: Severity.INFO, ProblemCode.PREFIX_LETTER: Severity.REVIEW}


# -- validation: a number whose one doubt was its slash, settled, is read as sure ---------------------
def _doubted(*problems: Problem) -> CapturedOrder:
    where = Provenance(page=1, box=(10.0, 10.0, 90.0, 30.0), raw="26/04090")
    return CapturedOrder(
        po_number="26/04090", evidence=(Evidence("po_number", 0.6, where),), problems=problems
    )


def test_a_settled_slash_leaves_the_number_out_of_doubt() -> None:
    note = Problem(ProblemCode.SLASH_OR_SEVEN, "numbered so", field="po_number", severity=Severity.INFO)
    assert [e.field for e in in_doubt(_doubted(note), ())] == []


def test_a_held_slash_or_none_leaves_the_number_in_doubt() -> None:
    assert [e.field for e in in_doubt(_doubted(HELD), ())] == ["po_number"]
    assert [e.field for e in in_doubt(_doubted(), ())] == ["po_number"]

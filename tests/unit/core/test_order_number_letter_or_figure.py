"""A faxed order number held for a character that looks like both a letter and a figure where its
letters and figures meet (core.capture.domain.order_numbers.usual_kinds,
core.capture.services.deciding.settle_prefix).

The business rule, written out: a fax prints "PC26088411"; its "2" after the "C" may have been a "Z"
(and a "0" after a "P" an "O"), and nothing on the page tells which, so such a number waits for a
person. The customer's own accepted earlier orders settle it: when at least two distinct ones are of
the very same format (the same letters, then eight figures: "PC26071234", "PC26065000"), and none is of
that format with the doubtful character the other kind ("PCZ6071234"), the number's letters and figures
are the customer's own, the hold is lifted and noted, and the number is judged on its reading alone.
With one such order, none, another format, or both kinds, it still waits."""

from __future__ import annotations

import pytest

from core.capture.domain.order import Problem, ProblemCode, Severity
from core.capture.domain.order_numbers import two_faced_places, usual_kinds
from core.capture.domain.resolution import ResolvedOrder
from core.kernel.domain.model import Decision
from tests.unit.core.number_hold_support import settle


def test_the_doubtful_places_are_where_letters_and_figures_meet() -> None:
    assert two_faced_places("PC26088411") == [2]  # the "2"; a "C" looks like no figure
    assert two_faced_places("P02641628") == [1]  # the "0" (the "P" looks like no figure)
    assert two_faced_places("OC-095042") == []  # letters, then figures past a hyphen
    assert two_faced_places("26/04090") == []


@pytest.mark.parametrize(
    "earlier",
    [["PC26071234", "PC26065000"], ["PC26071234", " PC26065000 ", "26/04090"]],
)
def test_two_earlier_numbers_of_the_same_format_make_it_the_customers(earlier: list[str]) -> None:
    assert usual_kinds("PC26088411", earlier)


@pytest.mark.parametrize(
    "earlier",
    [
        [],
        ["PC26071234"],  # one is not a habit
        ["PC26071234", "PC26071234"],  # the same number twice
        ["PC2607123", "PC2606500"],  # fewer figures
        ["PO26071234", "PO26065000"],  # other letters
        ["PC26071234", "PC26065000", "PCZ6071234"],  # both kinds where the character stands
    ],
)
def test_otherwise_the_character_stays_in_doubt(earlier: list[str]) -> None:
    assert not usual_kinds("PC26088411", earlier)


def test_a_number_with_no_such_character_is_never_so_settled() -> None:
    assert not usual_kinds("OC-095042", ["OC-071234", "OC-065000"])


def test_a_figure_read_for_a_letter_waits_on_a_customer_printing_letters_there() -> None:
    # "P02641628": the customer prints "PO" and seven figures; the zero may be its O
    assert not usual_kinds("P02641628", ["PO2641001", "PO2641002"])


# -- the decision, the customer's earlier orders read through the index's port ---------------------
HELD = Problem(ProblemCode.LETTER_OR_FIGURE, "a character may be either", field="po_number")


def settled(read: str, earlier: list[str], *problems: Problem) -> ResolvedOrder:
    return settle(read, earlier, problems or (HELD,))


def test_the_number_flows_on_given_the_customers_numbers_of_its_format() -> None:
    resolved = settled("PC26088411", ["PC26071234", "PC26065000"])
    assert resolved.decision is Decision.ACCEPT
    [noted] = [p for p in resolved.problems if p.code is ProblemCode.LETTER_OR_FIGURE]
    assert noted.severity is Severity.INFO and "PC26088411" in noted.message


@pytest.mark.parametrize("earlier", [[], ["PC26071234"], ["PCZ6071234", "PCZ6065000"]])
def test_the_number_waits_without_such_history_the_clerk_told_why(earlier: list[str]) -> None:
    resolved = settled("PC26088411", earlier)
    assert resolved.decision is Decision.REVIEW
    [held] = [p for p in resolved.problems if p.code is ProblemCode.LETTER_OR_FIGURE]
    assert held.severity is Severity.REVIEW and "PC99999999" in held.message


def test_a_prefix_hold_beside_it_is_judged_by_its_own_rule() -> None:
    prefix = Problem(ProblemCode.PREFIX_LETTER, "a letter of it may be another", field="po_number")
    resolved = settled("PC26088411", ["PC26071234", "PC26065000", "PO26011111"], HELD, prefix)
    assert resolved.decision is Decision.REVIEW  # the customer prints "PO" too: the C may be an O
    codes = {p.code: p.severity for p in resolved.problems}
    assert codes == {ProblemCode.LETTER_OR_FIGURE: Severity.INFO, ProblemCode.PREFIX_LETTER: Severity.REVIEW}

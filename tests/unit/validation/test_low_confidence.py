"""The decision from the problems found, and the problem a too-unsure reading makes, as the business says:
any problem that rejects rejects; else any that needs a person sends to review; information alone
accepts. A reading below one half overall goes to review, naming the field it is least sure of."""

from __future__ import annotations

from core.capture.domain.order import Evidence, Problem, ProblemCode, Provenance, Severity
from core.kernel.domain.model import Decision
from validation.decide import decide, low_confidence


def problem(severity: Severity) -> Problem:
    return Problem(ProblemCode.UNKNOWN_PRODUCT, "x", severity=severity)


def test_the_worst_problem_decides() -> None:
    assert decide([]) is Decision.ACCEPT
    assert decide([problem(Severity.INFO)]) is Decision.ACCEPT
    assert decide([problem(Severity.INFO), problem(Severity.REVIEW)]) is Decision.REVIEW
    assert (
        decide([problem(Severity.REVIEW), problem(Severity.REJECT), problem(Severity.INFO)])
        is Decision.REJECT
    )


def test_a_too_unsure_reading_names_its_weakest_field() -> None:
    doubtful = [
        Evidence("po_number", 0.41, Provenance(page=1)),
        Evidence("lines[0].quantity", 0.32, Provenance(page=1)),
        Evidence("order_date", 0.47, Provenance(page=1)),
    ]
    found = low_confidence(0.32, doubtful)
    assert (found.code, found.field, found.severity) == (
        ProblemCode.LOW_CONFIDENCE,
        "lines[0].quantity",
        Severity.REVIEW,
    )
    assert found.message == "overall confidence 0.32 is below 0.5; least sure of lines[0].quantity (0.32)"


def test_with_no_field_in_doubt_it_names_none() -> None:
    found = low_confidence(0.4, [])
    assert (found.code, found.field) == (ProblemCode.LOW_CONFIDENCE, None)
    assert found.message == "overall confidence 0.40 is below 0.5"


def test_the_confidence_is_the_weakest_doubtful_field_less_a_cost_per_problem() -> None:
    """Worked out by hand: a problem that needs a person costs 0.15, an informational one 0.02; the
    low-confidence problem itself costs nothing more; nothing in doubt reads as 1."""
    from validation.decide import score

    weak = [Evidence("po_number", 0.9, Provenance(page=1)), Evidence("order_date", 0.95, Provenance(page=1))]
    assert score([], []) == 1.0
    assert score(weak, []) == 0.9
    assert score([], [problem(Severity.REVIEW)]) == 0.85
    assert score([], [problem(Severity.REJECT)]) == 0.85  # worse than review costs the same
    assert score([], [problem(Severity.INFO)]) == 0.98
    assert score(weak, [problem(Severity.REVIEW), problem(Severity.INFO), problem(Severity.INFO)]) == 0.71
    unsure = Problem(ProblemCode.LOW_CONFIDENCE, "x", severity=Severity.REVIEW)
    assert score(weak, [unsure]) == 0.9
    many = [problem(Severity.REVIEW)] * 8  # 1.2 of costs: never below nothing
    assert score([], many) == 0.0

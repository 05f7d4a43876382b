"""The decision: resolve a captured order against master data, check it, score it, accept or not."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal

from core.capture.domain.order import CapturedOrder, Evidence, Problem, ProblemCode, Severity, shown_under
from core.capture.domain.resolution import LineTerms, MasterData, OwnIdentity, ResolvedOrder
from core.kernel.domain.model import Decision, Product
from validation.customer import learnable, resolve_customer
from validation.document import (
    check_kind,
    check_line_texts,
    check_page_facts,
    check_totals,
    check_unread,
)
from validation.doubt import in_doubt, unsure_fields
from validation.resolve import LineMatch, resolve_line
from validation.rules import check_header, check_lines
from validation.terms import PRICE_TOLERANCE, line_terms, terms_of
from validation.units import unit_named

# Each problem that needs a person costs this much confidence; informational ones cost a little.
REVIEW_PENALTY = 0.15
INFO_PENALTY = 0.02
# Below this overall confidence nothing is accepted untouched, whatever the checks said.
ACCEPT_FLOOR = 0.5


def validate(
    order: CapturedOrder,
    master: MasterData,
    today: date,
    *,
    ours: OwnIdentity | None = None,
    price_tolerance: Decimal = PRICE_TOLERANCE,
) -> ResolvedOrder:
    """Resolve, check and decide; never raises, every reason is a problem with a stable code.

    `ours` is what we print about ourselves (settings): such identifiers on an order never name the
    customer. A customer named by a printed identifier or the sender counts as much as one named by
    its GLN: a fully read order from it may flow on untouched. Where master data carries commercial
    terms (`validation.terms.CommercialTerms`), a line is priced and unit-checked by them.
    """
    buyer = resolve_customer(order, master, ours)
    customer = buyer.customer
    identified = buyer.strong and (buyer.via != "party_id" or len(buyer.evidence) > 1)
    matches = tuple(resolve_line(line, customer, master) for line in order.lines)
    products = tuple(m.product for m in matches)
    customer_id = customer.customer_id if customer else None
    terms = line_terms(order, products, customer_id, terms_of(master), today, price_tolerance)
    problems: list[Problem] = list(order.problems)
    problems.extend(check_kind(order))
    if buyer.problem is not None:
        problems.append(buyer.problem)
    problems.extend(check_header(order, today))
    problems.extend(check_unread(order))
    problems.extend(check_line_texts(order))
    problems.extend(check_page_facts(order))
    problems.extend(check_lines(order, products, terms, price_tolerance))
    problems.extend(check_totals(order))
    # the fields in doubt, found once: they are both problems of their own and the order's confidence
    doubtful = in_doubt(
        order, products, customer, identified=identified, terms=terms, tolerance=price_tolerance
    )
    problems.extend(unsure_fields(doubtful))
    problems.extend(by_description(order, matches))
    problems.extend(by_lookalike(order, matches, doubtful))
    confidence = score(doubtful, problems)
    if confidence < ACCEPT_FLOOR and decide(problems) is Decision.ACCEPT:
        problems.append(low_confidence(confidence, doubtful))
    return ResolvedOrder(
        captured=order,
        customer_id=customer.customer_id if customer else None,
        skus=tuple(p.sku if p else None for p in products),
        problems=tuple(problems),
        confidence=confidence,
        decision=decide(problems),
        learnable=learnable(order, ours),
        terms=terms,
        units=line_units(order, products, terms),
    )


def line_units(
    order: CapturedOrder, products: Sequence[Product | None], terms: Sequence[LineTerms]
) -> tuple[str | None, ...]:
    """Each line's unit in master data's words where the unit read names the unit the line is counted
    in (the pack it was ordered in, else its product's): "PEZZI" or "E4" for EA, "KAR" for CAJ. A unit
    of another kind stays as read (`check_lines` holds the line for it), as does a word nobody knows:
    the document's word is never silently replaced by master data's."""
    out = []
    for line, product, term in zip(order.lines, products, terms, strict=True):
        unit = term.pack_unit or (product.unit if product else None)
        out.append(unit_named(line.unit, unit) if unit else line.unit)
    return tuple(out)


def by_description(order: CapturedOrder, matches: Sequence[LineMatch]) -> Iterator[Problem]:
    """A line whose product was found by its description only waits for a clerk to confirm it."""
    for i, match in enumerate(matches):
        if match.via == "description" and match.product is not None:
            yield Problem(
                ProblemCode.PRODUCT_BY_DESCRIPTION,
                f"{order.lines[i].description!r} taken for {match.product.sku} ({match.product.name}) by"
                f" its description ({match.score or 0:.0f}% alike); confirm it",
                field=f"lines[{i}].item_code",
            )


# Matches no price vouches for, and what found their code.
_UNVOUCHED = {
    "garbled": "a garbled code on the page fits",
    "turned": "the code read is with the characters a fax turns into others read back",
}


def by_lookalike(
    order: CapturedOrder, matches: Sequence[LineMatch], doubtful: Sequence[Evidence]
) -> Iterator[Problem]:
    """A line taken for the product whose code its misread code looks like (validation.lookalike) flows
    on only when its price vouches for that product too (its code is then no longer in doubt)."""
    unsure = {e.field for e in doubtful}
    for i, match in enumerate(matches):
        path = f"lines[{i}].item_code"
        if match.via not in ("lookalike", "lookalike_shape", *_UNVOUCHED) or match.product is None:
            continue
        if match.via in _UNVOUCHED:
            # a garble no price can undo: however alike, the code printed may be another one
            yield Problem(
                ProblemCode.LOW_CONFIDENCE,
                f"item code {order.lines[i].item_code!r} names no product; taken for {match.product.sku}"
                f" ({match.product.name}): its code is the one {_UNVOUCHED[match.via]} and its"
                " name the description gives; check it against the document",
                field=path,
            )
            continue
        if order.evidence_for(path) is not None and path not in unsure:
            continue
        why = (
            "and whose name the description gives"
            if match.via == "lookalike"
            else "character for character, look-alikes only (the description names no product)"
        )
        yield Problem(
            ProblemCode.LOW_CONFIDENCE,
            f"item code {order.lines[i].item_code!r} names no product; taken for {match.product.sku}"
            f" ({match.product.name}), whose code it looks like {why},"
            " but the price does not confirm it; check it against the document",
            field=path,
        )


def low_confidence(confidence: float, doubtful: Sequence[Evidence]) -> Problem:
    """Nothing wrong was found, but the reading as a whole is too unsure to flow on untouched."""
    weakest = min(doubtful, key=lambda e: e.confidence, default=None)
    return Problem(
        ProblemCode.LOW_CONFIDENCE,
        f"overall confidence {shown_under(confidence, ACCEPT_FLOOR)} is below {ACCEPT_FLOOR}"
        + (f"; least sure of {weakest.field} ({weakest.confidence:.2f})" if weakest else ""),
        field=weakest.field if weakest else None,
    )


def decide(problems: list[Problem]) -> Decision:
    worst = max((p.severity for p in problems), default=Severity.INFO)
    if worst >= Severity.REJECT:
        return Decision.REJECT
    if worst >= Severity.REVIEW:
        return Decision.REVIEW
    return Decision.ACCEPT


def score(doubtful: Sequence[Evidence], problems: list[Problem]) -> float:
    """The confidence of the weakest field in doubt, lowered for every problem found.

    `doubtful` holds the decisive fields no cross-check vouches for. Names, descriptions and units
    decide nothing, and a field master data confirmed is not in doubt: on the fax benchmark, counting
    names and descriptions held back about half the faxes read right (a badly read supplier name says
    nothing about an order whose codes, quantities and prices check out), and the one misread it
    happened to catch, an order date, is caught by its own check (`order_date_old`).
    """
    reading = min((e.confidence for e in doubtful), default=1.0)
    # a field in doubt already lowers `reading`; its problem costs nothing more
    penalty = sum(
        REVIEW_PENALTY if p.severity >= Severity.REVIEW else INFO_PENALTY
        for p in problems
        if p.code is not ProblemCode.LOW_CONFIDENCE
    )
    return round(max(0.0, min(1.0, reading - penalty)), 3)

"""An order number whose one doubt is a slash that may be a 7 without its bar carries a hold of its own
that the customer's format may lift (parsers.ocr.lookalike.doubt_lookalikes, ProblemCode.SLASH_OR_SEVEN).

The business rule, written out: a number printed once, read sure, whose slash keeps within its figures'
band (a 7 whose bar the fax line lost reads "/" too) waits, as before; when both readings again say it
alike and nothing else about it is in doubt, it carries the hold "slash or seven" on the order number,
which only the customer's own earlier numbers printed with slashes so may lift. A number the readings
again say otherwise, or one printed with a true slash, carries no such hold (the first waits on its
readings, nothing lifts that; the second is not in doubt at all)."""

from __future__ import annotations

from PIL import Image

from core.capture.domain.order import CapturedOrder, Evidence, ProblemCode
from tests.unit.ocr.slash_support import READ, number_doubted, number_strip


def _strip(printed: str, *, bar_lost: bool) -> Image.Image:
    return number_strip(printed, bar_lost=bar_lost)


def _read(sheet: Image.Image, read: str, again: str) -> CapturedOrder:
    """The order whose number the page read as `read` from `sheet`, each reading again saying `again`."""
    return number_doubted(sheet, read, again, label="Order")


def _holds(order: CapturedOrder) -> list[str | None]:
    return [p.field for p in order.problems if p.code is ProblemCode.SLASH_OR_SEVEN]


def test_a_slash_within_the_figures_read_again_alike_holds_the_number_on_its_slash() -> None:
    got = _read(_strip("PO72114", bar_lost=True), "PO/2114", "PO/2114")
    assert _holds(got) == ["po_number"]
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8  # still waits, as before


def test_read_again_otherwise_it_waits_with_no_hold_a_history_could_lift() -> None:
    got = _read(_strip("PO72114", bar_lost=True), "PO/2114", "PO72114")
    assert _holds(got) == []
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8


def test_a_printed_slash_is_held_on_nothing() -> None:
    got = _read(_strip("PO/2114", bar_lost=False), "PO/2114", "PO/2114")
    assert _holds(got) == []
    assert got.evidence_for("po_number") == Evidence("po_number", READ, got.evidence[0].provenance)

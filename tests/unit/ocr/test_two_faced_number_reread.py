"""An order number held for a character that looks like both a letter and a figure
(`ProblemCode.LETTER_OR_FIGURE`) and offered to the header re-reads (parsers.ocr.two_faced).

The business rule, written out: such a number used to wait as doubtful unless both readings of its own
ink again said it alike, each with confidence, which made it as sure as its label; that must stay so,
the hold then gone. Where the readings again say it otherwise, or unsure, it keeps the hold (only the
customer's earlier numbers may lift it) and its own reading's confidence. A number the layout did not
offer to the re-reads is not read again here.

The readings again are scripted (tests.unit.ocr.recheck_support.Scripted).
"""

from __future__ import annotations

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Problem, ProblemCode, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.two_faced import settle_by_rereads
from tests.unit.ocr.recheck_support import BOX, Scripted

READ = 0.84
HELD = Problem(ProblemCode.LETTER_OR_FIGURE, "a character may be either", field="po_number")


def _settled(first: Scripted, second: Scripted, *, offered: bool = True) -> CapturedOrder:
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    page = PageWords(1, 1728.0, 400.0, 204.0, (Word("PO21100", *BOX, READ),), "ocr")
    found = Evidence("po_number", READ, Provenance(page=1, box=BOX, raw="PO21100"))
    order = CapturedOrder(po_number="PO21100", evidence=(found,), problems=(HELD,))
    rechecks = [Recheck(0, "po_number", 1.0)] if offered else []
    (got,) = settle_by_rereads([order], rechecks, [image], [page], [first, second], Scripted("PO21100", 0.9))
    return got


def _held(order: CapturedOrder) -> bool:
    return any(p.code is ProblemCode.LETTER_OR_FIGURE for p in order.problems)


def test_readings_again_alike_and_sure_vouch_for_it_as_before_and_the_hold_goes() -> None:
    got = _settled(Scripted("PO21100", 0.93), Scripted("PO21100", 0.91))
    assert not _held(got)
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence == 0.91


def test_readings_again_otherwise_leave_the_hold_and_the_reading() -> None:
    got = _settled(Scripted("PO2110O", 0.93), Scripted("PO21100", 0.91))
    assert _held(got)
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence == READ


def test_readings_again_unsure_leave_the_hold() -> None:
    got = _settled(Scripted("PO21100", 0.5), Scripted("PO21100", 0.5))
    assert _held(got)


def test_a_number_not_offered_to_the_rereads_is_not_read_again() -> None:
    first = Scripted("PO21100", 0.93)
    got = _settled(first, Scripted("PO21100", 0.91), offered=False)
    assert _held(got) and first.calls == 0

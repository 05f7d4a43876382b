"""An order number read again in another case than the page's reading (parsers.ocr.recheck.confirm).

The business rule: an order number's letters name the order whatever their case, and the layout takes
the number in capitals ("Oc-2026-93546" is order OC-2026-93546, parsers.layout.header_mends).  A reading of
its cut-out again that says the same letters and figures in another case says the same number, so it
vouches for the number as any reading alike does, when it is read with confidence.  Case is all it may
differ in: a zero where the page's reading has the letter O (nothing mended) is another print, and a
zero after a letter among figures ("P01810" beside "PO1810") is a figure.  A number the layout left
with small letters is vouched for only by readings that say it exactly.  The readings are scripted
(tests/unit/ocr/recheck_support.py): what Tesseract says of a cut-out is not the rules' business.
"""

from __future__ import annotations

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.ocr.recheck_support import BOX, Scripted

DPI = 196.0  # a normal fax's rows
UNSURE = 0.4  # the page's reading of the number
SURE = 0.9  # each reading again


def _confirmed(
    raw: str, value: str, first: Scripted, second: Scripted, spare: Scripted | None = None
) -> float:
    """The confidence of the order number `value`, read by the page as `raw`, once `confirm` has read
    its box again with `first` and `second` (and `spare`, the third way, when the rule asks for it)."""
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), DPI)
    words = PageWords(1, 1728.0, 400.0, DPI, (Word(raw, *BOX, UNSURE),), "ocr")
    found = Evidence("po_number", UNSURE, Provenance(page=1, box=BOX, raw=raw))
    order = CapturedOrder(po_number=value, evidence=(found,))
    (got,) = confirm([order], [Recheck(0, "po_number", 1.0)], [image], [words], [first, second], spare)
    vouched = got.evidence_for("po_number")
    assert vouched is not None
    return vouched.confidence


def test_a_reading_again_in_capitals_vouches_for_a_number_the_page_read_with_a_small_letter() -> None:
    got = _confirmed(
        "Oc-2026-93546", "OC-2026-93546", Scripted("OC-2026-93546", SURE), Scripted("Oc-2026-93546", SURE)
    )
    assert got == SURE


def test_readings_again_with_small_letters_vouch_for_a_number_the_page_read_in_capitals() -> None:
    got = _confirmed("PO48073", "PO48073", Scripted("po48073", SURE), Scripted("Po48073", SURE))
    assert got == SURE


def test_a_reading_alike_but_unsure_in_another_case_lets_the_spare_way_stand_in() -> None:
    # the second way says the number's letters small and unsure: alike, so the third way is asked
    spare = Scripted("OC-2026-93546", SURE)
    got = _confirmed(
        "OC-2026-93546",
        "OC-2026-93546",
        Scripted("OC-2026-93546", SURE),
        Scripted("Oc-2026-93546", 0.6),
        spare,
    )
    assert spare.calls == 1
    assert got == SURE


def test_the_spare_way_unsure_in_another_case_still_leaves_the_number_doubtful() -> None:
    spare = Scripted("po48073", 0.63)
    got = _confirmed("PO48073", "PO48073", Scripted("PO48073", SURE), Scripted("PO48073", 0.65), spare)
    assert got == UNSURE


def test_a_zero_after_a_letter_among_figures_is_a_figure_in_either_case() -> None:
    # printed P01810, read PO1810 by the page: a reading again with the zero gainsays the letter O
    assert _confirmed("PO1810", "PO1810", Scripted("PO1810", SURE), Scripted("P01810", SURE)) == UNSURE
    assert _confirmed("PO1810", "PO1810", Scripted("po1810", SURE), Scripted("p01810", SURE)) == UNSURE


def test_case_aside_a_zero_for_a_letter_o_nothing_mended_is_another_print() -> None:
    got = _confirmed(
        "OC/26/61293", "OC/26/61293", Scripted("oc/26/61293", SURE), Scripted("0c/26/61293", SURE)
    )
    assert got == UNSURE


def test_case_aside_another_figure_still_gainsays() -> None:
    got = _confirmed(
        "Oc-2026-93546", "OC-2026-93546", Scripted("OC-2026-93546", SURE), Scripted("oc-2026-93548", SURE)
    )
    assert got == UNSURE


def test_a_number_left_with_small_letters_is_vouched_for_only_as_it_was_read() -> None:
    # the layout keeps "po48073" (two small letters): capitals would vouch for letters it lacks
    assert _confirmed("po48073", "po48073", Scripted("PO48073", SURE), Scripted("PO48073", SURE)) == UNSURE
    assert _confirmed("po48073", "po48073", Scripted("po48073", SURE), Scripted("po48073", SURE)) == SURE

"""An order number whose letter O the page's reading gave as a zero ("0C/26/61293" for OC/26/61293),
offered for the re-reads (parsers.layout.recheck.mended_worth_rechecking, parsers.ocr.recheck.confirm,
parsers.ocr.lookalike).

The business rule: in a part of an order number that is letters but for it, an O and a 0 name one order,
so the mended number is the order the page printed unless the print is a zero there.  After a sure label,
standing alone, its doubt is only how OCR read its characters: readings of its cut-out again that say it
(an O or a 0 where the letter stands, either case) with confidence, and ink that shows the letter O
(wider than the word's figures), make it as sure as its label.  A reading again with another figure, or
ink that shows a zero, leaves it doubtful for a person.  A number after a label the layout is only
likely of is not offered: its label may be a prefix of the number ("PO-41505").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout import extract_orders
from parsers.layout.header_mends import letter_o_mended
from parsers.layout.recheck import Recheck
from parsers.ocr import lookalike
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.ocr.recheck_support import BOX, Scripted
from tests.unit.ocr.scans import order_number_strip
from tests.unit.parsers.ocr_support import cells, page, word

DPI = 204.0
AT = 200  # where the number starts on the strip, in points


def test_a_zero_for_the_letter_o_is_a_mend_and_a_figure_changed_is_not() -> None:
    assert letter_o_mended("0C/26/61293", "OC/26/61293")
    assert letter_o_mended("0c/26/61293", "OC/26/61293")  # its small "c" put upright too
    assert letter_o_mended("P0-4471", "PO-4471")
    assert not letter_o_mended("OC/26/61293", "OC/26/61293")  # nothing mended
    assert not letter_o_mended("0C/26/61298", "OC/26/61293")  # a figure too
    assert not letter_o_mended("26/0461", "26/O461")  # a part of figures keeps its zero


def _offered(label: str, printed: str) -> tuple[str, dict[str, float]]:
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        [*cells(70, (50, label)), word(printed, 160, 70, conf=0.9)],
    ]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")
    )
    row = cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))
    total = cells(202, (430, "Total"), (500, "45,00"))
    extraction = extract_orders([page(*lines, heading, row, total)])
    (order,) = extraction.orders
    return str(order.po_number), {r.path: r.certainty for r in extraction.rechecks}


def test_a_mended_letter_o_after_a_sure_label_is_offered_as_sure_as_its_label() -> None:
    read, offered = _offered("Numero ordine:", "0C/26/61293")
    assert read == "OC/26/61293"
    assert offered.get("po_number") == 1.0


def test_a_mended_letter_o_after_a_likely_label_is_not_offered() -> None:
    read, offered = _offered("PO", "0C/26/61293")
    assert read == "OC/26/61293"
    assert "po_number" not in offered


def _confirmed(raw: str, value: str, again: Sequence[str]) -> float:
    """The order number's confidence once `confirm` has read its box again as each of `again` (0.9)."""
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), DPI)
    words = PageWords(1, 1728.0, 400.0, DPI, (Word(raw, *BOX, 0.66),), "ocr")
    found = Evidence("po_number", 0.4, Provenance(page=1, box=BOX, raw=raw))
    order = CapturedOrder(po_number=value, evidence=(found,))
    reads = [Scripted(text, 0.9) for text in again]
    (got,) = confirm([order], [Recheck(0, "po_number", 1.0)], [image], [words], reads)
    vouched = got.evidence_for("po_number")
    assert vouched is not None
    return vouched.confidence


def test_readings_again_with_an_o_or_a_zero_where_the_letter_stands_vouch_for_a_mended_number() -> None:
    assert _confirmed("0C/26/61293", "OC/26/61293", ["OC/26/61293", "0C/26/61293"]) == 0.9
    assert _confirmed("0c/26/61293", "OC/26/61293", ["Oc/26/61293", "0C/26/61293"]) == 0.9


def test_a_reading_again_with_another_figure_leaves_a_mended_number_doubtful() -> None:
    assert _confirmed("0C/26/61293", "OC/26/61293", ["OC/26/61293", "OC/26/61298"]) == 0.4
    assert _confirmed("0C/26/61293", "OC/26/61293", ["OC/26/61293", "OC/26/6129"]) == 0.4


def test_an_o_or_a_zero_counts_alike_only_for_a_mended_number() -> None:
    # a number read "OC/26/61293" by the page, nothing mended: a reading "0C" again is another print
    assert _confirmed("OC/26/61293", "OC/26/61293", ["OC/26/61293", "0C/26/61293"]) == 0.4


def _inked(printed: str, raw: str, twice: bool = False) -> float:
    """The confidence after the look-alike re-reads of a number set as `printed` in Helvetica, read by
    the page as `raw` and mended to the letter O, read again alike; `twice`: the page prints it again."""
    grey = order_number_strip(printed, "Helvetica", 9, AT, DPI)
    image = grey.point(lambda v: 0 if v < 128 else 255).convert("1")
    ink = np.asarray(grey) < 128
    left = round((AT - 2) * DPI / 72)
    cols = np.flatnonzero(ink[:, left:].any(axis=0)) + left
    rows = np.flatnonzero(ink[:, left:].any(axis=1))
    box = (float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1))
    words = [Word("Order", 110.0, box[1], 190.0, box[3], 0.93), Word(raw, *box, 0.9)]
    if twice:
        words.append(Word(raw, 20.0, 5.0, 100.0, 15.0, 0.9))
    page_words = PageWords(1, float(image.width), float(image.height), DPI, tuple(words), "ocr")
    value = "O" + raw[1:]
    order = CapturedOrder(
        po_number=value, evidence=(Evidence("po_number", 0.9, Provenance(page=1, box=box, raw=raw)),)
    )

    def reading(crops: Sequence[PageImage]) -> list[PageWords]:
        return [PageWords(c.number, 100.0, 30.0, DPI, (Word(raw, 0, 0, 90, 20, 0.9),), "ocr") for c in crops]

    img = PageImage.from_image(1, image, DPI, (DPI, 196.0))
    (got,) = lookalike.doubt_lookalikes([order], [img], [page_words], [reading, reading])
    found = got.evidence_for("po_number")
    assert found is not None
    return found.confidence


def test_a_mended_number_inked_with_the_letter_o_stays_as_sure_as_the_readings_make_it() -> None:
    assert _inked("OC/26/57898", "0C/26/57898") == 0.9


def test_a_mended_number_inked_with_a_zero_waits_for_a_person_however_often_it_is_printed() -> None:
    assert _inked("0C/26/57898", "0C/26/57898") < 0.8
    assert _inked("0C/26/57898", "0C/26/57898", twice=True) < 0.8

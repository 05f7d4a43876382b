"""An order number OCR may have parted in two (parsers.ocr.recheck.doubt_parted).

The business rule: on a scan, "OC/26/14512" printed after its label can come out of OCR as two words,
"OC/26/1" and "4512", and the layout takes the first for the whole number, each part read sure.  An
order number with a word of figures a word space or less beside it on its line is therefore doubtful:
a person looks at it.  Words further off (the next field along the line) or without figures (its
label) leave it as sure as it was read.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr.recheck import doubt_parted

BOX = (1224.0, 371.0, 1301.0, 387.0)  # "OC/26/1", 16 pixels high


def _confidence(*beside: Word) -> float:
    words = (Word("pedido:", 1120.0, 371.0, 1200.0, 387.0, 0.93), Word("OC/26/1", *BOX, 0.89), *beside)
    page = PageWords(1, 1728.0, 2200.0, 204.0, words, "ocr")
    found = Evidence("po_number", 0.89, Provenance(page=1, box=BOX, raw="OC/26/1"))
    (order,) = doubt_parted([CapturedOrder(po_number="OC/26/1", evidence=(found,))], [page])
    got = order.evidence_for("po_number")
    assert got is not None
    return got.confidence


def test_an_order_number_with_figures_a_word_space_after_it_is_doubtful() -> None:
    assert _confidence(Word("4512", 1310.0, 371.0, 1360.0, 387.0, 0.96)) < 0.8


def test_an_order_number_alone_after_its_label_stays_as_read() -> None:
    assert _confidence() == 0.89


def test_figures_further_along_the_line_or_on_another_line_leave_it_as_read() -> None:
    far = Word("25/11/2026", 1400.0, 371.0, 1520.0, 387.0, 0.96)  # the next field, columns away
    below = Word("4512", 1224.0, 400.0, 1274.0, 416.0, 0.96)
    assert _confidence(far, below) == 0.89


# A fax that lost most of the number's last figure: "OC/26/46123" read "OC/26/4612", then a stroke
# of the "3" read "|", 9 pixels on, within the text's height.  The number is short by a figure, each
# part read sure; a person must look.  A box's rule (taller than the text) or a full stop (a speck at
# its foot) after a number is no lost figure.
def test_an_order_number_with_a_stroke_of_a_lost_figure_after_it_is_doubtful() -> None:
    assert _confidence(Word("|", 1310.0, 373.0, 1311.0, 384.0, 0.56)) < 0.8


def test_a_box_rule_or_a_full_stop_after_an_order_number_leaves_it_as_read() -> None:
    rule = Word("|", 1310.0, 362.0, 1314.0, 396.0, 0.9)  # the cell's rule, from above to below the text
    stop = Word(".", 1303.0, 384.0, 1305.0, 387.0, 0.8)
    assert _confidence(rule) == 0.89
    assert _confidence(stop) == 0.89

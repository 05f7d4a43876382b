"""A header label the page read with one letter wrong and a space lost, read again alone.

The business rule: a phrase that is no label, beside a value of a field the order lacks, is read again
from its ink (parsers.ocr.labels); when that reading is the field's label, the field is filled, and it
is doubtful, its label read only the second time.  Where the page's own reading spelt the same label
but for one letter read as another, its spaces aside ("Ordermumber:" for "Order number:", fine fax
erp_ruled-182127), and the reading again says every word of it surely, two readings of the ink name one
label: the field is as sure as its value's reading, as if the layout had found the label the first
time.  A reading again that is unsure of a word, or a page's reading two letters off, leaves the field
doubtful: its label was read once.

The second readings are scripted (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of the page's size.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from parsers.layout.evidence import DOUBTFUL
from tests.unit.ocr.test_reread_labels import Saying, labelled, number_of


def test_the_page_read_the_label_as_one_word_with_no_number() -> None:
    assert extract_orders([labelled("Ordermumber:")]).orders[0].po_number is None


def test_a_label_read_a_letter_off_and_read_again_surely_gives_the_number_as_sure_as_its_reading() -> None:
    number, confidence = number_of(labelled("Ordermumber:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence >= 0.8


def test_a_label_read_with_its_space_misplaced_gives_the_number_as_sure_as_its_reading() -> None:
    assert extract_orders([labelled("Or dernumber:")]).orders[0].po_number is None
    number, confidence = number_of(labelled("Or dernumber:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence >= 0.8


def test_a_label_read_again_unsure_of_a_word_gives_the_number_doubtful() -> None:
    number, confidence = number_of(labelled("Ordermumber:"), Saying(("Order", 0.94), ("number:", 0.65)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence <= DOUBTFUL


def test_a_label_the_page_read_two_letters_off_gives_the_number_doubtful() -> None:
    number, confidence = number_of(labelled("Ordermumbor:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence <= DOUBTFUL

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

from dataclasses import replace

from PIL import Image

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from parsers.layout.evidence import DOUBTFUL
from parsers.ocr.images import PageImage
from parsers.ocr.labels import reread_labels
from tests.unit.ocr.test_reread_labels import Saying
from tests.unit.parsers.ocr_support import cells, order, row


def _fax(label: str) -> PageWords:
    """An order whose number's label OCR read as `label` (the usual "Nº pedido:" line left out)."""
    page = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00", drop="Nº pedido:")
    return replace(page, words=page.words + tuple(cells(56, (50, label), (150, "OC/26/21862"))))


def _read(page: PageWords, way: Saying) -> tuple[object, float | None]:
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    got = reread_labels(extract_orders([page]), [image], [page], way, extract_orders)
    (found,) = got.orders
    evidence = found.evidence_for("po_number")
    return found.po_number, evidence.confidence if evidence else None


def test_the_page_read_the_label_as_one_word_with_no_number() -> None:
    assert extract_orders([_fax("Ordermumber:")]).orders[0].po_number is None


def test_a_label_read_a_letter_off_and_read_again_surely_gives_the_number_as_sure_as_its_reading() -> None:
    number, confidence = _read(_fax("Ordermumber:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence >= 0.8


def test_a_label_read_with_its_space_misplaced_gives_the_number_as_sure_as_its_reading() -> None:
    assert extract_orders([_fax("Or dernumber:")]).orders[0].po_number is None
    number, confidence = _read(_fax("Or dernumber:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence >= 0.8


def test_a_label_read_again_unsure_of_a_word_gives_the_number_doubtful() -> None:
    number, confidence = _read(_fax("Ordermumber:"), Saying(("Order", 0.94), ("number:", 0.65)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence <= DOUBTFUL


def test_a_label_the_page_read_two_letters_off_gives_the_number_doubtful() -> None:
    number, confidence = _read(_fax("Ordermumbor:"), Saying(("Order", 0.94), ("number:", 0.94)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence <= DOUBTFUL

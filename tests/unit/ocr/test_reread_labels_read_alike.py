"""A header label kept from the layout by a lone character OCR read into it, read again alone.

The business rule: a phrase that is no label, beside a value of a field the order lacks, is read again
from its ink (parsers.ocr.labels); when that reading is the field's label, the field is filled, and it
is doubtful, its label read only the second time.  Where the page's own reading said the same words
but for a lone character among them ("Order r date:", a speck read as an "r": fine fax us_po-109003),
the label was read twice alike: the field is as sure as its value's reading, as if the layout had found
the label the first time.  A first reading of other words ("Order r daie:") leaves the field doubtful.

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


def _fax(*label: tuple[float, str]) -> PageWords:
    """An order whose date's label OCR read as the words `label` (the usual "Fecha:" line left out)."""
    page = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00", drop="Fecha:")
    return replace(page, words=page.words + tuple(cells(150, *label, (150, "26/11/2026"))))


def _read(page: PageWords, way: Saying) -> tuple[object, float | None]:
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    got = reread_labels(extract_orders([page]), [image], [page], way, extract_orders)
    (found,) = got.orders
    evidence = found.evidence_for("order_date")
    return found.order_date, evidence.confidence if evidence else None


def test_a_label_read_alike_but_for_a_lone_character_gives_the_date_as_sure_as_its_reading() -> None:
    page = _fax((50, "Order"), (79, "r"), (88, "date:"))
    assert extract_orders([page]).orders[0].order_date is None
    date, confidence = _read(page, Saying(("Order", 0.94), ("date:", 0.65)))
    assert str(date) == "2026-11-26"
    assert confidence is not None and confidence >= 0.8


def test_a_label_the_page_read_as_other_words_gives_the_date_doubtful() -> None:
    page = _fax((50, "Order"), (79, "r"), (88, "daie:"))
    date, confidence = _read(page, Saying(("Order", 0.94), ("date:", 0.65)))
    assert str(date) == "2026-11-26"
    assert confidence is not None and confidence <= DOUBTFUL

"""A header label OCR garbled past knowing, read again alone (parsers.layout.relabel finds the phrase,
parsers.ocr.labels reads it again).

The business rule: a short phrase that is no label, beside a word shaped like a header field the order
lacks ("N¢ pedido   OC/26/21862", the "º" read as a cent sign), is read again from its ink; when that
reading is a label of such a field, the field is filled from the value beside it, and only if nothing
else the page said changes.  The field stays doubtful (a person confirms it): its label was read only
the second time.  A second reading that is no such label leaves the order as it was.

The second readings are scripted (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of the page's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.layout.evidence import DOUBTFUL
from parsers.ocr.images import PageImage
from parsers.ocr.labels import reread_labels
from tests.unit.parsers.ocr_support import cells, order, row


class Saying:
    """A way of reading cut-outs that says `words` (text, confidence) of each, and counts its calls."""

    def __init__(self, *words: tuple[str, float]) -> None:
        self.words, self.calls = words, 0

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.calls += 1
        said = tuple(
            Word(text, 10 + 40 * i, 10, 45 + 40 * i, 30, conf) for i, (text, conf) in enumerate(self.words)
        )
        return [PageWords(c.number, 200.0, 40.0, 72.0, said, "ocr") for c in crops]


def labelled(label: str) -> PageWords:
    """An order whose number's label OCR read as `label` (the usual "Nº pedido:" line left out)."""
    page = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00", drop="Nº pedido:")
    return replace(page, words=page.words + tuple(cells(56, (50, label), (150, "OC/26/21862"))))


def number_of(page: PageWords, way: Saying) -> tuple[object, float | None]:
    """The order number and its confidence after the labels were read again the way `way` says."""
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    got = reread_labels(extract_orders([page]), [image], [page], way, extract_orders)
    (found,) = got.orders
    evidence = found.evidence_for("po_number")
    return found.po_number, evidence.confidence if evidence else None


def test_a_garbled_label_read_again_as_the_order_numbers_gives_the_number_doubtful() -> None:
    page = labelled("N¢ pedido")
    assert extract_orders([page]).orders[0].po_number is None
    number, confidence = number_of(page, Saying(("N2", 0.6), ("pedido", 0.96)))
    assert number == "OC/26/21862"
    assert confidence is not None and confidence <= DOUBTFUL


def test_a_second_reading_that_is_no_order_number_label_leaves_the_order_as_it_was() -> None:
    way = Saying(("Fax", 0.9))
    assert number_of(labelled("N¢ pedido"), way) == (None, None)
    assert way.calls == 1


def test_a_label_read_again_unsure_counts_for_nothing() -> None:
    assert number_of(labelled("N¢ pedido"), Saying(("N2", 0.3), ("pedido", 0.96))) == (None, None)


def test_an_order_with_its_number_reads_no_label_again() -> None:
    page = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00")
    way = Saying(("N2", 0.6), ("pedido", 0.96))
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    got = reread_labels(extract_orders([page]), [image], [page], way, extract_orders)
    assert got.orders[0].po_number == "PED-26/00123"
    assert way.calls == 0

"""A header date the page read parted by a gap, read again (parsers.layout.recheck.parted_date and
parsers.ocr.recheck.confirm).

The business rule: a fax may open a gap inside a figure pair, and OCR then reads one printed date as
two words ("26/1 1/2026" for 26/11/2026).  The layout joins the figures, but only by mending what it
read, so the date is doubtful and a person confirms it.  Its ink read again settles it as any date
after its label is settled: every reading again must say the date with confidence, and here as one
word, "26/11/2026".  A reading that parts it again ("26/1" "1/2026") says no more than the page did,
so it vouches for nothing, however sure it is; nor does one that says other figures.

The page is built word by word; the readings of the date's cut-out are scripted (what Tesseract says
of it is not the rule's business), over a blank image of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.parsers.ocr_support import CHAR, cells, page, word

Read = Callable[[Sequence[PageImage]], list[PageWords]]


def _page(*date_words: str, conf: float = 0.93) -> PageWords:
    """A Spanish order whose order date, after "Fecha:", is printed as `date_words` side by side."""
    placed, x = [], 100.0
    for text in date_words:
        placed.append(word(text, x, 84, conf=conf))
        x += CHAR * len(text) + 3.0  # a gap about half a character wide
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha:")) + placed]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe")
    )
    row = cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))
    total = cells(202, (430, "Total"), (500, "45,00"))
    return page(*lines, heading, row, total)


def _says(*words: tuple[str, float]) -> Read:
    """A reading of the cut-out that says `words` (text, confidence) side by side."""

    def read(crops: Sequence[PageImage]) -> list[PageWords]:
        said, x = [], 10.0
        for text, confidence in words:
            said.append(Word(text, x, 10, x + 12 * len(text), 40, confidence))
            x += 12 * len(text) + 10
        return [PageWords(c.number, 400.0, 60.0, 72.0, tuple(said), "ocr") for c in crops]

    return read


def _read_again(printed: PageWords, *again: Read) -> tuple[CapturedOrder, float]:
    """The order read from `printed`, and its order date's confidence once the readings `again` of the
    date's ink were heard (as read when none were offered)."""
    extraction = extract_orders([printed])
    (got,) = extraction.orders
    if again:
        image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
        (got,) = confirm([got], extraction.rechecks, [image], [printed], list(again))
    found = got.evidence_for("order_date")
    assert found is not None
    return got, found.confidence


def test_a_parted_date_is_read_as_printed_and_waits_for_a_person() -> None:
    order, confidence = _read_again(_page("26/1", "1/2026"))
    assert str(order.order_date) == "2026-11-26"
    assert confidence < 0.8


def test_a_parted_date_read_again_as_one_word_with_confidence_is_vouched_for() -> None:
    whole = _says(("26/11/2026", 0.94))
    order, confidence = _read_again(_page("26/1", "1/2026"), whole, whole)
    assert str(order.order_date) == "2026-11-26"
    assert confidence >= 0.8


def test_a_reading_that_parts_the_date_again_does_not_vouch_for_it() -> None:
    parted = _says(("26/1", 0.95), ("1/2026", 0.95))
    _, confidence = _read_again(_page("26/1", "1/2026"), parted, parted)
    assert confidence < 0.8
    _, once = _read_again(_page("26/1", "1/2026"), _says(("26/11/2026", 0.94)), parted)
    assert once < 0.8


def test_a_reading_again_of_other_figures_or_unsure_does_not_vouch_for_it() -> None:
    _, other = _read_again(_page("26/1", "1/2026"), _says(("26/12/2026", 0.94)), _says(("26/12/2026", 0.94)))
    assert other < 0.8
    unsure = _says(("26/11/2026", 0.6))
    _, doubted = _read_again(_page("26/1", "1/2026"), unsure, unsure)
    assert doubted < 0.8


def test_a_date_printed_whole_is_read_again_as_before() -> None:
    whole = _says(("26/11/2026", 0.94))
    _, confidence = _read_again(_page("26/11/2026", conf=0.7), whole, whole)
    assert confidence >= 0.8

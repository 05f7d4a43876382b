"""A letter's opening place-and-date line ("Santiago de Compostela, miércoles, 25 de noviembre de 2026"):
the place is no part of the order's date.  The date's evidence is its own words, so that how surely OCR
read the place's words says nothing of it, and the look-alike re-read of a date printed once and read
sure (parsers.ocr.lookalike.doubt_lookalikes) cuts out and reads again the date alone.  Read again as
one word, a cut-out of the whole line gave "29 ... 2028" for a date read right (fine fax letter-150504);
the date alone read again says it.  The date's own words read again as other figures still make it wait,
and so does a date word read unsure."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.layout.geometry import box_around
from parsers.ocr.cutouts import Cell, cut_out
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import doubt_lookalikes
from tests.unit.parsers.ocr_support import cells, doubted, page, read, word

PLACE = (("Santiago", 0.96), ("de", 0.96), ("Compostela,", 0.96), ("miércoles,", 0.96))
DATE = (("25", 0.96), ("de", 0.96), ("noviembre", 0.96), ("de", 0.96), ("2026", 0.96))
TABLE = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROW = ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))


def _line(y: float, *words: tuple[str, float]) -> list[Word]:
    """A line of running text: each (text, OCR confidence) a word space after the one before."""
    out, x = [], 300.0
    for text, conf in words:
        out.append(word(text, x, y, conf=conf))
        x = out[-1].x1 + 2.8
    return out


def _letter(place: Sequence[tuple[str, float]], date: Sequence[tuple[str, float]]) -> PageWords:
    return page(
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(54, (50, "Nº cliente: C-1001")),
        _line(80, *place, *date),
        cells(110, (50, "Pedido nº: 40112-26")),
        cells(160, *TABLE),
        cells(174, *ROW),
        cells(202, (430, "Total"), (500, "45,00")),
    )


class Reading:
    """Reads each cut-out as Tesseract reads it one way: the order number's (a short word) as printed;
    the date's, when it is no wider than a cut-out of the date's own words, as `date`; a cut-out of the
    whole line as `line`, its figures garbled as a reading of many words as one word garbles them."""

    def __init__(self, date: str, date_width: int) -> None:
        self.date, self.date_width = date, date_width
        self.line = "Seg de Compostela, miércoles, 29 de noviembre de 2028"

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        out = []
        for crop in crops:
            if crop.width < self.date_width / 2:
                text = "40112-26"  # the order number, one short word: as printed
            else:
                text = self.line if crop.width > self.date_width else self.date
            out.append(PageWords(crop.number, 400.0, 60.0, 72.0, (Word(text, 5, 5, 395, 40, 0.95),), "ocr"))
        return out


IMAGE = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)


def _captured(letter: PageWords) -> CapturedOrder:
    (captured,) = extract_orders([letter]).orders
    return captured


def test_the_order_dates_evidence_is_the_dates_own_words_not_the_place() -> None:
    captured = _captured(_letter(PLACE, DATE))
    found = captured.evidence_for("order_date")
    assert str(captured.order_date) == "2026-11-25"
    assert found is not None and found.provenance.box is not None
    assert found.provenance.raw == "25 de noviembre de 2026"
    date_x0 = _line(80, *PLACE, *DATE)[len(PLACE)].x0
    assert found.provenance.box[0] >= date_x0  # the box starts at the day, not at "Santiago"


def test_a_place_read_unsure_leaves_the_date_as_sure_as_its_own_words() -> None:
    unsure_place = (("Santiago", 0.55), ("de", 0.62), ("Compostela,", 0.64), ("miércoles,", 0.96))
    got = read(_letter(unsure_place, DATE))
    assert got["order_date"] == "2026-11-25"
    assert not doubted(got, "order_date")


def test_a_date_word_read_unsure_keeps_the_date_doubtful() -> None:
    got = read(_letter(PLACE, (("25", 0.62), *DATE[1:])))
    assert got["order_date"] == "2026-11-25"
    assert doubted(got, "order_date")


def _date_read_again(says: str) -> float:
    """The order date's confidence once the look-alike re-read has read its cut-out as `says`."""
    letter = _letter(PLACE, DATE)
    captured = _captured(letter)
    before = captured.evidence_for("order_date")
    assert before is not None and before.confidence >= 0.8
    date_words = [w for w in letter.words if w.y0 == 80][len(PLACE) :]
    (alone,) = cut_out([Cell("order_date", 1, box_around(date_words))], [IMAGE], [letter])
    got = doubt_lookalikes([captured], [IMAGE], [letter], [Reading(says, alone.width)])[0]
    found = got.evidence_for("order_date")
    assert found is not None
    return found.confidence


def test_the_date_alone_read_again_alike_stays_sure() -> None:
    assert _date_read_again("25 de noviembre de 2026") >= 0.8


def test_the_date_alone_read_again_as_other_figures_waits() -> None:
    assert _date_read_again("29 de noviembre de 2026") < 0.8

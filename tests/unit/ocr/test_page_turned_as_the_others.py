"""A fax whose first page the reading took for one lying on its other side: normal fax sap_listing
(tuning), page 1 read a quarter turn the wrong way (its words reversed specks, "2S0609S9SP ¥YUdWOD 30
NIduO"), pages 2 and 3 read upright three quarter turns round, so the order's header and its first
twelve rows were lost.

The rule: a fax's sheets go through the feeder the same way.  A page read illegibly in a turn of its
own, where the document's legible pages were all read in one other turn, is read once more in that turn
and kept so when it reads more legibly; a page read legibly, or a document whose legible pages disagree,
is left as read.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from PIL import Image

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.layout import PageWords
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage
from parsers.ocr.parser import ImageOcrParser
from tests.unit.parsers.ocr_support import cells, order, page, row

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
ROWS = [row("TOR-M8-40", "100", "0,12", "12,00")]
# what a page read the wrong way round gives: reversed fragments, read with little confidence
SPECKS = page(*(cells(200 + 14 * i, (50, "2S0609S9SP ¥YUdWOD 30 NIduO rE"), conf=0.3) for i in range(6)))
MORE = page(*(cells(200 + 14 * i, (50, f"Tuerca hexagonal zincada {i}0 uds")) for i in range(4)), number=2)


class TurnedFax:
    """Reads whole pages as `reads` says for each page number, in the turn it names; a page read again
    with no turn of its own asked (orient off) as `again`; cut-outs (row bands, cells) as nothing."""

    def __init__(self, reads: dict[int, tuple[PageWords, float]], again: PageWords) -> None:
        self.reads, self.again = reads, again
        self.asked: list[tuple[int, int, int]] = []  # (page, width, height) of every page read again

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        out = []
        for image in pages:
            if image.width < 1000 and image.height < 1000:  # a cut-out, not a whole page
                out.append(PageWords(image.number, image.width, image.height, image.dpi, (), "ocr"))
            elif not options.orient:
                self.asked.append((image.number, image.width, image.height))
                out.append(replace(self.again, number=image.number))
            else:
                words, rotation = self.reads[image.number]
                out.append(replace(words, number=image.number, rotation=rotation))
        return out


def _fax(pages: int) -> InboundDocument:
    buf = io.BytesIO()
    sheets = [Image.new("1", (1728, 1100), 1) for _ in range(pages)]
    sheets[0].save(
        buf, format="TIFF", compression="group4", dpi=(204, 196), save_all=True, append_images=sheets[1:]
    )
    return InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=NOW, original_name="fax.tif"
    )


def test_a_page_read_illegibly_in_a_turn_of_its_own_is_read_in_the_others_turn() -> None:
    engine = TurnedFax({1: (SPECKS, 90.0), 2: (MORE, 270.0), 3: (MORE, 270.0)}, order(ROWS))
    got = ImageOcrParser(engine=engine).parse(_fax(3), ParseContext(today=NOW))
    # page 1 read once more, turned three quarter turns: lying on its side, as tall as the sheet is wide
    assert engine.asked == [(1, 1100, 1728)]
    assert [line.item_code for o in got.orders for line in o.lines] == ["TOR-M8-40"]
    assert got.extra["pages"][0].rotation == 270.0


def test_a_page_read_legibly_is_not_read_again() -> None:
    engine = TurnedFax({1: (order(ROWS), 90.0), 2: (MORE, 270.0)}, order(ROWS))
    ImageOcrParser(engine=engine).parse(_fax(2), ParseContext(today=NOW))
    assert engine.asked == []


def test_pages_read_legibly_in_different_turns_say_nothing() -> None:
    engine = TurnedFax({1: (SPECKS, 90.0), 2: (MORE, 270.0), 3: (MORE, 0.0)}, order(ROWS))
    ImageOcrParser(engine=engine).parse(_fax(3), ParseContext(today=NOW))
    assert engine.asked == []


def test_a_reading_no_more_legible_is_not_kept() -> None:
    engine = TurnedFax({1: (SPECKS, 90.0), 2: (MORE, 270.0)}, SPECKS)
    got = ImageOcrParser(engine=engine).parse(_fax(2), ParseContext(today=NOW))
    assert engine.asked == [(1, 1100, 1728)]
    assert got.extra["pages"][0].rotation == 90.0

"""A normal-resolution fax page fed on its side that the first reading turned upright but found no order
on is read once more upright as one block of lines (parsers.ocr.turned_pages.SIDEWAYS_NORMAL_PSM); a page
whose first reading gave an order, or one at fine resolution, is not read again."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PIL import Image

from core.capture.domain.documents import Channel, InboundDocument, ParseContext
from core.capture.domain.layout import PageWords
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage
from parsers.ocr.parser import ImageOcrParser
from tests.unit.parsers.ocr_support import cells, order, page, row

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
NORMAL, FINE = (204, 98), (204, 196)
ROWS = [row("TOR-M8-40", "100", "0,12", "12,00")]


class SidewaysFax:
    """Reads every whole page as `first` turned three quarter turns, and a page read again as one block
    of lines as `block`; cut-outs (row bands, cells) as nothing."""

    def __init__(self, first: PageWords, block: PageWords) -> None:
        self.first, self.block = first, block
        self.psms: list[int] = []

    def read_pages(self, pages: Sequence[PageImage], options: OcrOptions) -> list[PageWords]:
        out = []
        for image in pages:
            if image.width < 1000:  # a cut-out, not a whole page
                out.append(PageWords(image.number, image.width, image.height, image.dpi, (), "ocr"))
                continue
            self.psms.append(options.psm)
            out.append(replace(self.block if options.psm == 6 else self.first, rotation=270.0))
        return out


def _fax(resolution: tuple[int, int]) -> InboundDocument:
    buf = io.BytesIO()
    sheet = Image.new("1", (1728, 1100 * resolution[1] // 196), 1)
    sheet.save(buf, format="TIFF", compression="group4", dpi=resolution)
    return InboundDocument(
        channel=Channel.FAX, content=buf.getvalue(), received_at=NOW, original_name="fax.tif"
    )


NOISE = page(cells(200, (50, "enn alero Cm yx"), (300, "Deco")))


@pytest.mark.parametrize(
    ("resolution", "first", "psms", "lines"),
    [
        (NORMAL, NOISE, [3, 6], 1),  # no order read as it came: read again as one block
        (FINE, NOISE, [3], 0),  # fine rows: as sharp along the line as across it
        (NORMAL, order(ROWS), [3], 1),  # an order read the first time: the page is not read again
    ],
)
def test_a_sideways_normal_fax_page_with_no_order_is_read_again_as_one_block(
    resolution: tuple[int, int], first: PageWords, psms: list[int], lines: int
) -> None:
    engine = SidewaysFax(first, order(ROWS))
    got = ImageOcrParser(engine=engine).parse(_fax(resolution), ParseContext(today=NOW))
    assert engine.psms == psms
    assert sum(len(o.lines) for o in got.orders) == lines

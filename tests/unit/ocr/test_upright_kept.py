"""A page turned once for all its re-reads (parsers.ocr.geometry.upright_image, parsers.ocr.cutouts.cut_out;
docs/fax.md, faxcost22).

The rule: every re-read (number cells, header fields, item codes, look-alikes) cuts its cut-outs from the
page turned the way its words were read, and from the same page it must cut the same pixels whether the
turn is made afresh or kept from an earlier re-read; the number cells are cut from that page with its
streaks taken away, the same either way.  Turning a fine fax page in grey cost several times a header
field's reading, once per kind of re-read, so the turned page is kept: this says it is turned once and
cut alike.  The page is built here: a skewed fax page with figures and a streak down it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image, ImageDraw

from core.capture.domain.layout import PageWords, Word
from parsers.ocr import cutouts, geometry, holes
from parsers.ocr.cutouts import Cell, cut_out
from parsers.ocr.images import PageImage

DPI = 204.0
ROTATION = 1.7  # degrees: the page was read set level from this skew
BOXES = [(300.0, 200.0, 420.0, 230.0), (900.0, 200.0, 1010.0, 230.0), (300.0, 600.0, 460.0, 630.0)]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    geometry.upright_image.cache_clear()
    cutouts._streakless.cache_clear()
    yield
    geometry.upright_image.cache_clear()
    cutouts._streakless.cache_clear()


def _page() -> tuple[PageImage, PageWords]:
    sheet = Image.new("1", (1728, 900), 1)
    draw = ImageDraw.Draw(sheet)
    words = []
    for n, (x0, y0, x1, y1) in enumerate(BOXES):
        draw.rectangle((x0 + 4, y0 + 6, x0 + 10, y1 - 6), fill=0)  # a stroke of a figure
        draw.rectangle((x1 - 20, y0 + 6, x1 - 8, y0 + 12), fill=0)
        words.append(Word(f"{n + 1}00,50", x0, y0, x1, y1, 0.9))
    draw.line((700, 0, 700, 899), fill=0, width=2)  # a streak down the page
    page = PageWords(1, 1728.0, 900.0, DPI, tuple(words), "ocr", rotation=ROTATION)
    return PageImage.from_image(1, sheet, DPI, (DPI, 196.0)), page


def _fresh_turn(image: PageImage) -> Image.Image:
    return geometry.turn(image.image(), geometry.Orientation.from_degrees(ROTATION))


def test_cut_outs_from_the_page_kept_turned_are_the_pixels_of_a_fresh_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image, page = _page()
    expected = _fresh_turn(image)
    turns = []
    real_turn = geometry.turn
    monkeypatch.setattr(geometry, "turn", lambda img, o: turns.append(o) or real_turn(img, o))
    wanted = [Cell("po_number", 1, b) for b in BOXES]
    first = cut_out(wanted, [image], [page])
    again = cut_out(wanted, [image], [page])  # the next re-read of the same page
    assert len(turns) == 1
    assert [c.data for c in first] == [c.data for c in again]
    alone = [cutouts._cut(expected, b, page.words) for b in BOXES]
    assert [c.data for c in first] == [a.tobytes() for a in alone]


def test_number_cells_cut_again_are_the_pixels_of_the_page_without_its_streaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image, page = _page()
    expected = holes.without_streaks(_fresh_turn(image), page.words)
    calls = []
    real = holes.without_streaks
    monkeypatch.setattr(holes, "without_streaks", lambda img, words: calls.append(1) or real(img, words))
    wanted = [Cell(f"lines[{n}].amount", 1, b) for n, b in enumerate(BOXES)]
    first = cut_out(wanted, [image], [page], streaks=False)
    again = cut_out(wanted, [image], [page], streaks=False)  # the cells' second way of reading
    assert len(calls) == 1
    assert [c.data for c in first] == [c.data for c in again]
    assert [c.data for c in first] == [cutouts._cut(expected, b, page.words).tobytes() for b in BOXES]


def test_another_page_or_another_turn_is_turned_afresh() -> None:
    image, page = _page()
    level = PageWords(1, 1728.0, 900.0, DPI, page.words, "ocr", rotation=0.0)
    turned = cut_out([Cell("po_number", 1, BOXES[0])], [image], [page])
    as_came = cut_out([Cell("po_number", 1, BOXES[0])], [image], [level])
    assert turned[0].data != as_came[0].data
    assert as_came[0].data == cutouts._cut(image.image(), BOXES[0], page.words).tobytes()

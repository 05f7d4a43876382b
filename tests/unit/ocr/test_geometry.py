"""Page geometry and light from the ink alone (no Tesseract): which way up, how far askew, how evenly lit."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers.ocr.geometry import Orientation, measure, row_skew, sheared_turn, turn
from parsers.ocr.pdf import hidden_text_only
from parsers.ocr.preprocess import flatten
from tests.unit.ocr.scans import rasterise, shaded, skewed
from tests.unit.ocr.support import small_order_pdf

TURNS = {0: None, 1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_270}


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return rasterise(small_order_pdf(), 200)


@pytest.mark.parametrize("quarters", [0, 1, 2, 3])
@pytest.mark.parametrize("degrees", [0.0, 2.5, -3.0])
def test_a_page_turned_any_way_and_askew_is_set_upright(
    page: Image.Image, quarters: int, degrees: float
) -> None:
    # the scanner turned the sheet `quarters` quarter turns counter-clockwise, then `degrees` more
    how = TURNS[quarters]
    spoilt = (
        skewed(page.transpose(how) if how else page, degrees)
        if degrees
        else (page.transpose(how) if how else page)
    )
    found = measure(spoilt, 200, ask=False)
    # setting it upright takes the remaining quarter turns and the same skew the other way
    assert found.quarters == (4 - quarters) % 4
    assert found.skew == pytest.approx(-degrees, abs=0.2)
    again = measure(turn(spoilt, found), 200, ask=False)
    assert (again.quarters, abs(again.skew) < 0.2) == (0, True)


def test_an_upright_straight_page_is_left_alone(page: Image.Image) -> None:
    assert measure(page, 200, ask=False) == Orientation()
    assert turn(page, Orientation()) is page


def test_a_blank_page_has_no_orientation_to_find() -> None:
    assert measure(Image.new("L", (1654, 2339), 255), 200) == Orientation()


def test_turns_are_recorded_in_degrees_and_back() -> None:
    found = Orientation(quarters=3, skew=-2.5)
    assert found.degrees == 267.5
    assert Orientation.from_degrees(found.degrees) == found
    assert Orientation.from_degrees(-1.0) == Orientation(0, -1.0)


def test_a_shaded_photo_gets_evenly_white_paper_and_keeps_its_ink(page: Image.Image) -> None:
    photo = shaded(page)
    before = np.asarray(photo)
    after = np.asarray(flatten(photo, 200))
    paper = np.asarray(page) > 250  # where the clean page is white
    assert np.percentile(before[paper], 1) < 150  # the dark side of the photo
    assert np.percentile(after[paper], 1) > 220  # white all over once flattened
    ink = np.asarray(page) < 100  # where the letters are on the clean page
    assert after[ink].mean() < 110  # still dark


def test_evenly_lit_pages_and_faxes_are_not_flattened(page: Image.Image) -> None:
    assert flatten(page, 200) is page
    fax = page.convert("1")
    assert flatten(fax, 200) is fax


def _pdf_with_text(mode: int) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    text = c.beginText(60, 700)
    text.setTextRenderMode(mode)
    text.textLine("Pedido PO-2026-00417")
    c.drawText(text)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize(("mode", "hidden"), [(3, True), (0, False)])
def test_a_scanning_apps_invisible_text_layer_is_told_from_printed_text(mode: int, hidden: bool) -> None:
    doc = pdfium.PdfDocument(_pdf_with_text(mode))
    try:
        assert hidden_text_only(doc, 0) is hidden
    finally:
        doc.close()


def ruled_fax(degrees: float) -> Image.Image:
    """A 1-bit fax-wide page of level bars (text lines' stand-ins) with a few upright strokes, turned
    `degrees` counter-clockwise as paper goes askew on a feeder."""
    img = Image.new("L", (1728, 1200), 255)
    for y in range(200, 1000, 60):
        img.paste(0, (150, y, 1550, y + 8))
        for x in range(200, 1500, 150):
            img.paste(0, (x, y - 30, x + 3, y))
    return img.rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=255).convert(
        "1", dither=Image.Dither.NONE
    )


@pytest.mark.parametrize("degrees", [2.0, -1.5, 3.0])
def test_a_fax_page_askew_is_set_level_by_shears_and_stays_black_and_white(degrees: float) -> None:
    page = ruled_fax(degrees)
    skew = row_skew(page, 204.0)
    assert skew == pytest.approx(-degrees, abs=0.1)
    level = sheared_turn(page, skew)
    assert level.mode == "1" and level.size == page.size
    assert row_skew(level, 204.0) == pytest.approx(0.0, abs=0.1)
    # the same turn as the grey one: the sheared ink lies within a pixel of the turned ink; none lost
    grey = turn(page, Orientation(skew=skew)).filter(ImageFilter.MinFilter(3))  # ink widened a pixel
    near = np.asarray(grey) < 128
    sheared = np.asarray(level.convert("L")) < 128
    assert (sheared & near).sum() >= 0.99 * sheared.sum()
    assert sheared.sum() == pytest.approx((np.asarray(page.convert("L")) < 128).sum(), rel=0.01)

"""Fax pages fed turned or askew, read with the real Tesseract: the order on them is read all the same.

The page is a small Spanish order drawn here (tests.unit.ocr.support.small_order_pdf), sent through the
simulated fax line with the sheet upside down, sideways or askew; the facts expected are the ones
printed on it, written out by hand.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.capture.domain.layout import PageWords
from parsers.ocr import engine, tesseract_reads
from parsers.ocr.cutouts import Cell, cell_options, cut_out
from parsers.ocr.engine import OcrOptions, SerialTesseract, ocr_page
from parsers.ocr.geometry import Orientation
from parsers.ocr.images import Limits, PageImage, load_pages
from parsers.ocr.parser import ImageOcrParser
from parsers.ocr.turned_fax import legible
from samples.faxsim import FaxLine, fax_tiff
from tests.conftest import require_tesseract
from tests.unit.ocr.support import small_order_pdf

pytestmark = pytest.mark.integration
NOW = datetime(2026, 11, 26, 10, 15, tzinfo=UTC)
SENDER = "+34 912 345 678"
# printed on the order: code, quantity, unit price
LINES = [("TOR-M8-40", Decimal(250), Decimal("0.18")), ("TUE-M8", Decimal(300), Decimal("0.05"))]


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def read(line: FaxLine, options: OcrOptions | None = None) -> ParseResult:
    tiff = fax_tiff(small_order_pdf(), line)
    doc = InboundDocument(channel=Channel.FAX, content=tiff, received_at=NOW, original_name="fax.tif")
    return ImageOcrParser(options=options).parse(doc, ParseContext(today=NOW))


def assert_the_order_is_read(result: ParseResult) -> None:
    assert result.error is None
    (order,) = result.orders
    assert order.po_number == "PO-2026-00417"
    got = [(line.item_code, line.quantity, line.unit_price) for line in order.lines]
    assert got[:2] == LINES
    assert len(got) == 3


@pytest.mark.parametrize("rotate", [180, 90, 270])
def test_a_fax_fed_turned_is_read_the_right_way_up(rotate: int) -> None:
    result = read(FaxLine(resolution="fine", seed=3, sender=SENDER, rotate=rotate, skew=0.5))
    assert_the_order_is_read(result)
    # the sending machine's header line is printed upright above the turned page: its number is kept
    assert result.sender == "+34912345678"


@pytest.mark.parametrize("rotate", [180, 90, 270])
def test_a_turned_fax_costs_two_page_reads_not_band_reads_in_every_turn(
    rotate: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # which way is up comes from Tesseract's orientation detection: the page is read as it came, then
    # once the right way up (its dropped text after that); no band of it is read in each turn, and what
    # the segmentation dropped from the read the wrong way up is not read either
    # (a field cut out of the upright page and read again alone, as a once-printed order number or date
    # is, is read as a page of its own with a one-line or one-word segmentation: not a read of the page)
    reads: list[str] = []
    real = tesseract_reads.run_tesseract
    whole_page = OcrOptions().psm

    def counted(image: Image.Image, path: Path, options: OcrOptions, config: str) -> dict[str, list[object]]:
        reads.append(path.stem if options.psm == whole_page else "cut-out")
        return real(image, path, options, config)

    monkeypatch.setattr(tesseract_reads, "run_tesseract", counted)
    result = read(FaxLine(resolution="fine", seed=3, sender=SENDER, rotate=rotate, skew=0.5))
    assert_the_order_is_read(result)
    assert reads.count("page") == 2
    assert reads.count("probe") == 0
    assert reads.count("holes") <= 1


def test_a_turned_fax_was_unread_before_it_was_turned() -> None:
    # the failure this guards against: with the fax pages read as they came, no order is found
    plain = OcrOptions(fax_geometry=False)
    result = read(FaxLine(resolution="fine", seed=3, sender=SENDER, rotate=180, skew=0.5), plain)
    assert not result.orders


@pytest.mark.parametrize("resolution", ["fine", "normal"])
def test_a_fax_three_degrees_askew_is_read_and_its_header_line_kept(resolution: str) -> None:
    # FaxLine.skew is the largest skew; seed 7 draws close to it on the page (2.9 degrees)
    result = read(FaxLine(resolution=resolution, seed=7, sender=SENDER, skew=3.0))
    pages = result.extra["pages"]
    assert isinstance(pages, tuple)
    (page,) = pages
    assert isinstance(page, PageWords)
    # the page is turned back by as much as it went askew: a fine one in grey, a normal one (half the
    # rows) by shears that keep its pixels black and white (2.2 degrees askew or more)
    assert page.rotation == pytest.approx(-2.9, abs=0.2)
    # the machine printed its header line level on the askew page: it is kept level, and read
    assert result.sender == "+34912345678"
    (order,) = result.orders
    assert order.po_number == "PO-2026-00417"
    got = [(line.quantity, line.unit_price) for line in order.lines]
    assert got[:2] == [(quantity, price) for _, quantity, price in LINES]
    if resolution == "fine":  # at 98 rows an inch a letter of a code is now and then misread
        assert_the_order_is_read(result)


def text_page(lines: list[str], upside_down: bool) -> PageImage:
    """A 1-bit page at 204 dpi with `lines` of plain text, turned half round when `upside_down`."""
    img = Image.new("L", (1728, 1100), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    for i, text in enumerate(lines):
        draw.text((120, 150 + 55 * i), text, fill=0, font=font)
    if upside_down:
        img = img.rotate(180)
    bits = img.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.Dither.NONE)
    bits.info["dpi"] = (204, 204)
    return PageImage.from_image(1, bits, 204.0, (204.0, 204.0))


PROSE = [
    "Rogamos nos sirvan los siguientes materiales",
    "para la obra de la calle Mayor, antes del viernes.",
    "Tornillos hexagonales de ocho por cuarenta, 250 unidades",
    "Tuercas hexagonales de ocho milimetros, 300 unidades",
    "Arandelas planas de ocho milimetros, 120 unidades",
]


def test_an_upright_page_is_legible_and_an_upside_down_one_is_not() -> None:
    plain = OcrOptions(fax_geometry=False, fill_holes=False)
    assert legible(ocr_page(text_page(PROSE, upside_down=False), plain))
    assert not legible(ocr_page(text_page(PROSE, upside_down=True), plain))


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_sideways_fax_is_read_though_orientation_detection_names_the_opposite_turn(
    rotate: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tesseract's orientation detection sometimes takes a page on its side for one on its other side:
    # read in the turn it names, the page is as illegible as it came, and the other turns must decide
    real = engine.geometry.asked

    def opposite(img: Image.Image, dpi: float, keep_loaded: bool = True) -> Orientation:
        said = real(img, dpi, keep_loaded)
        assert said.quarters in (1, 3), "the detection itself must see the page on its side"
        return dataclasses.replace(said, quarters=4 - said.quarters)

    monkeypatch.setattr(engine.geometry, "asked", opposite)
    result = read(FaxLine(resolution="fine", seed=3, sender=SENDER, rotate=rotate, skew=0.5))
    assert_the_order_is_read(result)


def test_a_word_on_a_fax_fed_upside_down_and_askew_is_cut_from_where_it_was_read() -> None:
    # set level first, then found upside down and read turned: the page's turn is both, and a word's
    # box, cut from the page turned that way, holds the word (the re-reads of numbers, codes and header
    # fields cut from it); turned by the half turn alone, the box fell a line's height off its word
    line = FaxLine(resolution="fine", seed=7, sender=SENDER, rotate=180, skew=3.0)
    tiff = fax_tiff(small_order_pdf(), line)
    doc = InboundDocument(channel=Channel.FAX, content=tiff, received_at=NOW, original_name="fax.tif")
    result = ImageOcrParser().parse(doc, ParseContext(today=NOW))
    pages = result.extra["pages"]
    assert isinstance(pages, tuple)
    (page,) = pages
    assert isinstance(page, PageWords)
    turn = Orientation.from_degrees(page.rotation)
    assert turn.quarters == 2
    assert turn.skew == pytest.approx(-2.9, abs=0.2)
    (word,) = [w for w in page.words if w.text == "PO-2026-00417"]
    images = load_pages(tiff, Limits())
    (crop,) = cut_out([Cell("po_number", page.number, (word.x0, word.y0, word.x1, word.y1))], images, [page])
    (again,) = SerialTesseract().read_pages([crop], cell_options(OcrOptions(), whitelist=""))
    assert "".join(w.text for w in again.words) == "PO-2026-00417"

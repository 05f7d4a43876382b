"""Decoding pages for OCR: fax resolutions, square pixels, and bad input refused with a clear reason."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from core.kernel.errors import ParseError
from parsers.ocr.images import Limits, PageImage, image_description, load_pages, sniff, squared
from parsers.ocr.pdf import open_pdf, rasterise, text_chars
from samples.faxsim import FaxLine, fax_pdf, fax_tiff
from tests.unit.ocr.support import empty_pdf, order_pdf, png_header


def tiff(size: tuple[int, int], dpi: tuple[int, int], pages: int = 1, compression: str = "group4") -> bytes:
    frames = [Image.new("1", size, 1) for _ in range(pages)]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", compression=compression, dpi=dpi, save_all=True, append_images=frames[1:])
    return buf.getvalue()


def test_sniff_knows_the_containers() -> None:
    assert sniff(tiff((10, 10), (204, 196))) == "tiff"
    assert sniff(png_header(5, 5)) == "png"
    assert sniff(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert sniff(order_pdf()) == "pdf"
    assert sniff(b"UNA:+.? 'UNB+UNOC:3") is None


def test_normal_fax_rows_are_doubled_and_the_real_dpi_kept() -> None:
    (page,) = load_pages(tiff((1728, 1145), (204, 98)), Limits())
    assert (page.width, page.height, page.dpi, page.mode) == (1728, 2290, 204.0, "1")
    assert page.source_dpi == (204.0, 98.0)


def test_fine_fax_is_left_as_it_is() -> None:
    pages = load_pages(tiff((1728, 2290), (204, 196), pages=2, compression="group3"), Limits())
    assert [(p.number, p.width, p.height, p.dpi) for p in pages] == [
        (1, 1728, 2290, 204.0),
        (2, 1728, 2290, 204.0),
    ]


def test_a_fax_without_resolution_tags_is_recognised_by_its_width() -> None:
    img = Image.new("1", (1728, 1100), 1)
    buf = io.BytesIO()
    img.save(buf, "TIFF", compression="group4")
    (page,) = load_pages(buf.getvalue(), Limits())
    assert (page.height, page.dpi) == (2200, 204.0)


def test_squared_handles_tall_pixels_too() -> None:
    img, dpi = squared(Image.new("L", (100, 200)), (100.0, 200.0))
    assert (img.size, dpi) == ((200, 200), 200.0)


def test_page_image_travels_as_bytes() -> None:
    img = Image.new("L", (30, 20), 200)
    page = PageImage.from_image(3, img, 300.0)
    back = page.image()
    assert back.tobytes() == img.tobytes() and back.info["dpi"] == (300.0, 300.0)


def test_decompression_bomb_is_refused_before_decoding() -> None:
    with pytest.raises(ParseError, match=r"20,000 x 20,000 pixels|decompression bomb"):
        load_pages(png_header(20_000, 20_000), Limits())


def test_our_own_pixel_limit_applies_below_pillows() -> None:
    with pytest.raises(ParseError, match=r"page 1 is 5,000 x 5,000 pixels \(25 megapixels\)"):
        load_pages(png_header(5_000, 5_000), Limits(max_pixels=10_000_000))


def test_too_many_tiff_pages_are_refused() -> None:
    with pytest.raises(ParseError, match="the image has 4 pages; at most 3"):
        load_pages(tiff((64, 64), (204, 196), pages=4), Limits(max_pages=3))


def test_a_truncated_tiff_is_a_parse_error() -> None:
    data = fax_tiff(order_pdf(), FaxLine(seed=1))
    with pytest.raises(ParseError):
        load_pages(data[: len(data) // 3], Limits())


def test_garbage_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="cannot be read"):
        load_pages(b"II*\x00" + b"\x17" * 200, Limits())


def test_tiff_description_gives_the_tsi_as_hylafax_writes_it() -> None:
    line = FaxLine(seed=2, tsi_tag=True, sender="+34 912 345 678")
    assert image_description(fax_tiff(order_pdf(), line)) == "+34 912 345 678"
    assert image_description(order_pdf()) is None


def test_image_only_pdf_is_rendered_at_the_scans_resolution() -> None:
    pdf = fax_pdf(order_pdf(), FaxLine(resolution="normal", seed=3))
    with open_pdf(pdf, Limits()) as doc:
        assert text_chars(doc, 0) == 0
    (page,) = rasterise(pdf, Limits())
    assert page.dpi == pytest.approx(204, abs=1)
    assert page.mode == "L" and page.width == pytest.approx(1728, abs=2)


def test_text_pdf_has_text() -> None:
    with open_pdf(order_pdf(), Limits()) as doc:
        assert text_chars(doc, 0) > 10


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (order_pdf(encrypt="s3cret"), "encrypted with a password"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "damaged"),
        (order_pdf()[:300], "damaged"),
        (empty_pdf(), "no pages"),
        (order_pdf(pages=6), "has 6 pages; at most 5 are read"),
    ],
    ids=["encrypted", "garbage", "truncated", "no-pages", "too-long"],
)
def test_bad_pdfs_are_refused_with_their_reason(content: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        rasterise(content, Limits(max_pages=5))


def test_huge_pdf_page_is_rendered_smaller_or_refused() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(200 * 72, 200 * 72))
    c.drawString(100, 100, "x")
    c.showPage()
    c.save()
    with pytest.raises(ParseError, match="too large to read"):
        rasterise(buf.getvalue(), Limits())

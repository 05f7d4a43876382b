"""The simulated fax line: resolutions, dpi tags, compression, header line, determinism."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from samples.faxsim import FAX_WIDTH, FaxLine, fax_pdf, fax_tiff, header_text, main, transmit
from tests.unit.ocr.support import order_pdf


def frames(tiff: bytes) -> list[Image.Image]:
    img = Image.open(io.BytesIO(tiff))
    out = []
    for i in range(img.n_frames):
        img.seek(i)
        out.append(img.copy())
    return out


@pytest.mark.parametrize(("resolution", "rows"), [("fine", 196), ("normal", 98)])
def test_tiff_has_fax_geometry_and_tags(resolution: str, rows: int) -> None:
    tiff = fax_tiff(order_pdf(pages=2), FaxLine(resolution=resolution, seed=1))
    img = Image.open(io.BytesIO(tiff))
    assert img.n_frames == 2
    assert img.mode == "1" and img.width == FAX_WIDTH
    assert img.info["compression"] == "group4"
    assert img.info["dpi"] == (204, rows)
    a4_rows = 11.69 * rows
    assert a4_rows < img.height < a4_rows * 1.05  # the page plus the header strip


def test_group3_is_available() -> None:
    tiff = fax_tiff(order_pdf(), FaxLine(seed=1), compression="group3")
    assert Image.open(io.BytesIO(tiff)).info["compression"] == "group3"


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    pdf = order_pdf()
    assert fax_tiff(pdf, FaxLine(seed=7)) == fax_tiff(pdf, FaxLine(seed=7))
    assert fax_tiff(pdf, FaxLine(seed=7)) != fax_tiff(pdf, FaxLine(seed=8))


def test_header_line_names_sender_and_pages() -> None:
    line = FaxLine(sender="+34 981 234 567", station="BRICOGALICIA")
    assert header_text(line, 1, 2) == (
        "26/11/2026 10:15  BRICOGALICIA  FROM +34 981 234 567  TO +34 976 550 100  P.001/002"
    )


def test_header_strip_is_inked_and_clean_line_is_clean() -> None:
    clean = FaxLine(seed=3, skew=0, specks=0, dropouts=0, header=False)
    (page,) = transmit(order_pdf(), clean)
    top = page.crop((0, 0, page.width, 30)).convert("L")
    assert top.getextrema() == (255, 255)  # nothing printed in the top margin without a header
    (with_header,) = transmit(order_pdf(), FaxLine(seed=3, skew=0, specks=0, dropouts=0))
    assert with_header.crop((0, 0, page.width, 30)).convert("L").getextrema()[0] == 0


def test_image_only_pdf_variant() -> None:
    pdf = fax_pdf(order_pdf(pages=2), FaxLine(resolution="normal", seed=2))
    doc = pdfium.PdfDocument(pdf)
    assert len(doc) == 2
    assert doc[0].get_textpage().get_text_range() == ""


def test_command_line(tmp_path: Path) -> None:
    source = tmp_path / "order.pdf"
    source.write_bytes(order_pdf())
    target, image_pdf = tmp_path / "fax.tif", tmp_path / "fax.pdf"
    assert (
        main([str(source), str(target), "--resolution", "normal", "--seed", "4", "--pdf", str(image_pdf)])
        == 0
    )
    assert frames(target.read_bytes())[0].info["dpi"] == (204, 98)
    assert image_pdf.read_bytes().startswith(b"%PDF")


def test_unknown_resolution_is_refused() -> None:
    with pytest.raises(ValueError, match="resolution"):
        FaxLine(resolution="superfine")

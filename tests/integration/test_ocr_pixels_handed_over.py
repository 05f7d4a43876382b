"""An image handed to Tesseract kept loaded as its pixels (parsers.ocr.tessapi.pixels) is read exactly as
the PNG file the engine wrote of it before: the same words, boxes and confidences, black and white or
grey, a row not a whole number of bytes long included; and a fax page read through the engine, which now
hands its pages and cut-outs over so, reads as the `tesseract` command reads its PNG (docs/fax.md,
faxcost25)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.ocr import tessapi
from tests.conftest import require_tesserocr

pytestmark = pytest.mark.integration
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["PEDIDO 4471-B  12/03/2026", "Tornillo M8x40   250 UD   0,18   45,00", "TOTAL EUR 1.234,56"]


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    require_tesserocr()
    if not Path(FONT).exists():
        pytest.skip("DejaVu fonts are not installed")


def drawn(mode: str) -> Image.Image:
    """A few lines of an order at about 204 dpi, 1001 pixels wide (no whole number of bytes of bits)."""
    img = Image.new("L", (1001, 260), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 26)
    for i, text in enumerate(LINES):
        draw.text((40, 30 + 70 * i), text, fill=0, font=font)
    if mode == "1":
        return img.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.Dither.NONE)
    return img.filter(ImageFilter.GaussianBlur(0.7))  # grey, as a normal fax page is smoothed


@pytest.mark.parametrize("mode", ["1", "L"])
@pytest.mark.parametrize("config", ["--psm 3 --dpi 204", "--psm 6 --dpi 204", "--psm 7 --dpi 300"])
def test_an_image_handed_over_as_pixels_reads_as_its_png_file(mode: str, config: str, tmp_path: Path) -> None:
    image = drawn(mode)
    path = tmp_path / "page.png"
    image.save(path, format="PNG", compress_level=1)  # as the engine writes it for the command
    from_file = tessapi.image_to_data(path, "eng+spa", config, 60)
    from_pixels = tessapi.image_to_data(image, "eng+spa", config, 60)
    assert from_pixels == from_file
    assert sum(1 for t in from_file["text"] if str(t).strip()) >= 5  # words read, not two empty reads


def test_a_rival_read_handed_over_as_pixels_gives_the_same_rivals(tmp_path: Path) -> None:
    image = drawn("L")
    path = tmp_path / "field.png"
    image.save(path, format="PNG", compress_level=1)
    config = "--psm 6 --dpi 204"
    assert tessapi.image_to_data(image, "eng+spa", config, 60, rivals=True) == tessapi.image_to_data(
        path, "eng+spa", config, 60, rivals=True
    )

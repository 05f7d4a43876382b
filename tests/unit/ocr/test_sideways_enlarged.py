"""A normal-resolution fax page fed on its side is read turned upright with its letters enlarged back to
an upright page's size (parsers.ocr.engine._turned_read, docs/fax.md faxsw27).

The rule: a portrait A4 sheet fed on its side lies landscape on the fax, shrunk to the fax's 1728 pixels
from its 11.69 inches at 204 dpi, so read upright its letters are 1728 / (11.69 × 204) = 0.72 of an
upright page's; at normal resolution (98 rows an inch) that leaves Tesseract too few pixels a letter, so
the turned page is handed over 11.69 × 204 / 1728 = 1.38 times larger, with Tesseract told the resolution
that many times higher, and every word's box comes back in the page's own pixels.  A page turned upside
down keeps its size (its lines run along the fax's 204 dots an inch), and so does a fine fax's page on
its side (196 rows an inch).  The page is built here; Tesseract is scripted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from parsers.ocr import engine
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage

NORMAL, FINE = (204.0, 98.0), (204.0, 196.0)
ENLARGED = 11.69 * 204 / 1728  # an A4 sheet's length over the fax's width


def _page(source_dpi: tuple[float, float]) -> tuple[Image.Image, PageImage]:
    body = Image.new("1", (400, 300), 1)
    ImageDraw.Draw(body).rectangle((100, 40, 120, 260), fill=0)  # a line of text running down the fax
    return body, PageImage.from_image(1, body, 204.0, source_dpi)


class ScriptedTesseract:
    """Records the size of every image handed over and the resolution it was told; reads one word, boxed
    at (a, b, c, d) of the image it was handed."""

    def __init__(self, box: tuple[int, int, int, int]) -> None:
        self.box = box
        self.read: list[tuple[tuple[int, int], str]] = []

    def __call__(
        self, image: Image.Image, path: Path, options: OcrOptions, config: str
    ) -> dict[str, list[object]]:
        self.read.append((image.size, config))
        left, top, right, bottom = self.box
        return {
            "text": ["PEDIDO"],
            "conf": [96],
            "block_num": [1],
            "par_num": [1],
            "line_num": [1],
            "left": [left],
            "top": [top],
            "width": [right - left],
            "height": [bottom - top],
        }


@pytest.mark.parametrize(
    ("source_dpi", "quarters", "size", "dpi", "factor"),
    [
        (NORMAL, 3, (round(300 * ENLARGED), round(400 * ENLARGED)), round(204 * ENLARGED), ENLARGED),
        (NORMAL, 1, (round(300 * ENLARGED), round(400 * ENLARGED)), round(204 * ENLARGED), ENLARGED),
        (NORMAL, 2, (400, 300), 204, 1.0),  # upside down: its lines along the fax's 204 dots an inch
        (FINE, 3, (300, 400), 204, 1.0),  # fine rows: as sharp along the line as across it
    ],
)
def test_a_normal_fax_page_on_its_side_is_read_enlarged_back_its_boxes_in_page_pixels(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    source_dpi: tuple[float, float],
    quarters: int,
    size: tuple[int, int],
    dpi: int,
    factor: float,
) -> None:
    body, page = _page(source_dpi)
    box = (100, 50, 200, 80)  # in the turned page's own pixels
    tesseract = ScriptedTesseract(tuple(round(v * factor) for v in box))  # type: ignore[arg-type]
    monkeypatch.setattr(engine, "_tesseract", tesseract)
    words = engine._turned_read(body, quarters, page, ("smooth",), OcrOptions(fill_holes=False), tmp_path)
    ((read_size, config),) = tesseract.read
    assert read_size == size
    assert f"--dpi {dpi}" in config
    (word,) = words.words
    assert (word.x0, word.y0, word.x1, word.y1) == pytest.approx(box, abs=0.5)
    assert (words.width, words.height) == ((300, 400) if quarters % 2 else (400, 300))
    assert words.rotation == 90.0 * quarters

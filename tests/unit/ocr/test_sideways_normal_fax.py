"""A normal-resolution fax page fed on its side is read, once turned upright, as one block of lines:
Tesseract's automatic layout drops much of such a coarse page (parsers.ocr.engine.SIDEWAYS_NORMAL_PSM)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from core.capture.domain.layout import PageWords
from parsers.ocr import engine
from parsers.ocr.engine import OcrOptions
from parsers.ocr.images import PageImage

NORMAL, FINE = (204.0, 98.0), (204.0, 196.0)


def _fax_page(source_dpi: tuple[float, float]) -> PageImage:
    return PageImage.from_image(1, Image.new("1", (160, 120), 1), 204.0, source_dpi)


@pytest.mark.parametrize(
    ("source_dpi", "quarters", "psm"),
    [
        (NORMAL, 1, 6),  # on its side: its lines ran down the coarse rows
        (NORMAL, 3, 6),
        (NORMAL, 2, 3),  # upside down: its lines still run along the rows, read as any page
        (FINE, 1, 3),  # fine rows: letters as sharp one way as the other
        (FINE, 3, 3),
    ],
)
def test_only_a_normal_fax_page_fed_on_its_side_is_read_as_one_block(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source_dpi: tuple[float, float], quarters: int, psm: int
) -> None:
    seen: list[int] = []

    def read(
        upright: Image.Image, page: PageImage, steps: object, options: OcrOptions, tmp: Path
    ) -> PageWords:
        seen.append(options.psm)
        return PageWords(
            number=page.number, width=upright.width, height=upright.height, dpi=page.dpi, words=()
        )

    monkeypatch.setattr(engine, "_read", read)
    page = _fax_page(source_dpi)
    engine._turned_read(page.image(), quarters, page, ("heal", "smooth"), OcrOptions(), tmp_path)
    assert seen == [psm]

"""Work the page read no longer does twice, and what it must keep (docs/fax.md, faxcost25).

The rules: a normal fax page set level by shears moves each row (then each column, then each row again)
by the whole pixels its distance from the centre says, nothing wrapping round, whether its pixels are
moved one by one or a run of rows moved alike at once; and an image handed to Tesseract kept loaded as
its pixels is laid out as Tesseract's `SetImageBytes` asks: a black-and-white one 8 pixels a byte, the
first pixel in the high bit, every row begun on a whole byte and a 1 for white; a grey one a byte a pixel.
The pages are built here, pixel by pixel or drawn.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from parsers.ocr import geometry, tessapi


def moved_by_the_rule(ink: np.ndarray, share: float, axis: int) -> np.ndarray:
    """The shear written out pixel by pixel: along axis 1, the pixel at (row r, column c) comes from
    column c - round(share × (r - rows / 2)) of the same row, white when that lies off the page; along
    axis 0 the same with rows and columns swapped."""
    grid = ink if axis == 1 else ink.T
    rows, cols = grid.shape
    out = np.zeros((rows, cols), dtype=bool)
    for r in range(rows):
        shift = round(share * (r - rows / 2))
        for c in range(cols):
            if 0 <= c - shift < cols:
                out[r, c] = grid[r, c - shift]
    return out if axis == 1 else out.T


def specks(rows: int, cols: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random((rows, cols)) < 0.3


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize(
    ("rows", "cols", "share"),
    [(40, 30, 0.04), (40, 30, -0.04), (31, 17, 0.5), (12, 9, -2.5), (9, 12, 3.0), (1, 5, 0.7), (25, 1, -0.9)],
)
def test_a_shear_moves_every_row_by_whole_pixels_nothing_wrapping_round(
    rows: int, cols: int, share: float, axis: int
) -> None:
    ink = specks(rows, cols, rows * 100 + cols)
    assert np.array_equal(geometry._shear(ink, share, axis), moved_by_the_rule(ink, share, axis))


def test_a_page_set_level_by_shears_is_the_three_shears_written_out() -> None:
    img = Image.new("L", (160, 90), 255)
    draw = ImageDraw.Draw(img)
    for y in range(15, 80, 14):
        draw.line((10, y, 150, y + 4), fill=0, width=2)  # lines of text 2.5 degrees askew
        draw.rectangle((30, y - 8, 33, y), fill=0)
    page = img.convert("1", dither=Image.Dither.NONE)
    skew = 2.5
    phi = np.radians(-skew)
    ink = np.asarray(page.convert("L")) < 128
    ink = moved_by_the_rule(ink, -np.tan(phi / 2), 1)
    ink = moved_by_the_rule(ink, np.sin(phi), 0)
    ink = moved_by_the_rule(ink, -np.tan(phi / 2), 1)
    level = geometry.sheared_turn(page, skew)
    assert level.mode == "1" and level.size == page.size
    assert np.array_equal(np.asarray(level.convert("L")) < 128, ink)


def test_a_black_and_white_image_goes_as_bits_a_row_begun_on_a_whole_byte_and_1_for_white() -> None:
    img = Image.new("1", (11, 2), 1)  # 11 pixels a row: two bytes, five bits of the second left over
    img.putpixel((0, 0), 0)  # black: the first pixel, the high bit of the first byte
    img.putpixel((9, 0), 0)  # black: the second pixel of the second byte
    img.putpixel((8, 1), 0)  # black: the first pixel of the second row's second byte
    data, width, height, depth, row = tessapi.pixels(img)
    assert (width, height, depth, row) == (11, 2, 0, 2)
    assert len(data) == 4
    assert data[0] == 0b0111_1111 and data[1] & 0b1110_0000 == 0b1010_0000
    assert data[2] == 0b1111_1111 and data[3] & 0b1110_0000 == 0b0110_0000


def test_a_grey_image_goes_a_byte_a_pixel_and_other_images_not_at_all() -> None:
    img = Image.new("L", (3, 2), 255)
    img.putpixel((1, 0), 7)
    img.putpixel((2, 1), 200)
    data, width, height, depth, row = tessapi.pixels(img)
    assert (width, height, depth, row) == (3, 2, 1, 3)
    assert data == bytes([255, 7, 255, 255, 255, 200])
    with pytest.raises(ValueError):
        tessapi.pixels(Image.new("RGB", (3, 2), "white"))

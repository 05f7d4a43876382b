"""Text the page segmentation dropped on a fax page with a streak down it: the streak is taken away like
a rule, and the dropped text is found and read again as on a clean page.

The business rule: dirt on the sending fax's glass draws a line down the whole page, solid or dashed
(6 pixels of ink, 1 of paper, as a fax scans it); that line is no text, and it must not hide text the
page segmentation left out beside it."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.ocr import holes
from tests.unit.ocr.test_holes import sheet

# a page of a listing: more rows than cutting one band of inked rows in two, again and again, parts
ROWS = [f"{n}.{n * 7 % 100:02d}" for n in range(1, 25)]
PITCH = 60  # pixels from one row to the next; the text is some 33 pixels high


def streaked(
    x: int, width: int, dashed: bool, *more: tuple[int, int]
) -> tuple[Image.Image, list[holes.Patch], list[str]]:
    """A listing of codes and prices, its price column dropped by OCR, and a streak at `x` down the page
    (and `more` beside it, each at x with its width, dashed as the first)."""
    rows = [(40 + PITCH * i, text) for i, text in enumerate(ROWS)]
    img, words = sheet([(50, y, f"TUE-M{i}") for i, (y, _) in enumerate(rows)] + [(450, y, t) for y, t in rows])
    draw = ImageDraw.Draw(img)
    for left, wide in ((x, width), *more):
        for y in range(5, img.height - 10, 7 if dashed else 1):  # the streak: 6 pixels of ink, 1 of paper
            draw.rectangle((left, y, left + wide - 1, y + 5), fill=0)
    read = [w for w in words if w.text.startswith("TUE")]  # the price column was left out
    lines, _ = holes.find_patches(img, read)
    return img, [p for line in lines for p in line], [t for _, t in rows]


def test_a_price_column_dropped_beside_dashed_streaks_is_found_row_by_row() -> None:
    """Two streaks (the sending fax draws one to three) well right of the text."""
    _img, patches, rows = streaked(800, 2, True, (1000, 3))
    assert [p.x0 // 100 for p in patches] == [4] * len(rows)
    # each patch on its own row, not two rows in one band
    assert all(abs(p.y0 - (40 + PITCH * i)) < PITCH // 3 for i, p in enumerate(patches))


def test_a_dashed_streak_through_the_dropped_prices_is_taken_away_too() -> None:
    """A streak one to three pixels wide running through the figures themselves: the figures are still
    found, each on its own row, and the streak is no patch of its own."""
    for width in (1, 3):
        _img, patches, rows = streaked(470, width, True)
        assert [p.x0 // 100 for p in patches] == [4] * len(rows)


def test_a_solid_streak_was_and_is_a_rule() -> None:
    _img, patches, rows = streaked(800, 1, False, (1000, 3))
    assert [p.x0 // 100 for p in patches] == [4] * len(rows)

"""Text the page segmentation dropped: found as ink no word covers, read again in one small image, and
put back where it stood.  Rules, dot leaders and specks are no such text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from core.capture.domain.layout import Word
from parsers.ocr import holes

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


def sheet(texts: list[tuple[int, int, str]]) -> tuple[Image.Image, list[Word]]:
    """A page with `texts` printed at (x, y) and the word boxes of each, as if OCR had read them all."""
    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed")
    img = Image.new("L", (1200, 600), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 28)
    words = []
    for x, y, text in texts:
        draw.text((x, y), text, fill=0, font=font)
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        words.append(Word(text, x0, y0, x1, y1, 0.95))
    return img, words


def test_a_column_the_segmentation_dropped_is_found_where_it_stands() -> None:
    img, words = sheet(
        [(50, 100, "LLA-AJ-250"), (400, 100, "5000"), (700, 100, "12,800"), (950, 100, "64,00")]
    )
    img2, more = sheet([(50, 160, "TUE-M8"), (400, 160, "400"), (700, 160, "0,050"), (950, 160, "20,00")])
    img.paste(img2.crop((0, 150, 1200, 220)), (0, 150))
    read = [w for w in words + more if w.text not in ("5000", "400", "20,00")]  # what Tesseract gave
    lines, blanked = holes.find_patches(img, read)
    assert [[p.x0 // 100 for p in line] for line in lines] == [[4], [4, 9]]
    for patch, word in zip(lines[0] + lines[1][:1], [words[1], more[1]], strict=True):
        assert patch.y0 <= word.y0 + 2 and word.y1 - 2 <= patch.y1  # the whole height of the text
    # a line's patches side by side, 40 pixels apart: "0,050", read between them, is not read again
    stacked, placed = holes.stack(blanked, lines, gap=40)
    first, second, third = placed
    assert second.y == third.y > first.y and third.x == second.x + (second.patch.x1 - second.patch.x0) + 40
    assert stacked.width == third.x + third.patch.x1 - third.patch.x0 + holes.PAD < 300


def test_nothing_is_read_again_where_every_word_was_read() -> None:
    img, words = sheet([(50, 100, "Pedido PED-26/00123"), (50, 160, "Total 56,10")])
    assert holes.find_patches(img, words)[0] == []


def test_rules_leaders_and_specks_are_not_text() -> None:
    """A line of "=" or "-" signs in a monospaced listing neither: it has no upright strokes."""
    img, words = sheet([(50, 100, "Cantidad"), (50, 300, "Precio")])
    draw = ImageDraw.Draw(img)
    draw.line((40, 200, 1100, 215), fill=0, width=3)  # a slanted table rule
    draw.line((600, 60, 602, 500), fill=0, width=2)  # a column rule
    for x in range(300, 700, 14):
        draw.rectangle((x, 120, x + 3, 123), fill=0)  # a dot leader after "Cantidad"
    draw.rectangle((900, 400, 902, 402), fill=0)  # a speck
    draw.text((50, 500), "=" * 40, fill=0, font=ImageFont.truetype(str(FONT), 28))  # a rule of "=" signs
    assert holes.find_patches(img, words)[0] == []


def test_words_read_again_are_put_back_on_the_page() -> None:
    patches = [
        [holes.Patch(400, 100, 480, 130)],
        [holes.Patch(400, 160, 460, 190), holes.Patch(900, 160, 980, 190)],
    ]
    img, _ = sheet([(400, 100, "5000"), (400, 160, "400"), (900, 160, "20,00")])
    _stacked, placed = holes.stack(img, patches, gap=40)
    first, second, third = placed
    data = {
        "text": ["5000", "400", "20,00", "~"],
        "conf": [91, 88, 90, 12],
        "left": [first.x + 2, second.x + 1, third.x + 3, 0],
        "top": [first.y + 3, second.y + 2, third.y + 2, 0],
        "width": [70, 50, 74, 4],
        "height": [24, 24, 24, 4],
    }
    words = holes.place(data, placed, scale=2.0, block=9)  # the page was read at twice its size
    got = [(w.text, w.x0, w.y0, w.block) for w in words]
    assert got == [("5000", 201.0, 51.5, 9), ("400", 200.5, 81.0, 9), ("20,00", 451.5, 81.0, 9)]


def test_a_column_left_out_between_the_rules_of_a_skewed_page_is_found() -> None:
    """A ruled table faxed a degree and a half askew: its rules step sideways every few dozen pixels, so
    no straight run of theirs is long; they must still go, or they join the text they run beside."""
    rows = [(150 + 60 * i, text) for i, text in enumerate(["4.20", "12.80", "8.50", "0.95"])]
    img, words = sheet([(50, y, "SIL-TRA-300") for y, _ in rows] + [(450, y, t) for y, t in rows])
    draw = ImageDraw.Draw(img)
    for x in (30, 400, 640):  # column rules, 1.5 degrees off upright
        draw.line((x, 110, x + 10, 500), fill=0, width=2)
    for y in (140, 200, 260, 320, 380):  # row rules, as far off level
        draw.line((30, y, 650, y + 16), fill=0, width=2)
    read = [w for w in words if w.text == "SIL-TRA-300"]  # the price column was left out
    lines, _ = holes.find_patches(img, read)
    assert [[p.x0 // 100 for p in line] for line in lines] == [[4], [4], [4], [4]]

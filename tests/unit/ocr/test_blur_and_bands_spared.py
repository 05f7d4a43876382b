"""Work the fax pipeline no longer does for nothing (docs/fax.md, ocrcost35), and the results it keeps.

The rules, written out: a normal fax page is smoothed by Pillow's Gaussian blur of radius `BLUR_RADIUS`
over the page turned grey; whatever way the work is cut up, every pixel is the one that blur of the
whole page gives, the page's info (its dpi, its turn) carried as the blur carries it.  Paper far from
any ink stays white under that blur, so a page of a few words is not blurred whole.  To look for the
bands of a normal fax's rows, the page's words are straightened once, for its lines and their slope
both, and each band runs at the slope the page's words have.  The pages are built here.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageFilter

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders, geometry, straighten
from parsers.ocr import bands, preprocess
from tests.unit.parsers.ocr_support import order, row


def blurred_whole(img: Image.Image) -> Image.Image:
    return img.convert("L").filter(ImageFilter.GaussianBlur(preprocess.BLUR_RADIUS))


def random_page(seed: int) -> Image.Image:
    """Specks (dense or sparse), words' blots, rules to the edge; black and white or grey."""
    rng = np.random.default_rng(seed)
    rows, cols = (int(n) for n in rng.integers(1, 160, size=2))
    ink = rng.random((rows, cols)) < rng.choice([0.0, 0.002, 0.02, 0.3])
    for _ in range(int(rng.integers(0, 6))):
        top, left = int(rng.integers(0, rows)), int(rng.integers(0, cols))
        ink[top : top + int(rng.integers(1, 12)), left : left + int(rng.integers(1, 40))] = True
    if rng.random() < 0.3:
        ink[int(rng.integers(0, rows)), :] = True  # a rule across, edge to edge
    grey = np.where(ink, 0, 255).astype(np.uint8)
    if rng.random() < 0.3:  # grey ink and a paper not quite white here and there
        grey = np.where(ink, rng.integers(0, 200, size=ink.shape), grey)
        grey[rng.random(ink.shape) < 0.01] = 254
        return Image.fromarray(grey.astype(np.uint8), mode="L")
    return Image.fromarray(grey, mode="L").convert("1", dither=Image.Dither.NONE)


def test_a_page_smoothed_has_the_pixels_of_the_page_blurred_whole() -> None:
    for seed in range(400):
        page = random_page(seed)
        page.info["dpi"] = (204.0, 196.0)
        page.info["rotation"] = 0.4
        got, expected = preprocess.smooth(page, 204.0), blurred_whole(page)
        assert got.mode == expected.mode and got.size == expected.size, seed
        assert got.tobytes() == expected.tobytes(), seed
        assert got.info == expected.info, seed


def test_a_fax_page_of_a_few_words_is_not_blurred_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    page = Image.new("1", (1728, 2200), 1)
    page.paste(0, (100, 200, 160, 224))  # a word's ink
    page.paste(0, (900, 1500, 940, 1520))  # another, far from it
    blurred: list[int] = []
    real = ImageFilter.GaussianBlur.filter

    def counted(self: ImageFilter.GaussianBlur, image: object) -> object:
        width, height = image.size  # type: ignore[attr-defined]
        blurred.append(width * height)
        return real(self, image)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageFilter.GaussianBlur, "filter", counted)
    got = preprocess.smooth(page, 204.0)
    monkeypatch.undo()
    assert got.tobytes() == blurred_whole(page).tobytes()
    # each word blurred with a few pixels of paper round it, never the page's 3.8 million pixels
    assert len(blurred) == 2 and sum(blurred) < (60 + 20) * (24 + 20) + (40 + 20) * (20 + 20)


def askew(page: PageWords, slope: float) -> PageWords:
    """`page`'s words as a page fed at `slope` sets them: each lower by `slope` times its middle's x."""
    words = tuple(replace(w, y0=w.y0 + slope * w.cx, y1=w.y1 + slope * w.cx) for w in page.words)
    return replace(page, words=words)


def test_a_normal_page_is_straightened_once_for_its_bands_which_run_at_its_words_slope(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lost = ((50, "TUE-M8"), (130, "Tuerca"), (350, "¿.5UU"), (390, "uds"), (440, "0,05"), (505, "1J5,00"))
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), lost, row("ARA-M8", "100", "0,02", "2,00")]
    page = askew(order(rows, total="172,00"), 0.01)
    orders = extract_orders([page]).orders
    slope = straighten.page_slope(page)
    assert slope == pytest.approx(0.01, abs=0.002)
    calls: list[int] = []
    real = straighten.straightened_words

    def counted(words: PageWords) -> object:
        calls.append(words.number)
        return real(words)

    monkeypatch.setattr(straighten, "straightened_words", counted)
    monkeypatch.setattr(geometry, "straightened_words", counted)
    found = bands.find_bands(orders, [page])
    assert calls == [1]
    assert found and all(band.slope == slope for band in found)

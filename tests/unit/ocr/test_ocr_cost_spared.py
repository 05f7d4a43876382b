"""Work the fax pipeline no longer does for nothing, and what it must keep (docs/benchmarks.md, ocrcost34).

The rules, written out: a table rule or a fax streak is a run of ink at least `longest` pixels long
across or down the page, looked for with the ink smeared a pixel to either side of the run (a rule on a
skewed page steps aside), and down the page for streaks also with a pixel of paper inside the run
bridged (a dashed streak); the mask of the rules is black on exactly those runs however it is built,
and it is built with the page turned once to look down it, never a page-sized mask turned back.  A fine
fax's table rows are never read again by their band, so its pages are not read by the layout reader a
second time to look for bands; a normal fax's still are.  The skew of a fax page is the skew of a sample
of its ink, every so many inked pixels taken in reading order, found without listing every inked pixel
first.  The pages are built here, pixel by pixel or drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from PIL import Image

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from parsers.ocr import bands, geometry, holes
from parsers.ocr.images import PageImage
from tests.unit.parsers.ocr_support import order, row


def runs_along_rows(ink: np.ndarray, longest: int) -> np.ndarray:
    """True on every run of True at least `longest` long along a row, written out pixel by pixel."""
    out = np.zeros_like(ink)
    for r, line in enumerate(ink):
        c = 0
        while c < len(line):
            end = c
            while end < len(line) and line[end]:
                end += 1
            if end - c >= longest:
                out[r, c:end] = True
            c = max(end, c + 1)
    return out


def smeared(ink: np.ndarray, axis: int) -> np.ndarray:
    """`ink` spread a pixel either way along `axis` (0: up and down, 1: to the sides)."""
    out = ink.copy()
    if axis == 0:
        out[1:] |= ink[:-1]
        out[:-1] |= ink[1:]
    else:
        out[:, 1:] |= ink[:, :-1]
        out[:, :-1] |= ink[:, 1:]
    return out


def rules_by_the_definition(ink: np.ndarray, longest: int, across: bool, streaks: bool) -> np.ndarray:
    mask = runs_along_rows(smeared(ink, 0), longest) if across else np.zeros_like(ink)
    down = smeared(ink, 1)
    if streaks:
        down = smeared(down, 0)
    return mask | runs_along_rows(down.T, longest).T


def ruled_specks(seed: int) -> np.ndarray:
    """Ink: specks, a few rules across and down, some dashed; a white pixel all round the page."""
    rng = np.random.default_rng(seed)
    rows, cols = (int(n) for n in rng.integers(8, 50, size=2))
    ink = rng.random((rows, cols)) < rng.random() * 0.4
    for _ in range(int(rng.integers(0, 5))):
        if rng.random() < 0.5:
            ink[rng.integers(0, rows), rng.integers(0, cols // 2) :] = True
        else:
            ink[rng.integers(0, rows // 2) :: 1 + int(rng.random() < 0.5) * 6, rng.integers(0, cols)] = True
    ink[[0, -1], :] = False
    ink[:, [0, -1]] = False
    return ink


@pytest.mark.parametrize("streaks", [False, True])
@pytest.mark.parametrize("across", [False, True])
def test_the_rules_mask_is_black_on_exactly_the_long_runs(across: bool, streaks: bool) -> None:
    for seed in range(20):
        ink = ruled_specks(seed)
        page = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8), mode="L")
        for longest in (3, 7, 15):
            found = np.asarray(holes._rules(page, longest, across=across, streaks=streaks)) < holes.INK
            expected = rules_by_the_definition(ink, longest, across, streaks)
            assert (found == expected).all(), (seed, longest)


def test_the_rules_are_found_with_the_page_turned_once_and_the_mask_never_turned_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    turns: list[object] = []
    real = Image.Image.transpose

    def counted(self: Image.Image, method: Image.Transpose) -> Image.Image:
        turns.append(method)
        return real(self, method)

    page = Image.new("L", (200, 150), 255)
    page.paste(0, (20, 50, 181, 52))  # a rule across, two pixels thick
    page.paste(0, (100, 10, 101, 141))  # a rule down
    page.paste(0, (30, 100, 36, 108))  # a letter-sized blot
    monkeypatch.setattr(Image.Image, "transpose", counted)
    ink = np.asarray(holes.rules(page, 8.0)) < holes.INK  # runs of 20 pixels or more
    assert turns == [Image.Transpose.ROTATE_90]
    assert ink[50:52, 20:181].all() and ink[10:141, 100].all()
    assert not ink[100:108, 30:36].any()


NORMAL, FINE = (204.0, 98.0), (204.0, 196.0)  # a fax's resolution across and down


def _image(resolution: tuple[float, float]) -> PageImage:
    return PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0, resolution)


def _never_read(crops: Sequence[PageImage]) -> list[PageWords]:
    raise AssertionError("no band is read")


@pytest.mark.parametrize(("resolution", "looked"), [(FINE, []), (NORMAL, [1])])
def test_a_fine_fax_is_not_read_by_the_layout_again_to_look_for_bands(
    monkeypatch: pytest.MonkeyPatch, resolution: tuple[float, float], looked: list[int]
) -> None:
    # every row adds up: a normal fax has no band worth reading either, but it is looked at
    page = order(
        [row("TOR-M8-40", "250", "0,18", "45,00"), row("ARA-M8", "100", "0,02", "2,00")], total="47,00"
    )
    pages: list[int] = []
    real = bands.read_page

    def counted(words: PageWords) -> object:
        pages.append(words.number)
        return real(words)

    before = extract_orders([page])
    monkeypatch.setattr(bands, "read_page", counted)
    got, words = bands.reread_rows(before, [_image(resolution)], [page], _never_read, extract_orders)
    assert pages == looked
    assert got == before and words == [page]


def ruled_fax(degrees: float) -> Image.Image:
    """A 1-bit fax-wide page of level bars with upright strokes, turned `degrees` counter-clockwise."""
    img = Image.new("L", (1728, 1000), 255)
    for y in range(150, 900, 60):
        img.paste(0, (150, y, 1550, y + 6))
        for x in range(200, 1500, 150):
            img.paste(0, (x, y - 25, x + 3, y))
    return img.rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=255).convert(
        "1", dither=Image.Dither.NONE
    )


@pytest.mark.parametrize("degrees", [1.5, -2.5])
def test_a_fax_page_skew_comes_from_a_sample_of_its_ink_without_listing_every_inked_pixel(
    monkeypatch: pytest.MonkeyPatch, degrees: float
) -> None:
    page = ruled_fax(degrees)
    # the sample written out: every k-th inked pixel in reading order, k enough for MAX_POINTS at most
    inked = np.argwhere(np.asarray(page.convert("L")) < 128)
    sample = inked[:: len(inked) // geometry.MAX_POINTS + 1].astype(np.float32)
    expected = geometry.skew_of(sample[:, 1], sample[:, 0])[0]

    def listed(*args: object) -> np.ndarray:
        raise AssertionError("every inked pixel listed")

    monkeypatch.setattr(geometry, "ink_points", listed)
    skew = geometry.row_skew(page, 204.0)
    assert skew == expected
    assert skew == pytest.approx(-degrees, abs=0.1)

"""Tesseract kept loaded (tesserocr, parsers.ocr.tessapi) reads a fax page exactly as the `tesseract`
command does: the same words, boxes and confidences, page after page, at both fax resolutions; and its
orientation detection names the same turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.ocr import geometry, tessapi
from parsers.ocr.engine import OcrOptions, ocr_page
from parsers.ocr.images import Limits, load_pages
from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen import make, render
from tests.conftest import require_tesserocr

pytestmark = pytest.mark.integration
SENDER = "+34912345678"


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data and tesserocr built against it (make install), or skip (fail on CI)."""
    require_tesserocr()


@pytest.mark.parametrize("resolution", ["fine", "normal"])
def test_kept_loaded_reads_what_the_command_reads(resolution: str) -> None:
    pdf = render(make("boxed", 11), 11).pdf
    pages = load_pages(fax_tiff(pdf, FaxLine(resolution=resolution, seed=5, sender=SENDER)), Limits())
    kept, spawned = OcrOptions(), OcrOptions(keep_loaded=False)
    # twice through the kept API: nothing of one page may carry over into the next read
    first = [ocr_page(p, kept) for p in pages]
    again = [ocr_page(p, kept) for p in pages]
    command = [ocr_page(p, spawned) for p in pages]
    assert first == command
    assert again == command
    assert sum(len(p.words) for p in command) > 50  # a page read, not two empty reads alike


def test_the_models_loaded_learn_nothing_between_reads() -> None:
    # LSTM-only eng and spa data: reads need not clear an adaptive classifier (the reads above, page
    # after page, show nothing carried over)
    assert not tessapi.adapts(tessapi._api("eng+spa"))


def test_a_read_that_fails_is_an_error_not_an_empty_page(tmp_path: Path) -> None:
    # a file Tesseract cannot open: the engine turns this into a ParseError (RuntimeError is caught there)
    bad = tmp_path / "not-an-image.png"
    bad.write_bytes(b"no picture here")
    with pytest.raises(RuntimeError):
        tessapi.image_to_data(bad, "eng+spa", "--psm 3 --dpi 200", timeout=60)


PROSE = [
    "Rogamos nos sirvan los siguientes materiales para la obra",
    "de la calle Mayor, antes del viernes por la mañana.",
    "Tornillos hexagonales de ocho por cuarenta, doscientas unidades",
    "Tuercas hexagonales de ocho milimetros, trescientas unidades",
    "Arandelas planas de ocho milimetros, ciento veinte unidades",
    "Guantes de trabajo de piel flor, veinticuatro pares",
]


def prose_page() -> Image.Image:
    """A 1-bit page at 204 dpi with a paragraph of plain text, upright."""
    img = Image.new("L", (1728, 1100), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    for i, text in enumerate(PROSE):
        draw.text((120, 150 + 55 * i), text, fill=0, font=font)
    return img.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.Dither.NONE)


@pytest.mark.parametrize(
    "fed",
    [None, Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270],
    ids=["upright", "90", "180", "270"],
)
def test_orientation_detection_kept_loaded_names_the_turn_the_command_names(
    fed: Image.Transpose | None,
) -> None:
    upright = prose_page()
    page = upright if fed is None else upright.transpose(fed)
    kept = geometry.asked(page, 204.0, keep_loaded=True)
    spawned = geometry.asked(page, 204.0, keep_loaded=False)
    assert kept == spawned
    # the turn it names sets the page upright again, pixel for pixel
    assert geometry.turn(page, kept).tobytes() == upright.tobytes()


def test_asking_for_rival_figures_reads_the_same_words(tmp_path: Path) -> None:
    # the LSTM's alternatives are asked only for header fields' cut-outs (parsers.ocr.lookalike): asking
    # must not change what is read, each word gets a rival probability, and a later read asks none
    image = Image.new("L", (420, 70), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 32)
    ImageDraw.Draw(image).text((12, 12), "P94459", font=font, fill=0)
    path = tmp_path / "field.png"
    image.save(path)
    plain = tessapi.image_to_data(path, "eng+spa", "--psm 7 --dpi 300", timeout=60)
    asked = tessapi.image_to_data(path, "eng+spa", "--psm 7 --dpi 300", timeout=60, rivals=True)
    after = tessapi.image_to_data(path, "eng+spa", "--psm 7 --dpi 300", timeout=60)
    assert {k: v for k, v in asked.items() if k != "rival"} == plain == after
    words = [i for i, text in enumerate(asked["text"]) if str(text).strip()]
    assert [asked["text"][i] for i in words] == ["P94459"]
    assert all(0.0 <= float(str(asked["rival"][i])) < 0.8 for i in words)
    assert "rival" not in after

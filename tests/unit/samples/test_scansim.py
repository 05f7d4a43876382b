"""The fax and scan simulators' new artefacts: pages fed turned, streaks, scans and phone photos."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageChops

from samples.faxsim import FaxLine, transmit
from samples.orders_gen import draw, render_drawn
from samples.scansim import Scanner, capture, scan_pdf, to_jpeg

CLEAN = {"skew": 0.0, "specks": 0.0, "dropouts": 0.0, "threshold": 140, "header": False}


def order_pdf() -> bytes:
    return render_drawn(draw("letter", 3)).pdf


def ink_shared(a: Image.Image, b: Image.Image) -> float:
    """The share of `a`'s black pixels that are black in `b` too."""
    ink_a, ink_b = ImageChops.invert(a.convert("L")), ImageChops.invert(b.convert("L"))
    return ImageChops.darker(ink_a, ink_b).histogram()[255] / ink_a.histogram()[255]


def test_a_page_fed_upside_down_arrives_turned() -> None:
    pdf = order_pdf()
    [upright] = transmit(pdf, FaxLine(**CLEAN))
    [turned] = transmit(pdf, FaxLine(rotate=180, **CLEAN))
    assert turned.size == upright.size
    assert ink_shared(upright, turned.rotate(180)) > 0.9
    assert ink_shared(upright, turned) < 0.3


def test_a_page_fed_sideways_is_landscape_on_the_fax_width() -> None:
    [page] = transmit(order_pdf(), FaxLine(rotate=90, **CLEAN, resolution="fine"))
    assert page.width == 1728
    assert page.height < 1728  # a portrait page turned sideways is wider than high


def test_streaks_blacken_columns_down_the_page() -> None:
    pdf = order_pdf()
    [clean] = transmit(pdf, FaxLine(**CLEAN))
    [dirty] = transmit(pdf, FaxLine(streaks=1.0, **CLEAN))
    assert dirty.convert("L").histogram()[0] > clean.convert("L").histogram()[0] + 200


def test_scans_and_photos_keep_their_pages_and_resolution() -> None:
    pdf = order_pdf()
    for scanner in (Scanner(dpi=200), Scanner(dpi=300, bilevel=True), Scanner(kind="photo", seed=4)):
        out = scan_pdf(pdf, scanner)
        assert len(pdfium.PdfDocument(out)) == len(pdfium.PdfDocument(pdf))
    [page] = capture(pdf, Scanner(dpi=200, skew=0))
    assert page.info["dpi"] == (200, 200) and abs(page.width - 8.27 * 200) < 10
    jpeg = to_jpeg(page, Scanner())
    assert jpeg[:2] == b"\xff\xd8" and Image.open(io.BytesIO(jpeg)).size == page.size


def test_the_same_seed_gives_the_same_photo() -> None:
    pdf = order_pdf()
    [a], [b] = capture(pdf, Scanner(kind="photo", seed=9)), capture(pdf, Scanner(kind="photo", seed=9))
    assert a.tobytes() == b.tobytes()
    [c] = capture(pdf, Scanner(kind="photo", seed=10))
    assert c.tobytes() != a.tobytes()

"""Words of a text PDF through PDFium: the same words, nearly the same boxes, as pdfplumber gives on
plain pages; bold faked by printing twice read once; turned pages left to pdfplumber."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from parsers.pdf_text import read_words
from parsers.pdf_words import _Char, _unique, has_text_layer, read_words_fast


def _pdf(rotate: int = 0, twice: bool = False) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842))
    canvas.setFont("Helvetica", 10)
    for x, y, text in ((40, 800, "Order no: QX-7781"), (40, 700, "TB-20"), (110, 700, "Hinge, steel"),
                       (330, 700, "4"), (390, 700, "2.50")):  # fmt: skip
        canvas.drawString(x, y, text)
        if twice:
            canvas.drawString(x + 0.4, y, text)
    if rotate:
        canvas.setPageRotation(rotate)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _plumber(content: bytes) -> list[tuple[str, float, float, float, float]]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        words = pdf.pages[0].extract_words()
    return [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]


def test_plain_page_words_match_pdfplumbers() -> None:
    content = _pdf()
    fast = read_words_fast(content, 50)
    assert fast is not None
    got = [(w.text, w.x0, w.y0, w.x1, w.y1) for w in fast[0].words]
    want = _plumber(content)
    assert [g[0] for g in got] == ["Order", "no:", "QX-7781", "TB-20", "Hinge,", "steel", "4", "2.50"]
    assert [g[0] for g in got] == [w[0] for w in want]
    for g, w in zip(got, want, strict=True):
        assert max(abs(a - b) for a, b in zip(g[1:], w[1:], strict=True)) < 1.0, (g, w)


def test_bold_printed_twice_comes_out_once() -> None:
    fast = read_words_fast(_pdf(twice=True), 50)
    assert fast is not None
    assert [w.text for w in fast[0].words][:3] == ["Order", "no:", "QX-7781"]


def test_a_turned_page_is_left_to_pdfplumber() -> None:
    content = _pdf(rotate=90)
    assert read_words_fast(content, 50) is None
    assert "QX-7781" in [w.text for w in read_words(content)[0].words]


def test_not_a_pdf_and_too_many_pages_are_left_to_pdfplumber() -> None:
    assert read_words_fast(b"%PDF-1.4 garbage", 50) is None
    assert read_words_fast(_pdf(), 0) is None
    assert has_text_layer(b"%PDF-1.4 garbage", 50, 6) is None


def test_text_layer_is_seen() -> None:
    assert has_text_layer(_pdf(), 50, 6) is True
    assert has_text_layer(_pdf(), 50, 1000) is False


@pytest.mark.parametrize("origin", [0.0, 300.0, -40.0, 5.0e6], ids=["corner", "page", "off-page", "far"])
def test_a_character_struck_again_within_a_point_counts_once_wherever_it_stands(origin: float) -> None:
    def char(text: str, dx: float, dy: float) -> _Char:
        x, y = origin + dx, origin + dy
        return _Char(text, x, y, x + 5.0, y + 10.0)

    chars: list[_Char | None] = [
        char("A", 0.0, 0.0),
        char("A", 0.4, 0.3),  # the same letter struck again: dropped
        None,
        char("B", 0.2, 0.0),  # another letter at that place: kept
        char("A", 1.6, 0.0),  # the same letter more than a point across: kept
        char("A", 0.0, 1.5),  # and more than a point down: kept
        char("A", 1.0, -1.0),  # exactly a point away both ways, as the first: dropped
    ]
    kept = [
        None if c is None else (c.text, round(c.x0 - origin, 1), round(c.top - origin, 1))
        for c in _unique(chars)
    ]
    assert kept == [
        ("A", 0.0, 0.0),
        None,
        ("B", 0.2, 0.0),
        ("A", 1.6, 0.0),
        ("A", 0.0, 1.5),
    ]

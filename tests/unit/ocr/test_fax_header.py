"""The fax header line, fax numbers, and Tesseract's rows turned into page words."""

from __future__ import annotations

import pytest

from core.capture.domain.layout import PageWords, Word
from core.kernel.domain.phone import normalise_phone, plausible, same_number
from parsers.ocr.faxheader import find_header, line_text, sender_in, strip_headers
from parsers.ocr.images import PageImage
from parsers.ocr.tesseract_reads import words_from_data


@pytest.mark.parametrize(
    "text",
    [
        "+34 912 345 678",
        "0034912345678",
        "912345678",
        "912 34 56 78",
        "+34 (912) 345-678",
        "0034 912.345.678",
    ],
)
def test_spanish_numbers_compare_equal_however_written(text: str) -> None:
    assert normalise_phone(text) == "+34912345678"


def test_national_numbers_are_read_in_the_given_country() -> None:
    assert normalise_phone("020 7946 0123", "GB") == "+442079460123"
    assert normalise_phone("+44 (0)20 7946 0123") == "+442079460123"
    assert normalise_phone("06 12 34 56 78", "FR") == "+33612345678"
    assert same_number("+44 20 7946 0123", "00442079460123")
    assert not same_number("912345678", "912345679")


@pytest.mark.parametrize("text", ["", "fax", "12 34", "+34 9123456789012345", "call me"])
def test_no_number_is_none(text: str) -> None:
    assert normalise_phone(text) is None


@pytest.mark.parametrize(
    ("header", "sender"),
    [
        ("26/11/2026 10:15  FROM +34 912 345 678  TO +34 976 550 100  P.001/002", "+34 912 345 678"),
        (
            "26/11/2026 10:15 FERRETERIA NUNEZ FROM +34 912 345 678 TO +34 976 550 100 P.001/001",
            "+34 912 345 678",
        ),
        ("26.11.2026 10:15 DE: 912 345 678 PARA: 976 550 100 PAG. 1/2", "912 345 678"),
        ("26/11/2026 10:15 [ROM +34 9l2 345 67B TO +34 976 550 100 P.001/001", "+34 912 345 678"),
        ("NOV-26-2026 10:15 +44 20 7946 0123 HARTLEY HARDWARE P. 01", "+44 20 7946 0123"),
        ("26/11/2026 10:15 ' FROM +34 912 345°678 TO +34 976 550 100 P.001/001", "+34 912 345 678"),
    ],
)
def test_sending_number_in_header_lines(header: str, sender: str) -> None:
    assert sender_in(header) == sender


def _words(line: str, y: float, line_no: int) -> list[Word]:
    out, x = [], 20.0
    for text in line.split():
        out.append(Word(text, x, y, x + 12 * len(text), y + 20, 0.9, line=line_no))
        x += 12 * len(text) + 12
    return out


def _page(*lines: tuple[str, float]) -> PageWords:
    words = [w for n, (text, y) in enumerate(lines, start=1) for w in _words(text, y, n)]
    return PageWords(number=1, width=1728, height=2290, dpi=204, words=tuple(words), source="ocr")


def test_header_is_found_in_the_top_strip_and_stripped() -> None:
    page = _page(
        ("26/11/2026 10:15 FROM +34 912 345 678 TO +34 976 550 100 P.001/001", 12),
        ("PEDIDO Nº PO-1", 400),
        ("Fecha: 26/11/2026 10:15", 440),
    )
    header = find_header(page)
    assert header is not None and header.sender == "+34 912 345 678"
    (stripped,), sender = strip_headers([page])
    assert sender == "+34 912 345 678"
    assert [w.text for w in stripped.words] == ["PEDIDO", "Nº", "PO-1", "Fecha:", "26/11/2026", "10:15"]


def test_letterhead_at_the_top_is_not_a_header() -> None:
    page = _page(("Ferretería Núñez S.L. Tel. 912 345 670", 30), ("PEDIDO 26/11/2026", 400))
    assert find_header(page) is None
    (same,), sender = strip_headers([page])
    assert sender is None and same == page


def test_tesseract_rows_become_words_in_page_pixels() -> None:
    page = PageImage(number=2, mode="1", width=1000, height=2000, dpi=204.0, data=b"")
    data: dict[str, list[object]] = {
        "level": [1, 5, 5, 5],
        "block_num": [0, 1, 1, 2],
        "par_num": [0, 1, 1, 1],
        "line_num": [0, 1, 1, 1],
        "left": [0, 100, 300, 50],
        "top": [0, 40, 42, 500],
        "width": [1000, 150, 90, 60],
        "height": [2000, 30, 28, 30],
        "conf": ["-1", "96.5", 71, "12"],
        "text": ["", "PEDIDO", "Nº", " "],
    }
    words = words_from_data(page, data, scale=2.0)
    assert (words.number, words.dpi, words.source, words.width) == (2, 204.0, "ocr", 1000.0)
    assert [(w.text, w.box, w.confidence, w.line) for w in words.words] == [
        ("PEDIDO", (50.0, 20.0, 125.0, 35.0), 0.965, 1),
        ("Nº", (150.0, 21.0, 195.0, 35.0), 0.71, 1),
    ]


def test_wide_gaps_part_the_fields_so_a_number_stops_at_its_field() -> None:
    page = _page(("26/11/2026 10:15", 12))
    words = [
        Word(t, x, 12, x + 12 * len(t), 32, 0.9, line=1)
        for t, x in (("FROM", 260), ("+34", 320), ("912", 368), ("345'6/8", 416), ("10", 540), ("+34", 580))
    ]
    text = line_text(words)
    assert text == "FROM +34 912 345'6/8\t10 +34"
    assert sender_in(text) == "+34 912 345 678"
    header = find_header(page)  # a date and a time at the very top: a header whose number is lost
    assert header is not None and header.sender is None


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("+34912345678", True),
        ("+3491234567", False),
        ("+442079460123", True),
        ("+12125550100", True),
        (None, False),
    ],
)
def test_plausible_numbers_have_their_countrys_length(number: str | None, ok: bool) -> None:
    assert plausible(number) is ok

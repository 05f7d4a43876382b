"""The layout reader on OCR-like words: page pixels, confidences below 1, a fax header line, skew, and
misreads that cross-checks repair or flag; an order with a fact in doubt is never accepted untouched."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from core.capture.domain.documents import ParseResult
from core.capture.domain.layout import PageWords, Word
from oms.extract import result_json
from parsers.layout import extract_orders
from parsers.pdf_text import read_words
from samples.orders_gen import GeneratedOrder, make, render
from samples.orders_gen.check import differences
from tests.unit.parsers.pdf_support import TODAY, SampleMaster

DPI = 300.0


def ocr_like(pages: list[PageWords], *, confidence: float = 0.93, skew: float = 0.0) -> list[PageWords]:
    """The words as an OCR engine would give them: pixels at 300 dpi, a confidence, the page turned."""
    out = []
    for page in pages:
        k = DPI / page.dpi
        cx, cy = page.width * k / 2, page.height * k / 2
        turn = math.radians(skew)
        words = []
        for w in page.words:
            corners = [(x * k, y * k) for x in (w.x0, w.x1) for y in (w.y0, w.y1)]
            moved = [
                (
                    cx + (x - cx) * math.cos(turn) - (y - cy) * math.sin(turn),
                    cy + (x - cx) * math.sin(turn) + (y - cy) * math.cos(turn),
                )
                for x, y in corners
            ]
            xs, ys = [p[0] for p in moved], [p[1] for p in moved]
            words.append(Word(w.text, min(xs), min(ys), max(xs), max(ys), confidence))
        out.append(PageWords(page.number, page.width * k, page.height * k, DPI, tuple(words), "ocr"))
    return out


def fax_header(page: PageWords) -> PageWords:
    line = "26/11/2026 10:15 FROM +34 912 345 678 TO +34 976 000 111 P.001/001"
    texts = line.split()
    x, words = 40.0, []
    for text in texts:
        words.append(Word(text, x, 12, x + 14 * len(text), 40, 0.8))
        x += 14 * len(text) + 20
    return replace(page, words=(*words, *page.words))


def edit(pages: list[PageWords], match: Callable[[Word], bool], **changes: Any) -> list[PageWords]:
    """Change the first word that `match`es (its text or confidence), as a misread would."""
    done = False
    out = []
    for page in pages:
        words = []
        for w in page.words:
            if not done and match(w):
                w, done = replace(w, **changes), True
            words.append(w)
        out.append(replace(page, words=tuple(words)))
    assert done, "no word matched"
    return out


def drop_row(pages: list[PageWords], text: str) -> list[PageWords]:
    """Remove every word on the line of the first word reading `text` (a row OCR missed)."""
    first = next(w for p in pages for w in p.words if w.text == text)
    return [replace(p, words=tuple(w for w in p.words if abs(w.cy - first.cy) > 5)) for p in pages]


def read(pages: list[PageWords]) -> dict[str, Any]:
    result = ParseResult(format="pdf-ocr", orders=extract_orders(pages).orders)
    [order] = result_json("fax.pdf", "fax", result, SampleMaster(), TODAY)["orders"]
    return order  # type: ignore[no-any-return]


def sample(layout: str = "ruled", seed: str = "noise") -> GeneratedOrder:
    return render(make(layout, seed))


@pytest.mark.parametrize("layout", ["ruled", "borderless", "erp", "dotmatrix", "multipage", "boxed"])
@pytest.mark.parametrize("skew", [0.0, 1.5, -2.0])
def test_ocr_words_with_a_fax_header_and_skew_read_to_the_truth(layout: str, skew: float) -> None:
    order = sample(layout)
    pages = ocr_like(read_words(order.pdf), skew=skew)
    pages[0] = fax_header(pages[0])
    got = read(pages)
    assert differences(order.truth, got) == []
    assert got["decision"] == "accept", got["problems"]


def _qty_word(order: GeneratedOrder) -> tuple[str, int]:
    """A printed quantity that occurs once in the document, and its line."""
    words = [w.text for p in read_words(order.pdf) for w in p.words]
    for i, line in enumerate(order.spec.lines):
        text = order.spec.style.quantity(line.quantity)
        if words.count(text) == 1 and "0" in text:
            return text, i
    pytest.skip("no quantity that occurs once")


def test_a_misread_quantity_is_repaired_by_the_line_arithmetic() -> None:
    order = sample("ruled", "qty")
    text, _ = _qty_word(order)
    pages = edit(
        ocr_like(read_words(order.pdf)),
        lambda w: w.text == text,
        text=text.replace("0", "O"),
        confidence=0.45,
    )
    got = read(pages)
    assert differences(order.truth, got) == []
    assert got["decision"] == "accept", got["problems"]  # quantity × price = amount vouches for it


def test_an_amount_that_lost_its_decimal_mark_is_repaired() -> None:
    order = sample("borderless", "mark")
    amount = order.spec.style.number(order.spec.lines[0].amount)
    pages = edit(
        ocr_like(read_words(order.pdf)),
        lambda w: w.text.startswith(amount),
        text=amount.replace(",", "").replace(".", ""),
    )
    got = read(pages)
    assert differences(order.truth, got) == []


def test_a_misread_price_that_nothing_confirms_goes_to_review_naming_it() -> None:
    order = sample("ruled", "price")
    line = order.spec.lines[0]
    price = order.spec.style.number(line.unit_price, order.spec.style.price_places)
    wrong = price[:-1] + ("7" if price[-1] != "7" else "1")
    pages = edit(
        ocr_like(read_words(order.pdf)), lambda w: w.text.startswith(price), text=wrong, confidence=0.6
    )
    got = read(pages)
    assert got["decision"] != "accept"
    assert "lines[0].unit_price" in {p["field"] for p in got["problems"]}


def test_a_doubtful_order_number_goes_to_review() -> None:
    order = sample("boxed", "po")
    pages = edit(
        ocr_like(read_words(order.pdf)), lambda w: w.text == order.truth["po_number"], confidence=0.5
    )
    got = read(pages)
    assert got["po_number"] == order.truth["po_number"]
    assert got["decision"] == "review"
    assert ("low_confidence", "po_number") in {(p["code"], p["field"]) for p in got["problems"]}


def test_a_row_the_ocr_missed_is_caught_by_the_total() -> None:
    order = sample("dotmatrix", "row")
    assert len(order.spec.lines) > 1
    pages = drop_row(ocr_like(read_words(order.pdf)), order.spec.lines[-1].code)
    got = read(pages)
    assert len(got["lines"]) == len(order.truth["lines"]) - 1
    assert got["decision"] == "review"
    assert ("total_mismatch", "total") in {(p["code"], p["field"]) for p in got["problems"]}


def test_two_orders_in_one_document_are_read_in_document_order() -> None:
    first, second = sample("ruled", "first"), sample("boxed", "second")
    pages = read_words(first.pdf) + read_words(second.pdf)
    pages = [replace(p, number=n) for n, p in enumerate(pages, start=1)]
    result = ParseResult(format="pdf-text", orders=extract_orders(pages).orders)
    orders = result_json("two.pdf", None, result, SampleMaster(), TODAY)["orders"]
    assert [o["po_number"] for o in orders] == [first.truth["po_number"], second.truth["po_number"]]
    assert differences(first.truth, orders[0]) == [] and differences(second.truth, orders[1]) == []


def test_a_misread_order_number_on_a_later_page_does_not_split_the_order() -> None:
    order = sample("multipage", "split")
    po = order.truth["po_number"]
    pages = read_words(order.pdf)
    later = [
        replace(
            pages[1],
            words=tuple(
                replace(w, text=po[:-1] + ("8" if po[-1] != "8" else "3")) if w.text == po else w
                for w in pages[1].words
            ),
        )
    ]
    got = read(pages[:1] + later + pages[2:])
    assert differences(order.truth, got) == []

"""Header fields printed once and read sure, read again for look-alike figures
(parsers.ocr.lookalike.doubt_lookalikes).

The business rule: an order number, order date or delivery date the page prints once is pinned by
nothing but its own ink.  When a second reading of its ink says it alike and the OCR engine gave no
other figure a fair chance in any figure's place, it stays as sure as it was read; when a figure had
a likely look-alike ("4" or "1" on a normal fax that lost a crossbar), or the second reading says
other figures, it waits for a person.  A value printed twice and read alike both times is pinned by
its copy and is not read again.  What Tesseract says of the cut-out is not the rule's business here:
each reading is scripted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import doubt_lookalikes
from tests.unit.parsers.ocr_support import cells, order, row

ROWS = [row("TOR-M8-40", "100", "0,18", "18,00"), row("ARA-M8", "200", "0,05", "10,00")]
FIELDS = ("po_number", "order_date", "requested_delivery_date")


class Reading:
    """Reads every cut-out as its field's value as printed (`fields`: the fields cut out, in order),
    each word with the `rival` given for that field (0.0 when none is given), or says `instead` for the
    order number; counts the cut-outs."""

    def __init__(
        self, rivals: dict[str, float], instead: str | None = None, fields: Sequence[str] = FIELDS
    ) -> None:
        self.rivals, self.instead, self.fields, self.cut = rivals, instead, fields, 0
        self.said = {"po_number": instead or "PED-26/00123", "order_date": "23/11/2026"}
        self.said["requested_delivery_date"] = "30/11/2026"

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        self.cut += len(crops)
        out = []
        for crop, field in zip(crops, self.fields, strict=True):
            said = (Word(self.said[field], 20, 10, 180, 40, 0.95, rival=self.rivals.get(field, 0.0)),)
            out.append(PageWords(crop.number, 200.0, 60.0, 72.0, said, "ocr"))
        return out


def _confidences(reading: Reading, *more: list[Word]) -> dict[str, float]:
    page = order(ROWS)
    if more:
        page = replace(page, words=page.words + tuple(w for m in more for w in m))
    (captured,) = extract_orders([page]).orders
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    (got,) = doubt_lookalikes([captured], [image], [page], [reading])
    return {f: e.confidence for f in FIELDS if (e := got.evidence_for(f)) is not None}


def _as_read() -> dict[str, float]:
    (captured,) = extract_orders([order(ROWS)]).orders
    return {f: e.confidence for f in FIELDS if (e := captured.evidence_for(f)) is not None}


def test_fields_read_alike_with_no_likely_lookalike_stay_as_sure_as_read() -> None:
    read = _as_read()
    assert set(read) == set(FIELDS) and min(read.values()) >= 0.8
    reading = Reading({"po_number": 0.2})
    assert _confidences(reading) == read
    assert reading.cut == 3


def test_an_order_number_whose_figure_had_a_likely_lookalike_waits() -> None:
    got = _confidences(Reading({"po_number": 0.9}))
    assert got["po_number"] < 0.8
    assert got["order_date"] == _as_read()["order_date"]


def test_a_date_whose_figure_had_a_likely_lookalike_waits() -> None:
    got = _confidences(Reading({"requested_delivery_date": 0.85}))
    assert got["requested_delivery_date"] < 0.8
    assert got["po_number"] == _as_read()["po_number"]


def test_an_order_number_read_again_as_other_figures_waits() -> None:
    assert _confidences(Reading({}, instead="PED-26/00128"))["po_number"] < 0.8


def test_an_order_number_printed_twice_and_read_alike_is_not_read_again() -> None:
    # the order number pinned by its copy in the footer: only the two dates are cut out
    reading = Reading({}, fields=FIELDS[1:])
    got = _confidences(reading, cells(600, (50, "Ref. PED-26/00123")))
    assert got["po_number"] == _as_read()["po_number"]
    assert reading.cut == 2

"""A once-printed header date read again with a year one figure off, years from the sending day
(parsers.ocr.lookalike.doubt_lookalikes with the day the fax header says the fax was sent).

The business rule: an order date the page prints once stays as sure as it was read only when its ink,
read again two ways, says it alike.  A reading again that says the same day and month but a year the
order cannot bear ("23/11/2076" on an order faxed on 26/11/2026) says no other date: the sending day
puts that year back where the page read it, as it would mend the same misreading on the page.  The
other reading must still say the date alike.  A reading with another day, a year an order can bear
(a year before: an old order faxed again), or no sending day to place it, still makes the date wait.
What Tesseract says of the cut-outs is not the rule's business here: each reading is scripted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.lookalike import doubt_lookalikes
from tests.unit.parsers.ocr_support import order, row

ROWS = [row("TOR-M8-40", "100", "0,18", "18,00"), row("ARA-M8", "200", "0,05", "10,00")]
FIELDS = ("po_number", "order_date", "requested_delivery_date")
AS_PRINTED = {
    "po_number": "PED-26/00123",
    "order_date": "23/11/2026",
    "requested_delivery_date": "30/11/2026",
}
SENT = date(2026, 11, 26)  # the day in the fax header line


class Reading:
    """One way of reading the cut-outs again: each field's value as printed, or what `says` gives for it."""

    def __init__(self, says: dict[str, str] | None = None) -> None:
        self.says = {**AS_PRINTED, **(says or {})}

    def __call__(self, crops: Sequence[PageImage]) -> list[PageWords]:
        out = []
        for crop, field in zip(crops, FIELDS, strict=True):
            said = (Word(self.says[field], 20, 10, 180, 40, 0.95, rival=0.0),)
            out.append(PageWords(crop.number, 200.0, 60.0, 72.0, said, "ocr"))
        return out


def _order_date(reads: Sequence[Reading], sent: date | None) -> tuple[float, float, date | None]:
    """The order date's confidence as the page read it, after the readings again, and its value."""
    page = order(ROWS)
    (captured,) = extract_orders([page]).orders
    image = PageImage.from_image(1, Image.new("1", (595, 842), 1), 72.0)
    (got,) = doubt_lookalikes([captured], [image], [page], reads, sent)
    before, after = captured.evidence_for("order_date"), got.evidence_for("order_date")
    assert before is not None and after is not None
    return before.confidence, after.confidence, got.order_date


def test_a_reading_whose_only_other_figure_is_a_year_the_sending_day_puts_back_does_not_gainsay() -> None:
    read, kept, value = _order_date([Reading(), Reading({"order_date": "23/11/2076"})], SENT)
    assert read >= 0.8
    assert kept == read
    assert value == date(2026, 11, 23)


def test_without_the_sending_day_the_year_read_otherwise_makes_the_date_wait() -> None:
    _, kept, _ = _order_date([Reading(), Reading({"order_date": "23/11/2076"})], None)
    assert kept < 0.8


def test_a_year_an_order_can_bear_makes_the_date_wait() -> None:
    # a year before the sending day: an old order faxed again is possible, so the reading gainsays
    _, kept, _ = _order_date([Reading(), Reading({"order_date": "23/11/2025"})], SENT)
    assert kept < 0.8


def test_another_day_as_well_as_the_year_makes_the_date_wait() -> None:
    _, kept, _ = _order_date([Reading(), Reading({"order_date": "28/11/2076"})], SENT)
    assert kept < 0.8


def test_no_reading_saying_the_date_alike_makes_it_wait() -> None:
    reads = [Reading({"order_date": "23/11/2076"}), Reading({"order_date": "23/11/2076"})]
    _, kept, _ = _order_date(reads, SENT)
    assert kept < 0.8

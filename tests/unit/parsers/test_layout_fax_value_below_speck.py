"""A header set as a row of boxes, each label over its value, where the fax left a speck between the
label "Purchase order no." and the number under it, read as a letter ("t").

The business rule: the order number is what the form prints under its label; a speck is no value. The
number under the speck, in the row of values, is the order number (2685669, read as printed). A lone
figure is no speck; a label whose row of values stands too far below it keeps no value."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import STEP, cells, page, read, row

ROWS = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
LABELS = ((50, "Purchase order no."), (200, "Order date"), (320, "Customer no."))


# a sliver of ink a point wide between the label's line and the values', read as a letter
SPECK = Word("t", 92.5, 87.6, 93.6, 92.4, 0.74)


def _read(under: list[Word], values_at: float = 93) -> dict[str, Any]:
    """Lakeside's order whose row of labels at 80 has `under` beneath it and its values at `values_at`."""
    heading = (
        (50, "Item"),
        (130, "Description"),
        (330, "Qty"),
        (390, "Unit"),
        (430, "Price"),
        (500, "Amount"),
    )
    y = 160.0
    return read(
        page(
            cells(40, (50, "Lakeside Fasteners Inc.")),
            cells(80, *LABELS),
            under,
            cells(values_at, (50, "2685669"), (200, "11/23/2026"), (320, "C-1001")),
            cells(y, *heading),
            *(cells(y + STEP * (i + 1), *r) for i, r in enumerate(ROWS)),
            cells(y + 4 * STEP, (430, "Total"), (500, "56,10")),
        )
    )


def test_a_speck_between_a_boxed_label_and_its_value_is_passed_over() -> None:
    got = _read([SPECK])
    assert got["po_number"] == "2685669"


def test_without_the_speck_the_number_reads_alike() -> None:
    # guard: the same row of boxes, nothing between the label and its value
    assert _read([])["po_number"] == "2685669"


def test_a_value_row_out_of_the_label_s_reach_past_a_speck_gives_no_number() -> None:
    # guard: passing over the speck does not reach further than a label's value may stand
    got = _read([SPECK], values_at=130)
    assert got["po_number"] != "2685669"

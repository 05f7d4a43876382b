"""A delivery date's label in a sentence, one word of which a normal fax parted in two: "GOODS REQUI RED
BY 04/12/2026." for "REQUIRED BY", "DELIVERY IS NEEDED O N OR BEFORE 06.12.2026." for "ON OR BEFORE".

The business rule: the two parts run together are the label's first word and the words after them the
rest of it, and the date follows the label as printed; the label was known only once its word was
joined, so the date waits for a person to confirm it.  Parts that join into no date's label, or a label
with no date after it, give no date."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, order, read
from tests.unit.parsers.tax_support import GOOD


def _said(sentence: str) -> dict[str, Any]:
    """The order of GOOD with no delivery date line in its header and `sentence` under the header."""
    base = order(GOOD, drop="Fecha de entrega:")
    more = cells(140, (50, sentence))
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))


def test_required_parted_in_two_gives_the_date_after_it_doubtful() -> None:
    got = _said("GOODS REQUI RED BY 04/12/2026.")
    assert got["requested_delivery_date"] == "2026-12-04"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"


def test_on_parted_in_two_before_or_before_gives_the_date_after_it_doubtful() -> None:
    got = _said("DELIVERY TS NEFDED O N OR BEFORE 06.12.2026.")
    assert got["requested_delivery_date"] == "2026-12-06"
    assert doubted(got, "requested_delivery_date") and got["decision"] != "accept"


def test_parts_that_join_into_no_label_give_no_date() -> None:
    assert _said("PLEASE SE ND BY 04/12/2026.")["requested_delivery_date"] is None


def test_a_parted_label_with_no_date_after_it_gives_no_date() -> None:
    assert _said("GOODS REQUI RED BY THE END OF THE MONTH.")["requested_delivery_date"] is None

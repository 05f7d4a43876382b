"""An order date printed in words read again with the real Tesseract (parsers.ocr.recheck), on a
fax-like page the test draws: "Fecha:  24 Noviembre, 2026".  The layout reader's result is given, the
date read unsure and offered for a second look with its three words (parsers.layout.recheck).

The rule: the words are cut from the page together and read again; when every reading says the same
words as the page's reading (spaces aside), each with confidence, the date is vouched for.  A date
the page's reading got wrong ("2025" for 2026) reads again as printed, which is not what was captured:
it stays in doubt."""

from __future__ import annotations

from datetime import date

import pytest

from core.capture.domain.order import CapturedOrder
from tests.conftest import require_tesseract
from tests.integration.test_fax_order_number_again import drawn, reread

pytestmark = pytest.mark.integration
UNSURE = 0.49
PRINTED = "24 Noviembre, 2026"


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    """Tesseract with eng+spa data, or skip (fail on CI)."""
    require_tesseract()


def parse(captured: str, value: date) -> CapturedOrder:
    page = drawn([(120, "Fecha:"), (300, PRINTED)], (300, PRINTED))
    return reread(page, CapturedOrder(order_date=value), "order_date", captured, UNSURE)


def test_an_order_date_in_words_read_again_alike_is_vouched_for() -> None:
    found = parse(PRINTED, date(2026, 11, 24)).evidence_for("order_date")
    assert found is not None and found.confidence >= 0.8


def test_an_order_date_in_words_read_wrong_stays_in_doubt_when_read_again() -> None:
    got = parse("24 Noviembre, 2025", date(2025, 11, 24))
    assert got.order_date == date(2025, 11, 24)  # never changed by a re-read
    found = got.evidence_for("order_date")
    assert found is not None and found.confidence == UNSURE

"""A date in words read again, unsure only of its month's name (parsers.ocr.recheck.confirm).

The business rule: a date printed in words ("13 de diciembre de 2026") that the page read unsure is
vouched for when every reading of its ink again says the same words, the figures each with confidence.
A month's name read exactly alike that no misreading of two letters or fewer makes another month's
("diciembre": three from "noviembre") cannot be another month by a look-alike letter, so Tesseract's
doubt of its letters leaves the date as sure as its figures.  A name a letter or two from another
month's ("junio" and "julio", "marzo" and "mayo") must still be read with confidence, as must the day
and the year, and a reading that says anything else leaves the date in doubt.  The words that only join
a date's parts ("de", "del") hold no figure and no month: read alike, however unsure, they leave the
date as sure as its figures and its month; read as another word, they still hold it.

The readings are scripted here (what Tesseract says of the cut-out is not the rule's business); the
page is a blank image of a fax page's size, the date's box on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.layout.recheck import Recheck
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm

BOX = (300.0, 80.0, 620.0, 110.0)
UNSURE = 0.65  # the page read one of the date's words unsure


def _says(*words: tuple[str, float]) -> Callable[[Sequence[PageImage]], list[PageWords]]:
    """A reading of the cut-out that says `words` (text, confidence) side by side."""

    def read(crops: Sequence[PageImage]) -> list[PageWords]:
        said, x = [], 10.0
        for text, confidence in words:
            said.append(Word(text, x, 10, x + 12 * len(text), 40, confidence))
            x += 12 * len(text) + 10
        return [PageWords(c.number, 400.0, 60.0, 204.0, tuple(said), "ocr") for c in crops]

    return read


def _confidence(printed: str, *again: Callable[[Sequence[PageImage]], list[PageWords]]) -> float:
    image = PageImage.from_image(1, Image.new("1", (1728, 400), 1), 204.0)
    page = PageWords(1, 1728.0, 400.0, 204.0, (Word(printed, *BOX, 0.9),), "ocr")
    found = Evidence("requested_delivery_date", UNSURE, Provenance(page=1, box=BOX, raw=printed))
    order = CapturedOrder(evidence=(found,))
    (got,) = confirm([order], [Recheck(0, found.field, 1.0)], [image], [page], list(again))
    vouched = got.evidence_for(found.field)
    assert vouched is not None
    return vouched.confidence


def _date(
    day: str,
    month: str,
    month_confidence: float,
    day_confidence: float = 0.96,
    joined: tuple[str, float] = ("de", 0.9),
) -> Callable[[Sequence[PageImage]], list[PageWords]]:
    return _says((day, day_confidence), joined, (month, month_confidence), ("de", 0.95), ("2026", 0.96))


def test_a_month_name_read_alike_far_from_any_other_month_does_not_hold_the_date() -> None:
    printed = "13 de diciembre de 2026"
    assert _confidence(printed, _date("13", "diciembre", 0.72), _date("13", "diciembre", 0.70)) >= 0.8


def test_a_month_name_a_letter_or_two_from_another_month_must_be_read_with_confidence() -> None:
    assert _confidence("13 de junio de 2026", _date("13", "junio", 0.72), _date("13", "junio", 0.7)) == UNSURE
    assert _confidence("13 de marzo de 2026", _date("13", "marzo", 0.72), _date("13", "marzo", 0.7)) == UNSURE


def test_the_figures_of_a_date_in_words_must_still_be_read_with_confidence_and_alike() -> None:
    printed = "13 de diciembre de 2026"
    unsure_day = _date("13", "diciembre", 0.72, day_confidence=0.6)
    assert _confidence(printed, unsure_day, _date("13", "diciembre", 0.72)) == UNSURE
    assert _confidence(printed, _date("18", "diciembre", 0.95), _date("13", "diciembre", 0.72)) == UNSURE


def test_a_joining_word_read_alike_but_unsure_does_not_hold_the_date() -> None:
    printed = "24 de noviembre de 2026"
    unsure_de = _date("24", "noviembre", 0.69, joined=("de", 0.69))
    assert _confidence(printed, _date("24", "noviembre", 0.9), unsure_de) >= 0.8
    unsure_del = _date("24", "noviembre", 0.9, joined=("del", 0.5))
    assert _confidence("24 del noviembre de 2026", unsure_del, unsure_del) >= 0.8


def test_a_joining_word_read_otherwise_or_unsure_figures_still_hold_the_date() -> None:
    printed = "24 de noviembre de 2026"
    other = _date("24", "noviembre", 0.9, joined=("da", 0.9))
    assert _confidence(printed, _date("24", "noviembre", 0.9), other) == UNSURE
    unsure_day = _date("24", "noviembre", 0.9, day_confidence=0.6, joined=("de", 0.6))
    assert _confidence(printed, _date("24", "noviembre", 0.9), unsure_day) == UNSURE

"""An order number after its label in a letter's sentence that runs on right after it, offered for a
second look on a scan (faxnw30).

The business rule: a field whose place on the page the layout is sure of, doubtful only because OCR
read its characters unsure, is cut from the page and read again; readings of its ink alone that each
say it exactly, with confidence, vouch for it, and any reading that says another value leaves it for a
person (parsers.ocr.recheck).  "Please find below our order no: 700-26 dated 26 NOV 2026 for the
following goods:" places the number as surely as a label standing alone would: the sentence's next
word ("dated") is no part of it.  An order number of figures alone read below the confidence figures
alone need is doubtful until then.

It is not offered where the word after it may be the number's own, parted from it by OCR (a letter,
figures), nor where a word that is not the label stands a word space before it (a prefix parted from
it: "PC 26065000"): read again alone, the part would agree with itself and still be short.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from core.capture.domain.layout import PageWords, Word
from parsers.layout import Extraction, extract_orders
from parsers.ocr.images import PageImage
from parsers.ocr.recheck import confirm
from tests.unit.parsers.ocr_support import cells, page, sentence

UNSURE = 0.8  # validation's floor: a field read with less confidence waits for a person
TABLE = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROW = ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))


OPENING = (("Please", 0.96), ("find", 0.96), ("below", 0.96), ("our", 0.96), ("order", 0.96), ("no:", 0.93))
DATED = (("dated", 0.93), ("26", 0.96), ("NOV", 0.96), ("2026", 0.96), ("for", 0.96), ("the", 0.96))


def _page(*number: tuple[str, float], after: Sequence[tuple[str, float]] = DATED) -> PageWords:
    """A letter whose first sentence states its order number after "our order no:", then its table."""
    lines = [cells(40, (50, "Quincaillerie Martin SARL")), sentence(70, *OPENING, *number, *after)]
    table = [cells(160, *TABLE), cells(174, *ROW), cells(202, (430, "Total"), (500, "45,00"))]
    return page(*lines, *table)


def _read(*number: tuple[str, float], after: Sequence[tuple[str, float]] = DATED) -> Extraction:
    return extract_orders([_page(*number, after=after)])


def _offered(extraction: Extraction) -> dict[str, float]:
    return {r.path: r.certainty for r in extraction.rechecks}


def test_the_number_read_unsure_is_doubtful_before_any_second_look() -> None:
    (order,) = _read(("700-26", 0.92)).orders
    assert order.po_number == "700-26"
    found = order.evidence_for("po_number")
    assert found is not None and found.confidence < UNSURE  # figures alone, read unsure


def test_the_number_the_sentence_runs_on_after_is_offered_for_a_second_look() -> None:
    assert _offered(_read(("700-26", 0.92))).get("po_number") == 0.9  # as sure as a sentence's own number


def test_not_offered_when_the_next_word_may_be_the_numbers_own() -> None:
    # "700-26" parted by OCR, the layout taking "700"; or a letter a word space after it ("26065000 A")
    assert "po_number" not in _offered(_read(("700", 0.92), after=(("-26", 0.9), *DATED)))
    assert "po_number" not in _offered(_read(("26065000", 0.92), after=(("A", 0.9), *DATED)))


def test_not_offered_with_a_word_not_the_labels_a_word_space_before_it() -> None:
    # a letter of the number's own prefix OCR parted from its figures: read again alone, still short
    assert "po_number" not in _offered(_read(("N", 0.9), ("26065000", 0.92)))


def _read_again(said: str, confidence: float) -> float:
    """The order number's confidence once its cut-out is read again, each way saying `said`."""
    sheet = _page(("700-26", 0.92))
    extraction = extract_orders([sheet])
    blank = PageImage.from_image(1, Image.new("1", (round(sheet.width), round(sheet.height)), 1), sheet.dpi)

    def scripted(crops: Sequence[PageImage]) -> list[PageWords]:
        text = (Word(said, 10.0, 5.0, 10.0 + 6 * len(said), 12.0, confidence),)
        return [PageWords(c.number, float(c.width), float(c.height), 72.0, text, "ocr") for c in crops]

    (order,) = confirm(extraction.orders, extraction.rechecks, [blank], [sheet], [scripted, scripted])
    found = order.evidence_for("po_number")
    assert found is not None
    return found.confidence


def test_read_again_alike_and_sure_it_is_vouched_for() -> None:
    assert _read_again("700-26", 0.96) >= UNSURE


def test_read_again_as_another_number_or_unsure_it_stays_for_a_person() -> None:
    assert _read_again("700-28", 0.96) < UNSURE
    assert _read_again("700-26", 0.6) < UNSURE

"""A value with ink beside it that OCR read unsurely and the word cleanup dropped
(parsers.ocr.recheck.doubt_dropped_ink).

The business rule: on a fax, "F-22261" after its label came out of OCR as "1" (the "F-", read at 0.17
over the box's height), "22261" (sure) and "61" (a smear wider than two figures); the cleanup drops the
"1" and "61" as specks, and the layout takes "22261" as sure.  A header field or line code with ink
beside it, touching its box or a character's width from it on its line, read unsurely and dropped, is
doubtful: a person looks at it.  Ink that survives the cleanup, ink further along the line or on
another line, and marks without a letter or figure leave the value as it was read.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from core.capture.domain.order import CapturedOrder, Evidence, Provenance
from parsers.ocr.recheck import doubt_dropped_ink

BOX = (1251.0, 516.0, 1324.0, 538.0)  # "22261", 22 pixels high
LABEL = (Word("Ref.", 975.0, 494.0, 1019.0, 538.0, 0.9), Word("pedido:", 1031.0, 494.0, 1120.0, 538.0, 0.86))
# body text enough for the page's text height (22 pixels)
BODY = tuple(Word(f"Linea{i}", 100.0, 700.0 + 40 * i, 200.0, 722.0 + 40 * i, 0.95) for i in range(6))


def _confidence(*beside: Word, path: str = "po_number") -> float:
    words = (*LABEL, Word("22261", *BOX, 0.96), *beside, *BODY)
    page = PageWords(1, 1728.0, 2200.0, 204.0, words, "ocr")
    found = Evidence(path, 0.96, Provenance(page=1, box=BOX, raw="22261"))
    (order,) = doubt_dropped_ink([CapturedOrder(po_number="22261", evidence=(found,))], [page])
    got = order.evidence_for(path)
    assert got is not None
    return got.confidence


def test_an_order_number_with_a_dropped_unsure_figure_over_it_is_doubtful() -> None:
    one = Word("1", 1105.0, 456.0, 1286.0, 546.0, 0.17)  # over a box's height: dropped as no text
    assert _confidence(one) < 0.8


def test_a_smear_read_as_figures_touching_the_value_makes_it_doubtful() -> None:
    smear = Word("61", 1292.0, 502.0, 1496.0, 528.0, 0.53)  # wider than any two figures: dropped
    assert _confidence(smear) < 0.8


def test_a_lone_unsure_letter_a_character_from_a_customer_number_makes_it_doubtful() -> None:
    letter = Word("F", 1236.0, 516.0, 1246.0, 538.0, 0.2)  # dropped as a speck, 5 pixels before it
    assert _confidence(letter, path="buyer.party_id") < 0.8
    assert _confidence(letter, path="lines[0].item_code") < 0.8


def test_an_order_number_alone_after_its_label_stays_as_read() -> None:
    assert _confidence() == 0.96


def test_dropped_ink_further_along_or_on_another_line_leaves_it_as_read() -> None:
    far = Word("F", 1400.0, 516.0, 1410.0, 538.0, 0.2)  # columns away
    below = Word("F", 1236.0, 600.0, 1246.0, 622.0, 0.2)
    assert _confidence(far, below) == 0.96


def test_ink_kept_read_surely_or_without_letters_leaves_it_as_read() -> None:
    kept = Word("F-", 1226.0, 516.0, 1246.0, 538.0, 0.5)  # two characters: kept as a word, not dropped
    sure = Word("61", 1292.0, 502.0, 1496.0, 528.0, 0.9)  # dropped, but read surely: a rule or smear
    speck = Word(".", 1330.0, 534.0, 1333.0, 538.0, 0.3)
    assert _confidence(kept, sure, speck) == 0.96


def test_a_total_is_left_to_the_order_s_sums() -> None:
    one = Word("1", 1105.0, 456.0, 1286.0, 546.0, 0.17)
    assert _confidence(one, path="total") == 0.96

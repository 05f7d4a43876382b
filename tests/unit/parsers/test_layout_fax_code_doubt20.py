"""A code read unsure stays in doubt when the price beside it is mended (faxflag20).  Each test builds its
page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks.

The rule: each field of a line carries its own evidence.  Master data vouches for a code read unsure when
the line's price agrees with what the customer pays for that product, but only a price the document
printed and OCR read sure can say that: a price worked out from the line's amount, or one whose lost
decimal mark was put back, says nothing the line's other figures or a guess did not, so the code's doubt
survives such a mend, and the mended price is doubted too."""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import doubted, numbers, page, read
from tests.unit.parsers.test_layout_fax_lost_figures19 import _listing

UNSURE = 0.5  # what OCR thought of a code's letters the fax smudged: below validation's floor of 0.8


def _smudged(lines: list[list[Word]], code: str) -> list[list[Word]]:
    """`lines` with the word `code` read with confidence `UNSURE`."""

    def smudged(w: Word) -> Word:
        return Word(w.text, w.x0, w.y0, w.x1, w.y1, UNSURE) if w.text == code else w

    return [[smudged(w) for w in ln] for ln in lines]


def _bolts(code: str, price: str) -> list[list[Word]]:
    """An Italian listing of 36 SIL-TRA-300 at 4,200 = 151,20, 2.500 pieces of `code` at `price` per 100
    for 450,00 (the product TOR-M8-40 costs 0,18 a piece in the demo master data) and 1.500 TOR-M10-60 at
    34,000 per 100 = 510,00; total 1.111,20.  The second line's code is read unsure."""
    rows = (
        ("00010", "SIL-TRA-300", "Silicona neutra", "36,00", "4,200", "1", "151,20"),
        ("00020", code, "Tornillo hexagonal M8x40", "2.500,00", price, "100", "450,00"),
        ("00030", "TOR-M10-60", "Tornillo hexagonal M10x60", "1.500,00", "34,000", "100", "510,00"),
    )
    return _smudged(_listing(rows, "1.111,20"), code)


def test_a_price_read_sure_that_agrees_with_master_data_vouches_for_a_code_read_unsure() -> None:
    # 18,000 per 100 is 0,18 a piece, what the customer pays for TOR-M8-40: the price, read as printed,
    # confirms the product, so the code read unsure needs no person
    got = read(page(*_bolts("TOR-M8-40", "18,000")))
    assert numbers(got)[1] == ("TOR-M8-40", "2500", "0.18")
    assert not doubted(got, "lines[1].item_code")
    assert not doubted(got, "lines[1].unit_price")


def test_a_price_worked_out_from_the_amount_leaves_the_code_read_unsure_in_doubt() -> None:
    # The fax lost the figures of "18,000" and OCR read "000": the price is worked out, 450 / 2.500 =
    # 0,18.  That it is TOR-M8-40's price says nothing the document printed: the code read unsure stays
    # for a person, and so does the price worked out.  The code's own evidence is what it was with the
    # price read as printed: the mend of the price changed no other field's evidence
    got = read(page(*_bolts("TOR-M8-40", "000")))
    assert numbers(got)[1] == ("TOR-M8-40", "2500", "0.18")
    assert doubted(got, "lines[1].unit_price")
    assert doubted(got, "lines[1].item_code")
    mended = extract_orders([page(*_bolts("TOR-M8-40", "000"))]).orders[0]
    as_printed = extract_orders([page(*_bolts("TOR-M8-40", "18,000"))]).orders[0]
    assert mended.evidence_for("lines[1].item_code") == as_printed.evidence_for("lines[1].item_code")


def test_a_price_whose_lost_mark_was_put_back_leaves_the_code_read_unsure_in_doubt() -> None:
    # The price column prints three decimals ("8,500", "3,600", "4,750"); on the second line the fax lost
    # the mark of "4,200" and OCR the amount. The mark is put back where the column prints it, 4,20, which
    # is SIL-TRA-300's price: a guess from the column's format, so it vouches for no code, and the code,
    # read unsure, waits with the price
    rows = (
        ("00010", "GUA-NIT-L", "Guantes de nitrilo talla L", "4,00", "8,500", "1", "34,00"),
        ("00020", "SIL-TRA-300", "Silicona neutra", "10,00", "4200", "1", "?"),
        ("00030", "GUA-TRA-9", "Guante de trabajo piel", "100,00", "3,600", "1", "360,00"),
        ("00040", "CHA-ALT-VIS", "Chaleco alta visibilidad", "100,00", "4,750", "1", "475,00"),
    )
    got = read(page(*_smudged(_listing(rows, "911,00"), "SIL-TRA-300")))
    assert numbers(got)[1] == ("SIL-TRA-300", "10", "4.2")
    assert doubted(got, "lines[1].unit_price")
    assert doubted(got, "lines[1].item_code")

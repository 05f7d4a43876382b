"""A faxed order number with a character that looks like both a letter and a figure where its letters
and figures meet ("PC26088411": its "2" after the "C" may be a "Z"; fine fax erp_ruled-183502, read 0.91):
it waits for a person on a problem of its own, `letter_or_figure`, which the customer's earlier orders
may settle (core.capture.services.deciding.settle_prefix), and no longer on a confidence lowered to 0.6
that nothing could lift.  Its reading is otherwise judged as any other number's: read sure, the field
is as sure as it was read.  A number with no such character carries no such hold.

The pages are built word by word, as the layout reader gets them from Tesseract.
"""

from __future__ import annotations

from dataclasses import replace

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import order, read, row

FLOOR = 0.8  # the confidence under which validation holds a field for a person
GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _faxed(number: str) -> PageWords:
    fax = order(GOOD)
    return replace(
        fax, words=tuple(replace(w, text=number) if w.text == "PED-26/00123" else w for w in fax.words)
    )


def _held(number: str) -> list[str]:
    (got,) = extract_orders([_faxed(number)]).orders
    return [p.code.value for p in got.problems if p.field == "po_number"]


def test_a_number_whose_figure_meets_its_letters_waits_on_a_hold_of_its_own() -> None:
    (got,) = extract_orders([_faxed("PC26088411")]).orders
    assert got.po_number == "PC26088411"
    assert "letter_or_figure" in [p.code.value for p in got.problems]
    found = got.evidence_for("po_number")
    assert found is not None and found.confidence >= FLOOR  # as sure as it was read


def test_without_the_customers_history_it_still_waits() -> None:
    got = read(_faxed("P02641628"))
    assert got["decision"] == "review"
    assert "letter_or_figure" in [p["code"] for p in got["problems"]]


def test_a_number_with_no_such_character_carries_no_such_hold() -> None:
    # guard
    assert _held("PED-26/00123") == []
    assert _held("OC-095042") == []

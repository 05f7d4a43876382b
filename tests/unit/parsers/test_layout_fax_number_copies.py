"""Two sightings of the order number that differ by one look-alike figure (parsers.layout.header_choice.
outnumbered).

The business rule: on a scan, where the order number's labelled sightings disagree by one character,
the value the document prints more often (each word that is one of the two values a copy, a title's
included) is taken, and stays doubtful (a person confirms it); with as many copies of each, the first
pick stands, doubtful too.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.layout import extract_orders
from parsers.layout.evidence import DOUBTFUL
from tests.unit.parsers.ocr_support import cells, order, row


def _fax(*extra: list) -> tuple[str | None, float]:
    base = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00", drop="Nº pedido:")
    words = [*cells(56, (50, "Nº pedido:"), (150, "PED-26/00128"))]
    words += cells(150, (50, "Ref. pedido:"), (150, "PED-26/00123"))
    for line in extra:
        words += line
    page = replace(base, words=base.words + tuple(words))
    (got,) = extract_orders([page]).orders
    evidence = got.evidence_for("po_number")
    assert evidence is not None
    return got.po_number, evidence.confidence


def test_the_value_printed_once_more_elsewhere_is_taken_doubtful() -> None:
    number, confidence = _fax(cells(20, (300, "Einkaufsbestellung"), (420, "PED-26/00123")))
    assert number == "PED-26/00123"
    assert confidence <= DOUBTFUL


def test_as_many_copies_of_each_leave_the_first_pick_doubtful() -> None:
    number, confidence = _fax()
    assert number == "PED-26/00128"
    assert confidence <= DOUBTFUL

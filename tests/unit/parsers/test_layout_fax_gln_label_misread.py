"""A buyer's GLN printed under the label "GLN" whose L a fax read as a U or an I, or whose G as a C
("GUN 8437000100010"). The business rule: a GLN is thirteen figures whose last is the check digit of
the others; where the figures after a word that is "GLN" a letter off pass that check, they are the
GLN printed (one number in ten passes it by chance, and the label says what it is). Figures that fail
the check, or a longer word before them, are no GLN."""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from parsers.layout.identifiers import in_text
from tests.unit.parsers.ocr_support import cells, order, read, row


def _glns(text: str) -> list[str]:
    return [i.value for i in in_text(text) if str(i.kind) == "gln"]


def test_a_gln_label_a_letter_off_gives_the_gln() -> None:
    for label in ("GUN", "GIN", "CLN", "G1N"):
        assert _glns(f"{label} 8437000100010") == ["8437000100010"], label


def test_figures_that_fail_the_check_or_a_longer_word_give_none() -> None:
    # guards: 8437000100017's check digit does not hold; "GUNS" is no GLN's label
    assert _glns("GUN 8437000100017") == []
    assert _glns("GUNS 8437000100010") == []


def test_the_customer_is_found_by_a_gln_so_labelled() -> None:
    # guard (passes on main too: the letterhead's name finds the customer as well): Ferretería Núñez
    # (C-1001) holds GLN 8437000100010; its customer number line is not printed, and the GLN so
    # labelled names no other customer
    base = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", drop="Nº cliente:")
    more = cells(126, (50, "GUN 8437000100010"))
    got = read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(more), "ocr"))
    assert got["customer_id"] == "C-1001"

"""Fine fax lines, eleventh round (faxfine11).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, order, page, read


def _listing(item: str) -> list[list[Word]]:
    """A Spanish buyer's SAP listing: positions under "POS.", the item number (our code or the buyer's
    numeric one) and the description in one column headed "ITEM # / DESCRIPTION", read by OCR as
    `item`; the description on the line under the code and a delivery date under that."""
    lines = [cells(40, (50, "ORDER NO.: 4556749915")), cells(54, (50, "PO DATE: 2026-11-26"))]
    y = 160.0
    lines.append(
        cells(y, (40, "POS."), (100, f"{item} # / DESCRIPTION"), (330, "QTY"), (370, "UOM"))
        + cells(y, (420, "PRICE"), (500, "LINE TOTAL"))
    )
    for position, code, text, qty, price, amount in (
        ("00010", "4712", "TUERCA HEXAGONAL M8 ZINCADA", "2000", "€0,05", "€100,00"),
        ("00020", "CIN-AIS-19", "CINTA AISLANTE 19 MM X 20 M NEGRA", "2500", "€0,95", "€2375,00"),
        ("00030", "4711", "TORNILLO HEXAGONAL M8X40 ZINCADO", "250", "€0,18", "€45,00"),
    ):
        y += 16
        lines.append(
            cells(y, (40, position), (100, code), (330, qty), (370, "uds"), (420, price), (500, amount))
        )
        y += 12
        lines.append(cells(y, (100, text)))
        y += 12
        lines.append(cells(y, (100, "DELIVERY DATE: 2026-12-12")))
    lines.append(cells(y + 28, (420, "TOTAL"), (500, "€2520,00")))
    return lines


def test_an_item_heading_whose_capital_i_ocr_read_as_an_inverted_mark_still_heads_the_codes() -> None:
    # A fine fax read "ITEM" as "¡TEM": the heading was then the position mark "#" and "DESCRIPTION",
    # no code column, and the buyer's numeric item numbers ("4712") were lost with the codes cut at the
    # description's edge.  An inverted mark where a word's capital I stands is that I, when the word
    # with it is a heading word and without it is none: the column heads codes and descriptions again
    got = read(page(*_listing("¡TEM")))
    assert [line["item_code"] for line in got["lines"]] == ["4712", "CIN-AIS-19", "4711"]
    assert got["lines"][0]["description"] == "TUERCA HEXAGONAL M8 ZINCADA"


def test_the_listing_as_printed_reads_the_same_codes() -> None:
    got = read(page(*_listing("ITEM")))
    assert [line["item_code"] for line in got["lines"]] == ["4712", "CIN-AIS-19", "4711"]


def test_a_quantity_cut_at_its_lost_group_point_with_a_speck_after_it_is_read_whole() -> None:
    # "2.500,00" printed, the fax lost its group point and left a speck after the cents: OCR read "2"
    # and "500,00." a character cell apart.  A group of three figures and the decimals after a figure
    # is the rest of the number, the speck after it no part of another word: 2.500 at 0,34 is 850,00
    qty = ((325, "2"), (325 + 5.4 + 7.0, "500,00."))
    got = read(
        order(
            [((50, "TOR-M10-60"), (130, "Tornillo"), *qty, (390, "uds"), (440, "0,34"), (505, "850,00"))],
            total="850,00",
        )
    )
    assert got["lines"][0]["quantity"] == "2500"
    assert got["lines"][0]["unit_price"] == "0.34"

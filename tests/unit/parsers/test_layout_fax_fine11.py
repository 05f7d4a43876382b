"""Fine fax lines, eleventh round (faxfine11).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, doubted, order, page, read, row


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


_HEADING = ((50, "Code"), (130, "Description"), (330, "Qty"), (390, "Unit"), (430, "Price"), (500, "Amount"))


def _shifted(*others: tuple[str, str, str, str, str]) -> dict[str, object]:
    """12 units at 4,54 = 54,48, the fax having lost both decimal marks ("12000" for 12,000, "454" for
    4,54), over the `others` rows (code, quantity, unit, price, amount) and their total."""
    rows = [row("TOR-M8-40", "12000", "454", "54,48")] + [
        row(code, qty, price, amount, unit=unit) for code, qty, unit, price, amount in others
    ]
    total = sum((Decimal(r[4].replace(",", ".")) for r in others), Decimal("54.48"))
    return read(order(rows, total=f"{total:.2f}".replace(".", ","), heading=_HEADING))


def test_a_quantity_and_price_whose_lost_marks_fit_the_amount_two_ways_wait_for_a_person() -> None:
    # "12000" and "454" on one line: 120,00 × 0,454 and 12,000 × 4,54 are both 54,48, as cheap a reading
    # each (a mark put back in both figures).  The amount and the total cannot say where the marks
    # stood; one other row is no column's format.  The line is not vouched for in either figure
    got = _shifted(("SIL-TRA-300", "10,000", "uds", "4,20", "42,00"))
    assert doubted(got, "lines[0].quantity") and doubted(got, "lines[0].unit_price")
    assert got["decision"] == "review"


def test_the_quantity_and_price_columns_other_rows_say_where_the_lost_marks_stood() -> None:
    # the same line under two rows that print their quantities to three places and their prices to two:
    # 12,000 at 4,54 puts both marks where the columns print theirs, 120,00 at 0,454 neither.  The
    # columns' format is no arithmetic, so the mended figures still wait for a person to confirm them
    got = _shifted(
        ("SIL-TRA-300", "10,000", "uds", "4,20", "42,00"), ("TAC-6", "5,000", "caja", "3,90", "19,50")
    )
    assert (got["lines"][0]["quantity"], got["lines"][0]["unit_price"]) == ("12", "4.54")
    assert doubted(got, "lines[0].quantity") and doubted(got, "lines[0].unit_price")


def test_a_letters_code_alone_under_its_heading_keeps_the_words_beside_it_as_its_description() -> None:
    # A French letter's line "[TOR-M8-40] Hex bolt M8x40 zinc plated" under "Désignation :", the colon
    # far to the right: the code stood alone in the heading's column and the words after it in a column
    # nobody named, so the line's description was the code alone and nothing confirmed the product the
    # code at its head names.  The words are the description run on past its column
    lines = [
        cells(40, (50, "This letter confirms our purchase order 241/26 of 26-11-2026. Please supply:")),
        cells(
            160, (45, "Désignation"), (206, ":"), (409, "Qté"), (437, "UV"), (473, "P.U."), (501, "Total HT")
        ),
        cells(174, (46, "[TOR-M8-40]"), (111, "Hex bolt M8x40 zinc plated"), (402, "1.500"), (437, "U"))
        + cells(174, (464, "0,18€"), (505, "270,00€")),
        cells(200, (327, "Total commande"), (501, "270,00 €")),
    ]
    got = read(page(*lines))
    assert got["lines"][0]["description"] == "TOR-M8-40 Hex bolt M8x40 zinc plated"
    assert got["lines"][0]["sku"] == "TOR-M8-40"

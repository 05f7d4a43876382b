"""The layout reader on OCR words of normal-resolution faxes: what their coarser boxes do to the columns.
Each test builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule."""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import STEP, cells, page, read


def test_a_second_heading_line_joins_the_column_it_stands_most_under() -> None:
    # "LINHA  CÓDIGO" over "PRODUTO": "PRODUTO" stands under "CÓDIGO" and begins within a text height of
    # the end of "LINHA"; it names the code column, so the position column must not reach over the codes
    # (taken into "LINHA", every code was cut in two where the two columns then met: "RA-300")
    lines = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026"))]
    lines.append(
        cells(
            160,
            (52, "LINHA"),
            (84, "CÓDIGO"),
            (170, "DESIGNAÇÃO"),
            (340, "QTD."),
            (430, "PREÇO"),
            (500, "TOTAL"),
        )
    )
    lines.append(cells(171, (84, "PRODUTO")))
    rows = [
        ("10", "SIL-TRA-300", "Silicona neutra 300 ml", "12", "4,20", "50,40"),
        ("20", "TAC-6", "Taco de nailon 6 mm", "8", "3,90", "31,20"),
        ("30", "CIN-AIS-19", "Cinta aislante 19 mm", "5", "0,95", "4,75"),
    ]
    y = 171.0
    for pos, code, desc, qty, price, amount in rows:
        y += STEP
        lines.append(cells(y, (55, pos), (84, code), (170, desc), (345, qty), (430, price), (500, amount)))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, "86,35")))
    got = read(page(*lines))
    assert [(line["item_code"], line["sku"]) for line in got["lines"]] == [
        ("SIL-TRA-300", "SIL-TRA-300"),
        ("TAC-6", "TAC-6"),
        ("CIN-AIS-19", "CIN-AIS-19"),
    ]


def _order(heading: list[list[Word]], rows: list[list[Word]], total: str) -> PageWords:
    lines = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026")), *heading]
    y = max(w.y0 for line in rows for w in line)
    return page(*lines, *rows, cells(y + 2 * STEP, (430, "Total"), (500, total)))


def test_an_item_column_counting_the_rows_is_their_number_though_a_speck_stands_before_one() -> None:
    # "ITEM" over "‘001", "002", "003" (a speck read against the first), the codes on a labelled line
    # under each row: the ITEM column numbers the rows, and each line's code is the labelled one
    heading = [cells(160, (50, "ITEM"), (130, "PRODUCT"), (340, "QTY"), (430, "PRICE"), (500, "AMOUNT"))]
    rows = []
    for n, (pos, code, desc, qty, price, amount) in enumerate(
        [
            ("‘001", "TAC-6", "Nylon wall plug 6 mm", "8", "3.90", "31.20"),
            ("002", "CIN-AIS-19", "Insulating tape 19 mm", "5", "0.95", "4.75"),
            ("003", "LLA-AJ-250", "Adjustable wrench 250 mm", "2", "12.80", "25.60"),
        ]
    ):
        y = 160 + (2 * n + 1) * STEP
        rows.append(cells(y, (52, pos), (130, desc), (345, qty), (430, price), (500, amount)))
        rows.append(cells(y + STEP, (130, f"ITEM CODE: {code}")))
    got = read(_order(heading, rows, "61.55"))
    assert [(line["line_no"], line["item_code"], line["sku"]) for line in got["lines"]] == [
        ("1", "TAC-6", "TAC-6"),
        ("2", "CIN-AIS-19", "CIN-AIS-19"),
        ("3", "LLA-AJ-250", "LLA-AJ-250"),
    ]


def test_zero_padded_numbers_under_a_lost_heading_before_the_table_number_its_rows() -> None:
    # "00010", "00020", "00030" left of the first heading, whose own heading OCR lost: the rows' numbers
    # (not item codes), and each line's code is the one printed at the head of its description
    heading = [cells(160, (130, "Description"), (340, "Quantity"), (430, "Price"), (500, "Amount"))]
    rows = [
        cells(160 + (n + 1) * STEP, (52, pos), (130, desc), (345, qty), (430, price), (500, amount))
        for n, (pos, desc, qty, price, amount) in enumerate(
            [
                ("00010", "TAC-6 Taco de nailon 6 mm", "8", "3.90", "31.20"),
                ("00020", "CIN-AIS-19 Cinta aislante 19 mm", "5", "0.95", "4.75"),
                ("00030", "LLA-AJ-250 Llave ajustable 250 mm", "2", "12.80", "25.60"),
            ]
        )
    ]
    got = read(_order(heading, rows, "61.55"))
    assert [(line["line_no"], line["sku"]) for line in got["lines"]] == [
        ("10", "TAC-6"),
        ("20", "CIN-AIS-19"),
        ("30", "LLA-AJ-250"),
    ]
    assert "00010" not in [line["item_code"] for line in got["lines"]]


def _dated(*fields: str) -> PageWords:
    """An order whose header holds `fields` (label and value a column apart) and one line."""
    lines = [cells(40, (50, "Nº pedido: PED-26/00123"))]
    for n, text in enumerate(fields):
        label, value = text.split(" | ")
        lines.append(cells(54 + STEP * n, (50, label), (160, value)))
    lines.append(
        cells(160, (50, "Código"), (130, "Descripción"), (340, "Cantidad"), (430, "Precio"), (500, "Importe"))
    )
    lines.append(
        cells(174, (50, "TAC-6"), (130, "Taco de nailon 6 mm"), (345, "8"), (430, "3,90"), (500, "31,20"))
    )
    lines.append(cells(202, (430, "Total"), (500, "31,20")))
    return page(*lines)


def test_a_date_whose_point_ocr_read_as_a_comma_is_read() -> None:
    # "23,11.2026" and "09,12/2026": a normal fax's point read as a comma; the dates are still the
    # order's dates (left unread, they held the order for a clerk to type them)
    got = read(_dated("Fecha: | 23,11.2026", "Entrega: | 09,12/2026"))
    assert (got["order_date"], got["requested_delivery_date"]) == ("2026-11-23", "2026-12-09")


def test_an_iso_date_ocr_parted_before_its_day_is_read() -> None:
    # "2026-11 -25": the day set a word space apart from the year and month
    got = read(_dated("Datum: | 2026-11 -25"))
    assert got["order_date"] == "2026-11-25"


def test_an_amount_with_a_comma_is_no_date() -> None:
    # "3,15.20" and "1,250.2026" are no dates: a repaired date needs a four-digit year after it, and a
    # number with more than two figures before its comma is an amount
    got = read(_dated("Fecha: | 3,15.20", "Importe: | 1,250.2026"))
    assert got["order_date"] is None


def test_a_labelled_code_ocr_parted_in_two_is_read_whole() -> None:
    # "REF.: LLA-AJ 250" and "REF.: CIN-A1S -19" under their rows: OCR lost a hyphen or read the code
    # as two words; the piece after the first belongs to the code, and the product is the one the
    # code (one slip away) and the description both name
    heading = [cells(160, (50, "Descripción"), (340, "Cantidad"), (430, "Precio"), (500, "Importe"))]
    rows = []
    for n, (code, desc, qty, price, amount) in enumerate(
        [
            ("LLA-AJ 250", "Llave ajustable 250 mm", "2", "12,80", "25,60"),
            ("CIN-A1S -19", "Cinta aislante 19 mm", "5", "0,95", "4,75"),
        ]
    ):
        y = 160 + (2 * n + 1) * STEP
        rows.append(cells(y, (50, desc), (345, qty), (430, price), (500, amount)))
        rows.append(cells(y + STEP, (50, f"REF.: {code}")))
    got = read(_order(heading, rows, "30,35"))
    assert [line["sku"] for line in got["lines"]] == ["LLA-AJ-250", "CIN-AIS-19"]


def test_a_word_after_a_labelled_code_is_not_a_piece_of_it() -> None:
    # "REF.: TAC-6 Nylon": a word with small letters after the code is text, not a piece of the code
    heading = [cells(160, (50, "Descripción"), (340, "Cantidad"), (430, "Precio"), (500, "Importe"))]
    rows = [
        cells(174, (50, "Taco de nailon 6 mm"), (345, "8"), (430, "3,90"), (500, "31,20")),
        cells(188, (50, "REF.: TAC-6 Nylon")),
    ]
    got = read(_order(heading, rows, "31,20"))
    assert [(line["item_code"], line["sku"]) for line in got["lines"]] == [("TAC-6", "TAC-6")]


def test_a_code_heading_a_column_gap_after_the_description_heads_a_column_of_its_own() -> None:
    # "ARTÍCULO DESCRIPCIÓN ... REF." with the slash between the first two lost to OCR: "REF." stands
    # a column gap after "DESCRIPCIÓN" and heads the codes; taken into the description's heading, the
    # codes went into the descriptions and the first words of each description became its code
    heading = [
        cells(
            160,
            (50, "ARTÍCULO"),
            (100, "DESCRIPCIÓN"),
            (230, "REF."),
            (340, "UDS."),
            (430, "PRECIO"),
            (500, "IMPORTE"),
        )
    ]
    rows = [
        cells(
            174,
            (50, "Silicona neutra 300 ml"),
            (230, "SIL-TRA-300"),
            (345, "12"),
            (430, "4,20"),
            (500, "50,40"),
        ),
        cells(188, (50, "Taco de nailon 6 mm"), (230, "TAC-6"), (345, "8"), (430, "3,90"), (500, "31,20")),
    ]
    got = read(_order(heading, rows, "81,60"))
    assert [(line["item_code"], line["sku"]) for line in got["lines"]] == [
        ("SIL-TRA-300", "SIL-TRA-300"),
        ("TAC-6", "TAC-6"),
    ]

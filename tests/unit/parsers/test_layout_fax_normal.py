"""The layout reader on OCR words of normal-resolution faxes: what their coarser boxes do to the columns.
Each test builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule."""

from __future__ import annotations

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

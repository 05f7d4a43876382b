"""A scanned table whose heading OCR garbled past knowing, found from its rows' arithmetic
(`parsers.layout.unheaded`), with the rows' zero-padded positions in a column of their own left of the
item codes.  The business rule: a column whose cells count the rows up (00010, 00020, 00030 …) numbers
the lines, whatever a fax made of one of them ("000370" for 00030); the item codes are the column
beside it, and each line is ordered under its own product code, never under its position."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import cells, numbers, page, read

# "Pos. | Código | Descripción | Cantidad | Precio | Importe", every word garbled past knowing
GARBLED = (
    (50, "P0s"),
    (100, "C6d1gc"),
    (170, "Dcscr1pc1cn"),
    (330, "Ca;t1d4d"),
    (430, "Pr3c1c"),
    (500, "1mp0rtc"),
)


def _row(pos: str, code: str, desc: str, qty: str, price: str, amount: str) -> tuple:
    return (50, pos), (100, code), (170, desc), (350, qty), (390, "uds"), (440, price), (505, amount)


def _order(positions: tuple[str, str, str, str]) -> list:
    items = [
        ("TOR-M8-40", "Tornillo hexagonal M8x40", "250", "0,18", "45,00"),
        ("TUE-M8", "Tuerca hexagonal M8", "222", "0,05", "11,10"),
        ("ARA-M8", "Arandela plana M8", "1000", "0,02", "20,00"),
        ("TUE-M8", "Tuerca hexagonal M8", "100", "0,05", "5,00"),
    ]
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: PED-26/00123")),
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(98, (50, "Nº cliente: C-1001")),
        cells(160, *GARBLED),
    ]
    y = 160.0
    for pos, item in zip(positions, items, strict=True):
        y += 14
        lines.append(cells(y, *_row(pos, *item)))
    lines.append(cells(y + 28, (430, "Total"), (500, "81,10")))
    return [w for line in lines for w in line]


WANT = [
    ("TOR-M8-40", "250", "0.18"),
    ("TUE-M8", "222", "0.05"),
    ("ARA-M8", "1000", "0.02"),
    ("TUE-M8", "100", "0.05"),
]


def test_a_position_a_fax_spoilt_does_not_make_the_positions_the_item_codes() -> None:
    # "000370": position 00030 with a speck read as a figure; the column still counts the rows up
    got = read(page(_order(("00010", "00020", "000370", "00040"))))
    assert numbers(got) == WANT


def test_positions_read_as_printed_number_the_lines_as_before() -> None:
    got = read(page(_order(("00010", "00020", "00030", "00040"))))
    assert numbers(got) == WANT
    assert [line["line_no"] for line in got["lines"]] == ["10", "20", "30", "40"]

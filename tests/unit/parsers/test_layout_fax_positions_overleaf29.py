"""A table carried over to a second scanned page under the same heading, "Item | Product | Quantity |
U/M | Price each | Net amount", whose "Item" column numbers the rows (001, 002 …) and whose codes stand
on a labelled line under each row ("Item Code: TUE-M8").  The business rule: a column holds on the
second page what it held on the first, so when the first page's cells showed the "Item" column to count
the rows up, the second page's "Item" column numbers its rows too, even where a fax spoilt one of them
("4005" for 005), and each line is ordered under the code its own labelled line gives."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import cells, numbers, page, read

HEADING = (
    (50, "Item"),
    (85, "Product"),
    (330, "Quantity"),
    (390, "U/M"),
    (430, "Price each"),
    (500, "Net amount"),
)


def _rows(y: float, items: list[tuple[str, str, str, str, str, str]]) -> list:
    out = []
    for pos, code, qty, price, amount, desc in items:
        out.append(cells(y, (50, pos), (85, desc), (340, qty), (390, "units"), (440, price), (505, amount)))
        out.append(cells(y + 14, (85, f"Item Code: {code}")))
        y += 28
    return out


def _order(third: str) -> list:
    first = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: PED-26/00123")),
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(98, (50, "Nº cliente: C-1001")),
        cells(160, *HEADING),
        *_rows(
            174,
            [
                ("001", "TOR-M8-40", "250", "0,18", "45,00", "Hex bolt M8x40"),
                ("002", "TUE-M8", "222", "0,05", "11,10", "Hex nut M8"),
                ("003", "ARA-M8", "1000", "0,02", "20,00", "Flat washer M8"),
            ],
        ),
        cells(270, (330, "Carried forward"), (505, "76,10")),
    ]
    second = [
        cells(60, *HEADING),
        *_rows(
            74,
            [
                ("004", "TUE-M8", "100", "0,05", "5,00", "Hex nut M8"),
                (third, "TOR-M8-40", "50", "0,18", "9,00", "Hex bolt M8x40"),
                ("006", "ARA-M8", "500", "0,02", "10,00", "Flat washer M8"),
            ],
        ),
        cells(170, (430, "Total"), (505, "100,10")),
    ]
    return [page(*first, number=1), page(*second, number=2)]


WANT = [
    ("TOR-M8-40", "250", "0.18"),
    ("TUE-M8", "222", "0.05"),
    ("ARA-M8", "1000", "0.02"),
    ("TUE-M8", "100", "0.05"),
    ("TOR-M8-40", "50", "0.18"),
    ("ARA-M8", "500", "0.02"),
]


def test_positions_overleaf_with_one_spoilt_are_not_taken_for_the_codes() -> None:
    assert numbers(read(_order("4005"))) == WANT


def test_positions_overleaf_read_as_printed_are_positions_as_before() -> None:
    assert numbers(read(_order("005"))) == WANT

"""Order rows found on a scanned monospaced printout whose table heading OCR lost and whose prices it
garbled, so that no row's quantity × price = amount can be read: the rows by their shape (a code,
words, figures ending in the same character columns) and the columns' roles by what they hold
(parsers.layout.shaped).  Lines so found are guesses and wait for a person."""

from __future__ import annotations

import pytest

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from parsers.layout.geometry import read_page
from parsers.layout.shaped import shaped_row
from tests.unit.parsers.ocr_support import CHAR, numbers, page, read, word

LEFT = 42.0
PITCH = 13.0  # points from one printed line to the next


def _printed(y: float, text: str) -> list[Word]:
    """A line of a fixed-pitch printer: each word where its first character's column puts it."""
    out, column = [], 0
    for part in text.split(" "):
        if part:
            out.append(word(part, LEFT + CHAR * column, y))
        column += len(part) + 1
    return out


def _row(code: str, description: str, qty: str, unit: str, price: str, amount: str) -> str:
    """A table row as a dot-matrix listing sets it: code and description left-aligned, figures
    right-aligned, each in its fixed character width."""
    cells = (
        code.ljust(14),
        description.ljust(32),
        qty.rjust(9),
        unit.ljust(6),
        price.rjust(11),
        amount.rjust(12),
    )
    return "  ".join(cells).rstrip()


HEADER = [
    "FERRETERIA NUNEZ S.L.                           PEDIDO",
    "C/ MAYOR 1                                      N/PEDIDO .......: PED-26/00123",
    "50001 ZARAGOZA                                  FECHA ..........: 23.11.26",
    "TEL/FAX 976 55 01 00                            N/CLIENTE ......: C-1001",
    "=" * 60,
]
# the prices as a fax garbled them: a stroke, a semicolon and letters where figures and marks were
ROWS = [
    _row("TOR-M8-40", "TORNILLO HEXAGONAL M8X40", "250", "UDS", "0,1/0", "45,00"),
    _row("TUE-M8", "TUERCA HEXAGONAL M8", "222", "UDS", "0;O5O", "11,10"),
    _row("ARA-M8", "ARANDELA PLANA M8", "1000", "UDS", "n,n2n", "20,00"),
]


def _listing(heading: str | None, rows: list[str]) -> list[Word]:
    lines = [*HEADER, *([heading] if heading is not None else []), "-" * 60, *rows, "-" * 60]
    lines.append(" " * 40 + "TOTAL (EUR) .......:      76,10")
    return [w for i, text in enumerate(lines) for w in _printed(40 + PITCH * i, text)]


@pytest.mark.parametrize("heading", ["xxxxxx  xxxxxxxxxxx  xxxxxxxx  xx  xxxxxx  xxxxxxx", None])
def test_a_listing_whose_heading_and_prices_ocr_garbled_is_read_from_its_rows_and_held(
    heading: str | None,
) -> None:
    got = read(page(_listing(heading, ROWS)))
    # the quantities as printed, each price the line's amount over its quantity (45,00 / 250 = 0,18)
    assert numbers(got) == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "222", "0.05"),
        ("ARA-M8", "1000", "0.02"),
    ]
    assert [line["description"] for line in got["lines"]] == [
        "TORNILLO HEXAGONAL M8X40",
        "TUERCA HEXAGONAL M8",
        "ARANDELA PLANA M8",
    ]
    # which column was the quantity and which the amount was a guess no arithmetic on the line bears
    # out: the figures wait for a person
    assert got["decision"] != "accept"
    doubted = {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
    assert {f"lines[{i}].{name}" for i in range(3) for name in ("quantity", "amount")} <= doubted


def test_a_guessed_lines_code_stays_doubtful_beside_a_price_worked_out_from_its_amount() -> None:
    rows = [*ROWS[:2], _row("XYZ-999", "ARTICULO DESCONOCIDO", "1000", "UDS", "n,n2n", "20,00")]
    order = extract_orders([page(_listing(None, rows))]).orders[0]
    confidence = {e.field: e.confidence for e in order.evidence}
    assert [line.item_code for line in order.lines] == ["TOR-M8-40", "TUE-M8", "XYZ-999"]
    assert all(confidence[f"lines[{i}].item_code"] < 0.8 for i in range(3))
    got = read(page(_listing(None, rows)))
    # TOR-M8-40 and TUE-M8 are products, XYZ-999 is none; but the prices the two products' lines
    # carry were worked out from their amounts (the printed ones are garbled), and a price nobody read
    # vouches for no code (validation.doubt._price_read): every guessed code still waits for a person
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8", None]
    doubted = {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
    assert {"lines[0].item_code", "lines[1].item_code", "lines[2].item_code"} <= doubted
    assert got["decision"] != "accept"


def test_rows_whose_figures_read_as_printed_and_do_not_add_up_are_no_table() -> None:
    # 250 × 0,30 is 75,00, not 45,00; 222 × 0,09 is 19,98, not 11,10: whatever these columns are, they
    # are not a quantity, its price and their amount, and nothing says what else they might be
    rows = [
        _row("TOR-M8-40", "TORNILLO HEXAGONAL M8X40", "250", "UDS", "0,30", "45,00"),
        _row("TUE-M8", "TUERCA HEXAGONAL M8", "222", "UDS", "0,09", "11,10"),
        _row("ARA-M8", "ARANDELA PLANA M8", "1000", "UDS", "n,n2n", "20,00"),
    ]
    assert extract_orders([page(_listing(None, rows))]).orders[0].lines == ()


def test_a_page_of_prose_with_numbers_has_no_rows_invented() -> None:
    letter = [
        "FERRETERIA NUNEZ S.L.                           N/PEDIDO: PED-26/00123",
        "",
        "Muy senores nuestros:",
        "",
        "2026 ha sido un buen ano para nosotros y les agradecemos el trato de 2025 y 2024.",
        "250 cajas de tornillos llegaron el dia 12 y otras 40 el 18,",
        "M8X40 fue la medida que pedimos, a 0,18 el precio unitario y 45,00 el total,",
        "B-50123456 es nuestro CIF; pendientes de pago, las facturas 1.234,56 12,00",
        "C-1001 es nuestro numero de cliente desde 1998, con descuentos 5 2,50",
        "",
        "Atentamente, 23.11.26",
    ]
    words = [w for i, text in enumerate(letter) for w in _printed(40 + PITCH * i, text)]
    # lines that begin with a code-like word and end in figures, as rows do, but whose figures stand
    # in no common columns
    assert sum(shaped_row(line) is not None for line in read_page(page(words)).lines) >= 2
    order = extract_orders([page(words)]).orders[0]
    assert order.lines == ()

"""Normal fax lines (faxln23): a row whose figures a fax spoilt wholly into letters, kept in its place
so the lines after it stay the lines they are, and a money sign a speck doubled ("€£192.00") or an
underline speck before it ("_€12.80").  Each test builds its page word by word (tests.unit.parsers.
ocr_support), figures set right-aligned as tables print them, and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import Word
from parsers.layout.numbers import looks_numeric, strip_money
from tests.unit.parsers.ocr_support import CHAR, cells, doubted, numbers, page, read

# right edges of the quantity, unit, price and amount columns: figures end there, whatever their width
QTY, UNIT, PRICE, AMOUNT = 370.0, 379.0, 452.0, 548.0


def _right(edge: float, text: str) -> tuple[float, str]:
    """A phrase set right-aligned to end at `edge`, as a table prints its figures."""
    return edge - CHAR * len(text) - (len(text.split()) - 1) * 2.8, text


def _french(rows: tuple[tuple[str, str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """A French order: `rows` (code, description, quantity, unit, price, amount) as OCR read them,
    each with a delivery line under it, and the printed `total`."""
    heading = cells(160, (62, "Réf."), (126, "Désignation"), (329, "Quantité"), (379, "Unité"))
    heading += cells(160, (420, "Prix unit."), (505, "Montant HT"))
    lines = [cells(40, (50, "Commande N°: CF-26/0977")), cells(54, (50, "Date: 24/11/2026")), heading]
    y = 160.0
    for code, name, qty, unit, price, amount in rows:
        y += 22
        figures = (_right(QTY, qty), (UNIT, unit), _right(PRICE, price), _right(AMOUNT, amount))
        lines.append(cells(y, (62, code), (126, name), *figures))
        lines.append(cells(y + 10, (126, "Livraison: 09-12-2026")))
    lines.append(cells(y + 34, (420, "Total commande"), _right(AMOUNT, total)))
    return lines


_RIGHT_ROWS = (
    ("GUA-NIT-L", "Nitrile gloves size L", "1", "CT", "€8.50", "€8.50"),
    ("BRO-HSS-8", "HSS drill bit 8 mm", "5", "pieces", "€2.45", "€12.25"),
    ("SIL-TRA-300", "Neutral silicone 300 ml", "24", "pieces", "€4.20", "€100.80"),
)


def test_a_row_whose_figures_a_fax_spoilt_into_letters_keeps_its_place() -> None:
    # The first row printed "TUE-M8 Hex nut M8 500 pieces €0.05 €25.00"; the fax left letters only
    # ("BGG)" for 500, "LR" for €0.05, "deb. vv" for €25.00), no digit to show them figures, but each
    # ends where the other rows' figures end in its column: an order line, not more text.  Before, it
    # was dropped and every later row read as the line above it (the gloves as line 1): now line 1 is
    # an unread line for a person and the gloves, drill bits and silicone are lines 2 to 4.
    spoilt = ("TUF Ma", "Hea ol MS ein", "BGG)", "pleces", "LR", "deb. vv")
    got = read(page(*_french((spoilt, *_RIGHT_ROWS), "€146.55")))
    assert numbers(got) == [
        (None, None, None),
        ("GUA-NIT-L", "1", "8.5"),
        ("BRO-HSS-8", "5", "2.45"),
        ("SIL-TRA-300", "24", "4.2"),
    ]
    assert got["decision"] != "accept"


def test_words_that_do_not_end_where_the_figures_end_are_no_lost_row() -> None:
    # The same order with a remark between its rows whose words run across the quantity, price and
    # amount columns ("Deliver the silicone with the gloves please, same pallet"): words end wherever
    # they end, not at the figures' right edges, so the remark is no order line of its own.
    lines = _french(_RIGHT_ROWS, "€121.55")
    # between the gloves (lines 3 and 4) and the drill bits: its words flow from the left, as words do
    remark = ((126, "Deliver the silicone"), (330, "with the"), (400, "gloves please,"), (490, "same pallet"))
    lines.insert(5, cells(197, *remark))
    got = read(page(*lines))
    assert numbers(got) == [
        ("GUA-NIT-L", "1", "8.5"),
        ("BRO-HSS-8", "5", "2.45"),
        ("SIL-TRA-300", "24", "4.2"),
    ]


def test_a_money_sign_doubled_by_a_speck_still_prints_the_figures() -> None:
    # "€£192.00" is €192.00 with a speck that made the euro sign look like two signs, and "_€12.80"
    # €12.80 with an underline speck before it: the figures are read, the speck left out, and the
    # currency is stated only by a sign read alike twice.  Before, neither read as a number.
    assert strip_money("€£192.00") == ("192.00", None)
    assert strip_money("€€5,00") == ("5,00", "EUR")
    assert strip_money("_€12.80") == ("12.80", "EUR")
    assert looks_numeric("£€180,00")
    assert not looks_numeric("€£")


def test_a_row_whose_price_and_amount_carry_spoilt_signs_is_read() -> None:
    # "15 pieces _€12.80 €£192.00": 15 x 12.80 = 192.00, the wrench's line as printed.  Before, the
    # row's price and amount read as no number, and the row was dropped for a person to find.
    rows = (*_RIGHT_ROWS, ("LLA-AJ-250", "Adjustable wrench 250 mm", "15", "pieces", "_€12.80", "€£192.00"))
    got = read(page(*_french(rows, "€313.55")))
    assert numbers(got)[3] == ("LLA-AJ-250", "15", "12.8")
    assert Decimal(got["lines"][3]["amount"]) == Decimal("192.00")


def _spanish(rows: tuple[tuple[str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """A Spanish dot-matrix order: `rows` (code, description, quantity, price, amount) as OCR read them,
    the quantities printed with a space between their thousands ("25 000"), and the printed `total`."""
    heading = cells(160, (62, "CÓDIGO"), (126, "DESCRIPCIÓN"), (329, "CANTIDAD"), (379, "UD"))
    heading += cells(160, (420, "PRECIO"), (505, "IMPORTE"))
    lines = [cells(40, (50, "PEDIDO Nº: 26/20878")), cells(54, (50, "FECHA: 24/11/2026")), heading]
    y = 160.0
    for code, name, qty, price, amount in rows:
        y += 16
        figures = (_right(QTY, qty), (UNIT, "pz"), _right(PRICE, price), _right(AMOUNT, amount))
        lines.append(cells(y, (62, code), (126, name), *figures))
    lines.append(cells(y + 28, (420, "TOTAL"), _right(AMOUNT, total)))
    return lines


def test_a_quantity_whose_thousands_a_fax_spoilt_is_worked_out_from_its_price_and_amount() -> None:
    # "5 000" read "5 Y 900" and "25 000" read "25 0 000": the head figures stand as printed and more
    # ink a group's gap after them shows the thousands; 250,00 / 0,05 = 5000 begins with the 5 and
    # runs on for one group of three, 500,00 / 0,02 = 25000 with the 25.  Before, the quantities were
    # read 5 and 25, and the lines did not add up.  Worked out, not read: only the order's total may
    # vouch for them with the arithmetic; without a total a person confirms them.
    rows = (
        ("TUE-M8", "TUERCA HEXAGONAL M8", "5 Y 900", "0,05", "250,00"),
        ("ARA-M8", "ARANDELA PLANA M8", "25 0 000", "0,02", "500,00"),
        ("BRO-HSS-8", "BROCA HSS 8 MM", "60", "2,45", "147,00"),
    )
    got = read(page(*_spanish(rows, "897,00")))
    assert numbers(got) == [
        ("TUE-M8", "5000", "0.05"),
        ("ARA-M8", "25000", "0.02"),
        ("BRO-HSS-8", "60", "2.45"),
    ]
    untotalled = read(page(*_spanish(rows, "897,00")[:-1]))
    assert numbers(untotalled) == numbers(got)
    assert doubted(untotalled, "lines[0].quantity")
    assert doubted(untotalled, "lines[1].quantity")
    assert not doubted(untotalled, "lines[2].quantity")


def test_a_quantity_the_arithmetic_gives_other_figures_than_printed_is_not_worked_out() -> None:
    # "3 d0@" at 0,05 for 250,00: 250,00 / 0,05 = 5000 does not begin with the 3 the fax left, so the
    # print and the arithmetic disagree and nothing is worked out: the line stays for a person as read.
    rows = (
        ("TUE-M8", "TUERCA HEXAGONAL M8", "3 d0@", "0,05", "250,00"),
        ("BRO-HSS-8", "BROCA HSS 8 MM", "60", "2,45", "147,00"),
    )
    got = read(page(*_spanish(rows, "397,00")))
    assert numbers(got)[0][1] != "5000"
    assert got["decision"] != "accept"

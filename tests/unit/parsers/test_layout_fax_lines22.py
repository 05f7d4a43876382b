"""Fine fax lines (faxln22): a dot-matrix listing whose decimal comma the fax turned into a slash or a
bracket ("17/00", "61),20"), and whose quantities printed with a space before their thousands
("1 000,000") OCR cut in two.  Each test builds its page word by word (tests.unit.parsers.
ocr_support) and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import Word
from parsers.layout.evidence import Recorder
from parsers.layout.geometry import read_page
from parsers.layout.items import build
from parsers.layout.rows import Draft
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read, silicone_page


def _listing(rows: tuple[tuple[str, str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """A Spanish dot-matrix listing with a discount column: `rows` (code, head of the quantity printed
    left of its column or "", quantity, price, discount, amount) as OCR read them, then the total; an
    amount's pieces stand a character cell apart, as where a fax lost its comma."""
    heading = cells(170, (43, "POS."), (71, "COD."), (143, "DESCRIPCION"), (345, "CANTIDAD"), (393, "UM"))
    heading += cells(170, (432, "PRECIO"), (471, "DTO."), (533, "IMPORTE"))
    lines = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026")), heading]
    y = 170.0
    for i, (code, head, qty, price, discount, amount) in enumerate(rows, 1):
        y += 12
        placed = [(43, f"00{i}"), (71, code), (143, "ARTICULO"), (351, qty), (393, "NR"), (413, price)]
        placed += [(446, "EUR"), (485, discount), (552, "EUR")]
        # an amount's pieces ("51 00") stand a character cell apart: the comma's, left blank
        x = 523.0
        for piece in amount.split():
            placed.append((x, piece))
            x += 5.4 * (len(piece) + 1)
        if head:
            placed.append((351 - 2.8 - 5.4 * len(head), head))
        lines.append(cells(y, *((x, t) for x, t in placed if t)))
    lines.append(cells(y + 28, (440, "TOTAL"), (523, total), (552, "EUR")))
    return lines


def test_amounts_whose_decimal_comma_reads_as_a_slash_or_a_bracket_check_their_lines() -> None:
    # A dot-matrix comma, faxed, is read as a slash ("17/00" for 17,00) or with a bracket run into it
    # ("61),20"): no number prints a slash or a bracket before its cents, so the figures are the
    # amount with its comma.  With the amount read, the quantities cut in two ("1" left of the
    # column, "000,000" under it: one thousand) are told by the arithmetic from the zero their tail
    # alone reads as: 1 000 × 0,0200 less 15 % = 17,00.  Before, these amounts were no numbers at
    # all, the lines were left unchecked, and "000,000" stood as a quantity of nothing.
    rows = (
        ("ARA-M8", "1", "000,000", "0,0200", "15,00", "17/00"),
        ("TUE-M8", "1", "000,000", "0,0350", "", "35/00"),
        ("TAC-6", "", "20,000", "3,6000", "15,00", "61),20"),
        ("SIL-TRA-300", "", "10,000", "4,2000", "", "42,00"),
    )
    got = read(page(*_listing(rows, "155,20")))
    assert numbers(got) == [
        ("ARA-M8", "1000", "0.02"),
        ("TUE-M8", "1000", "0.035"),
        ("TAC-6", "20", "3.6"),
        ("SIL-TRA-300", "10", "4.2"),
    ]
    assert [Decimal(line["amount"]) for line in got["lines"]][:3] == [
        Decimal("17"),
        Decimal("35"),
        Decimal("61.2"),
    ]


def test_a_line_with_a_discount_never_agrees_on_a_quantity_of_nothing() -> None:
    # "5" left of the quantity column and "000,000" under it are five thousand; the amount "51,00"
    # was read as "51" and "00".  Zero units less the discount is zero, which the "00" alone also
    # reads as; but no order line orders nothing, so that pair of zeros settles nothing, and the
    # amount read whole says 5 000 × 0,0120 less 15 % = 51,00.  Before, the line was read as a
    # quantity of 0 agreeing with its amount 0.
    rows = (
        ("TOR-M8-40", "5", "000,000", "0,0120", "15,00", "51 00"),
        ("SIL-TRA-300", "", "10,000", "4,2000", "", "42,00"),
    )
    got = read(page(*_listing(rows, "93,00")))
    assert numbers(got)[0] == ("TOR-M8-40", "5000", "0.012")
    assert Decimal(got["lines"][0]["amount"]) == Decimal("51")


def test_a_slash_before_more_than_two_figures_is_no_decimal_mark() -> None:
    # A guard: "17/000" or "24/1000" is no amount to the cent with its comma read as a slash (a price
    # for 1,000 units is printed so, and read so elsewhere); such an amount cell stays unread and the
    # line is worked out from its quantity and price alone, never checked by it.
    rows = (("SIL-TRA-300", "", "10,000", "4,2000", "", "42/000"),)
    got = read(page(*_listing(rows, "42,00")))
    assert got["lines"][0]["amount"] != "42"
    assert not doubted(got, "lines[0].amount") or got["decision"] != "accept"


def test_a_quantity_of_nothing_never_agrees_with_an_amount_of_nothing() -> None:
    # One row as the listing's columns cut it: "5" left of the quantity column, "000,000" under it
    # (five thousand), the amount "51,00" read as "51" and "00" a character cell apart, 15 % off.
    # The tail alone reads 0, the "00" alone 0, and 0 less 15 % is 0; but no order line orders
    # nothing, so that pair of zeros settles nothing: 5 000 × 0,0120 less 15 % = 51,00 does.
    # Before, the line was read as a quantity of 0 agreeing with an amount of 0.
    placed = ((341, "5"), (351, "000,000"), (413, "0,0120"), (485, "15,00"), (523, "51"), (539.2, "00"))
    (line,) = read_page(page(cells(200, *placed))).lines
    tok = {t.text: t for t in line.toks}
    cells_of = {"other": ["5"], "qty": ["000,000"], "price": ["0,0120"], "discount": ["15,00"]}
    draft = Draft(page=1, cells={k: [tok[t] for t in v] for k, v in cells_of.items()})
    draft.cells["amount"] = [t for t in line.toks if t.text in ("51", "00")]
    built = build(draft, 0, ",", 1.0, Recorder(), ocr=True)
    assert built.line.quantity == Decimal(5000)
    assert built.line.amount == Decimal("51.00")


def _us_po(rows: tuple[tuple[str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """A US purchase order: `rows` (quantity, unit, code, price, extended price) as OCR read them."""
    heading = cells(160, (61, "QTY"), (88, "U/M"), (114, "Item"), (179, "Description"))
    heading += cells(160, (350, "Unit Price"), (400, "Ext. price"))
    lines = [cells(40, (50, "PO number: PO-2026-4410")), cells(54, (50, "PO date: Nov 24, 2026")), heading]
    y = 160.0
    for qty, unit, code, price, amount in rows:
        y += 15
        lines.append(
            cells(y, (62, qty), (88, unit), (114, code), (179, "article"), (352, price), (400, amount))
        )
    lines.append(cells(y + 28, (350, "Total"), (400, total)))
    return lines


def test_a_dollar_sign_read_as_an_s_is_tried_as_the_sign() -> None:
    # "S0.3672" is $0.3672 with its sign read as an S, which the look-alike repair alone makes a 5
    # (50.3672).  1,000 × 0.3672 = 367.20, the extended price read clean, so the sign reading is the
    # one the line's arithmetic takes; the "1.000" read with a point for its comma stays a mended
    # figure the arithmetic pins.  Before, the line was read as 1 at 50.3672.
    rows = (("1.000", "EA", "TOR-M10-60", "S0.3672", "$367.20"), ("50", "EA", "TOR-M8-40", "$0.18", "$9.00"))
    got = read(page(*_us_po(rows, "$376.20")))
    assert numbers(got) == [("TOR-M10-60", "1000", "0.3672"), ("TOR-M8-40", "50", "0.18")]


def test_an_s_before_figures_the_arithmetic_does_not_take_for_a_sign_stays_a_five() -> None:
    # A guard: "S2.00" beside 3 and 156.00 is 52.00 (3 × 52.00 = 156.00), the S a 5 as before; the
    # dollar-sign reading is only one the arithmetic may choose.
    rows = (("3", "EA", "TAC-6", "S2.00", "$156.00"), ("50", "EA", "TOR-M8-40", "$0.18", "$9.00"))
    got = read(page(*_us_po(rows, "$165.00")))
    assert numbers(got)[0] == ("TAC-6", "3", "52")


def test_a_quantity_with_an_underscore_before_it_is_still_a_number() -> None:
    # "_100-": an underline speck before the figures and a dash after them, which no quantity prints;
    # the quantity is 100.  With it read, the price "0,13" is the one figure at odds with 100 × 0,18
    # = 18,00 (an 8 a fax takes for a 3).  Before, "_100-" was no number, the quantity was lost and
    # the price stood as 0,13 against nothing.
    got = read(page(*silicone_page(("TOR-M8-40", "Tornillo M8", "_100-", "uds", "0,13", "18,00"), "68,40")))
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), ("SIL-TRA-300", "12", "4.2")]

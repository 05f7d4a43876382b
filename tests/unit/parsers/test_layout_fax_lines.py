"""The layout reader on OCR words from faxes in layouts it was not tuned on: which column is which when
the heading is set on two lines or names the code and the description in an unusual way.  Each test
builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

import pytest

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read, word

Placed = tuple[float, str]


def _nums(qty: str, price: str, amount: str) -> tuple[Placed, ...]:
    """A row's quantity, unit price and amount under the headings at 330, 430 and 500."""
    return (340, qty), (430, price), (500, amount)


def _lines(heading: list[list[Word]], rows: list[tuple[Placed, ...]], total: str) -> list[list[Word]]:
    """An order number, a heading (one or more lines), the rows under it and a printed total."""
    out = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026")), *heading]
    y = max(w.y0 for line in heading for w in line)
    for r in rows:
        y += STEP
        out.append(cells(y, *r))
    out.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return out


# -- headings set on two lines ---------------------------------------------------------------------
def test_unit_over_price_and_line_over_total_name_the_price_and_amount_columns() -> None:
    # "Qty UoM Unit Line" over "price total": on its own line "UoM Unit Line" reads as one unit
    # heading; the words stacked in each column say which is the unit price and which the line total
    heading = [
        cells(160, (50, "Code"), (130, "Description"), (330, "Qty"), (385, "UoM"), (430, "Unit")),
        cells(160, (500, "Line")),
        cells(170, (430, "price"), (500, "total")),
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Hex bolt M8x40"), (385, "EA"), *_nums("250", "0.18", "45.00")),
        ((50, "TUE-M8"), (130, "Hex nut M8"), (385, "EA"), *_nums("222", "0.05", "11.10")),
    ]
    got = read(page(*_lines(heading, rows, "56.10")))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert got["total"] == "56.1"


def test_a_second_heading_line_naming_no_money_column_leaves_the_heading_as_it_reads() -> None:
    # "Unit price" and "Amount" on the main line, "(EUR)" under the amount: nothing more to learn from
    # the stack, and the columns stay those of the main line
    heading = [
        cells(160, (50, "Code"), (130, "Description"), (330, "Qty"), (430, "Unit price"), (500, "Amount")),
        cells(170, (500, "(EUR)")),
    ]
    rows = [((50, "TOR-M8-40"), (130, "Hex bolt M8x40"), *_nums("250", "0.18", "45.00"))]
    got = read(page(*_lines(heading, rows, "45.00")))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18")]


# -- which column holds the codes ------------------------------------------------------------------
def test_product_names_beside_an_item_code_column_are_the_descriptions() -> None:
    # "LINE PRODUCT ITEM CODE QTY ...": two code headings and no description heading; the column of
    # names (PRODUCT) is the description, the one of codes (ITEM CODE) holds the codes
    heading = [
        cells(
            160,
            (30, "LINE"),
            (60, "PRODUCT"),
            (250, "ITEM CODE"),
            (330, "QTY"),
            (430, "PRICE"),
            (500, "AMOUNT"),
        )
    ]
    rows = [
        ((30, "00010"), (60, "HEX BOLT M8X40 ZINC"), (250, "TOR-M8-40"), *_nums("250", "0.18", "45.00")),
        ((30, "00020"), (60, "HEX NUT M8 ZINC"), (250, "TUE-M8"), *_nums("222", "0.05", "11.10")),
    ]
    got = read(page(*_lines(heading, rows, "56.10")))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert got["lines"][0]["description"].startswith("HEX BOLT")


def test_a_code_heading_over_words_beside_a_column_of_codes_heads_part_of_the_description() -> None:
    # "Artículo | Descripción | Código ... P. / unitario": the heading read with its second line
    # gives every heading word its column, and the first word of each description stands apart
    # under "Artículo" (a code heading too); the codes are under "Código", those words are no code
    heading = [
        cells(
            160,
            (50, "Artículo"),
            (110, "Descripción"),
            (260, "Código"),
            (330, "Cant."),
            (430, "P."),
            (500, "Importe"),
        ),
        cells(170, (430, "unitario")),
    ]
    rows = [
        ((50, "Tornillo"), (110, "hexagonal M8x40"), (260, "TOR-M8-40"), *_nums("250", "0,18", "45,00")),
        ((50, "Tuerca"), (110, "hexagonal M8"), (260, "TUE-M8"), *_nums("222", "0,05", "11,10")),
    ]
    got = read(page(*_lines(heading, rows, "56,10")))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert got["lines"][0]["description"].startswith("Tornillo")


def test_two_code_columns_both_holding_codes_keep_their_codes() -> None:
    # "Ref. | Artículo": a position-like column of codes and one of our codes; neither is taken for
    # the description, and the description heading keeps the names
    heading = [
        cells(
            160,
            (50, "Ref."),
            (110, "Artículo"),
            (180, "Descripción"),
            (330, "Cant."),
            (430, "Precio"),
            (500, "Importe"),
        )
    ]
    rows = [
        ((50, "A-1001"), (110, "TOR-M8-40"), (180, "Tornillo M8x40"), *_nums("250", "0,18", "45,00")),
        ((50, "A-1002"), (110, "TUE-M8"), (180, "Tuerca M8"), *_nums("222", "0,05", "11,10")),
    ]
    got = read(page(*_lines(heading, rows, "56,10")))
    assert [line["description"] for line in got["lines"]] == ["Tornillo M8x40", "Tuerca M8"]
    assert [line["quantity"] for line in got["lines"]] == ["250", "222"]


# -- the total ---------------------------------------------------------------------------------------
def _taxed(tax: str, gross: str) -> list[list[Word]]:
    """Two lines adding up to 56,10, the net total under them, then a tax line and a total with tax."""
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("250", "0,18", "45,00")),
        ((50, "TUE-M8"), (130, "Tuerca M8"), *_nums("222", "0,05", "11,10")),
    ]
    lines = _lines(heading, rows, "56,10")
    y = max(w.y0 for w in lines[-1])
    return [
        *lines,
        cells(y + STEP, (430, "IVA 21 %"), (500, tax)),
        cells(y + 2 * STEP, (430, "Total c/ IVA"), (500, gross)),
    ]


def test_a_total_with_tax_under_the_net_total_read_as_no_amount_keeps_the_order_for_a_person() -> None:
    # "IVA 21 % 1178" and "Total c/ IVA 67/88": the amount the customer pays is printed and was not
    # read; the net total the lines add up to is not the order's total for certain
    got = read(page(*_taxed("1178", "67/88")))
    assert got["decision"] != "accept"
    assert any(p["field"] == "total" for p in got["problems"])


def test_a_tax_line_and_a_total_with_tax_read_as_amounts_give_the_order_total() -> None:
    got = read(page(*_taxed("11,78", "67,88")))
    assert got["total"] == "67.88"
    assert not any(p["field"] == "total" for p in got["problems"])


# -- the order number: which one a second look at its ink may settle -----------------------------------
def _po_page(po_line: str) -> PageWords:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, po_line), conf=0.6)]
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("250", "0,18", "45,00"))]
    return page(*lines, *_lines(heading, rows, "45,00")[2:])


def test_an_order_number_alone_after_its_label_read_unsure_is_offered_for_a_second_look() -> None:
    # the label is sure of where the number is and how far it runs; only its characters are in doubt
    extraction = extract_orders([_po_page("Nº pedido: PED-26/00123")])
    (order,) = extraction.orders
    assert order.po_number == "PED-26/00123"
    found = order.evidence_for("po_number")
    assert found is not None and found.confidence < 0.8
    assert [(r.order, r.path) for r in extraction.rechecks] == [(0, "po_number")]


def test_an_order_number_with_a_word_a_space_before_it_is_not_offered_for_a_second_look() -> None:
    # "PC 26065000": OCR parted the prefix from the number; cut out alone, the number would read the
    # same again and still lack its prefix
    extraction = extract_orders([_po_page("Nº pedido: PC 26065000")])
    assert extraction.rechecks == ()
    found = extraction.orders[0].evidence_for("po_number")
    assert found is not None and found.confidence < 0.8


# -- dates -------------------------------------------------------------------------------------------
def _dated(*more: list[Word]) -> PageWords:
    """A known customer's order with one line, the header lines `more` and no other delivery date."""
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(98, (50, "Nº cliente: C-1001")),
        cells(112, (50, "Moneda: EUR")),
    ]
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("250", "0,18", "45,00"))]
    return page(*lines, *_lines(heading, rows, "45,00")[2:], *more)


def test_a_delivery_date_in_a_sentence_with_the_weekday_it_falls_on_is_borne_out() -> None:
    # 5 December 2026 is a Saturday: the weekday printed with it checks the day and the month
    got = read(
        _dated(cells(260, (50, "Les rogamos que la entrega sea antes del sábado, 5 de diciembre de 2026.")))
    )
    assert got["requested_delivery_date"] == "2026-12-05"
    assert got["decision"] == "accept"


def test_a_delivery_date_in_a_sentence_with_a_weekday_it_does_not_fall_on_waits_for_a_person() -> None:
    got = read(
        _dated(cells(260, (50, "Les rogamos que la entrega sea antes del viernes, 5 de diciembre de 2026.")))
    )
    assert got["decision"] != "accept"
    assert any(p["field"] == "requested_delivery_date" for p in got["problems"])


def test_a_delivery_date_in_a_sentence_on_a_scan_with_nothing_to_bear_it_out_waits_for_a_person() -> None:
    # a misread digit in running text has nothing beside it to give it away
    got = read(_dated(cells(260, (50, "Rogamos entreguen antes del 05/12/2026 en nuestro almacén."))))
    assert got["requested_delivery_date"] == "2026-12-05"
    assert got["decision"] != "accept"


def _stated(sentence: str) -> tuple[list[str], float | None, list[tuple[str, float]]]:
    """A delivery date stated in `sentence` on a scan: the words its evidence holds, its confidence, and
    the fields (path, certainty) offered for a second look at their ink."""
    extraction = extract_orders([_dated(cells(260, (50, sentence)))])
    found = extraction.orders[0].evidence_for("requested_delivery_date")
    words = (found.provenance.raw or "").split() if found else []
    return words, found.confidence if found else None, [(r.path, r.certainty) for r in extraction.rechecks]


def test_a_delivery_date_stated_in_a_sentence_as_one_word_is_offered_for_a_second_look() -> None:
    # the sentence makes it the delivery date for sure; only its figures, read in running text, are in
    # doubt, which a second reading of that word's ink alone may settle (as for a date after its label)
    words, confidence, again = _stated("Rogamos entreguen antes del 05/12/2026. en nuestro almacén.")
    assert words == ["05/12/2026."]  # the date's own word, not the sentence's words after it
    assert confidence is not None and confidence < 0.8  # in doubt until read again
    assert ("requested_delivery_date", 1.0) in again


def test_a_delivery_date_with_a_figure_a_space_before_it_is_not_offered_for_a_second_look() -> None:
    # "1 1/12/2026": OCR may have parted a digit from the date; cut out alone, "1/12/2026" would read
    # the same again and still be short of it
    _, confidence, again = _stated("Rogamos entreguen antes del 1 1/12/2026 en nuestro almacén.")
    assert confidence is not None and confidence < 0.8
    assert "requested_delivery_date" not in [path for path, _ in again]


def test_a_delivery_date_in_words_in_a_sentence_is_offered_as_those_words_together() -> None:
    # "5 de diciembre de 2026" runs over several words: no one word's ink says the whole date, so its
    # words are cut out together and read again (as a header date in words), the sentence's others not
    words, confidence, again = _stated("Rogamos entreguen antes del 5 de diciembre de 2026 en el almacén.")
    assert words == ["5", "de", "diciembre", "de", "2026"]
    assert confidence is not None and confidence < 0.8
    assert ("requested_delivery_date", 1.0) in again


def test_a_doubtful_delivery_date_in_a_sentence_is_not_offered_for_a_second_look() -> None:
    # before the order date (23/11/2026): the sentence does not make it sure, whatever its ink says
    _, confidence, again = _stated("Rogamos entreguen antes del 05/11/2026 en nuestro almacén.")
    assert confidence is not None and confidence < 0.8
    assert "requested_delivery_date" not in [path for path, _ in again]


def test_a_weekday_read_unsure_before_its_date_does_not_make_the_date_unsure() -> None:
    # "lunes," read at 0.6 before "14 de diciembre de 2026", a Monday: the date's own figures were
    # read with confidence, and the weekday agrees with them
    label = cells(126, (50, "Fecha entrega:"))
    weekday = [word("lunes,", 126, 126, conf=0.6)]
    rest = cells(126, (161, "14 de diciembre de 2026"))
    got = read(_dated(label + weekday + rest))
    assert got["requested_delivery_date"] == "2026-12-14"
    assert got["decision"] == "accept"


# -- rows whose numbers OCR lost -----------------------------------------------------------------------
def test_a_row_with_a_code_of_its_own_and_an_amount_whose_quantity_and_price_were_lost_is_still_a_row() -> (
    None
):
    # "8437000100195 Llave ajustable ... NR CI2800 1) €64.00": quantity and price garbled past reading;
    # its code and amount still show an order line, which keeps the rows after it in their places
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("250", "0,18", "45,00")),
        (
            (50, "8437000100195"),
            (130, "Llave ajustable 250 mm"),
            (340, "NR"),
            (430, "CI2800"),
            (500, "64,00"),
        ),
        ((50, "TUE-M8"), (130, "Tuerca M8"), *_nums("222", "0,05", "11,10")),
    ]
    got = read(page(*_lines(heading, rows, "120,10")))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "8437000100195", "TUE-M8"]
    assert numbers(got)[2] == ("TUE-M8", "222", "0.05")
    assert got["decision"] != "accept"  # the lost quantity and price are for a person to enter


def test_a_french_quantity_heading_whose_capital_q_ocr_read_as_an_a_still_heads_the_quantities() -> None:
    # "Qté" read "até" on a fax, as "Qty" is read "Oty" or "Gty": the quantity column is still named,
    # here where a discount on each line keeps quantity × price = amount from naming it instead
    heading = [
        cells(
            160,
            (50, "Code article"),
            (130, "Désignation"),
            (330, "até"),
            (380, "UV"),
            (430, "Prix"),
            (465, "Rem."),
            (500, "Montant"),
        )
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Vis M8x40"), (340, "250"), (380, "pièces"), (430, "0,18"), (465, "10,00")),
        ((50, "TUE-M8"), (130, "Écrou M8"), (340, "222"), (380, "pièces"), (430, "0,05"), (465, "10,00")),
    ]
    rows = [(*r, (500, amount)) for r, amount in zip(rows, ("40,50", "9,99"), strict=True)]
    got = read(page(*_lines(heading, rows, "50,49")))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]


# -- a line's discount ----------------------------------------------------------------------------------
@pytest.mark.parametrize("printed", [".10.00", "10,00", "10 .00"])
def test_a_discount_cell_a_fax_spoilt_is_read_as_the_percentage_that_makes_the_line_add_up(
    printed: str,
) -> None:
    # 60 × 2.45 = 147.00 less 10 % = 132.30: a speck before the discount (".10.00"), a decimal comma
    # in a document of decimal points ("10,00") or a figure OCR cut in two ("10 .00") still says 10 %
    heading = [
        cells(
            160,
            (50, "Part no."),
            (130, "Description"),
            (330, "Qty"),
            (430, "Rate"),
            (465, "Disc."),
            (500, "Total"),
        )
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Hex bolt M8x40"), (340, "250"), (430, "0.18"), (500, "45.00")),
        (
            (50, "BRO-HSS-8"),
            (130, "HSS drill bit 8 mm"),
            (340, "60"),
            (430, "2.45"),
            (465, printed),
            (500, "132.30"),
        ),
    ]
    got = read(page(*_lines(heading, rows, "177.30")))
    assert numbers(got)[1] == ("BRO-HSS-8", "60", "2.45")
    assert not any(p["code"] == "amount_mismatch" for p in got["problems"])


def test_a_discounted_amount_rounded_to_the_cent_agrees_with_its_quantity_and_price() -> None:
    # 60 × 2.45 = 147.00 less 12.5 % = 128.625, printed 128.63: the amount is rounded after the
    # discount, so the line agrees; it is neither changed to 147.00 nor held as a mismatch
    heading = [cells(160, (50, "Part no."), (130, "Description"), (330, "Qty"), (430, "Rate"))]
    heading[0] += cells(160, (465, "Disc."), (500, "Total"))
    rows = [
        ((50, "TOR-M8-40"), (130, "Hex bolt M8x40"), (340, "250"), (430, "0.18"), (500, "45.00")),
        (
            (50, "BRO-HSS-8"),
            (130, "HSS drill bit"),
            (340, "60"),
            (430, "2.45"),
            (465, "12.50"),
            (500, "128.63"),
        ),
    ]
    got = read(page(*_lines(heading, rows, "173.63")))
    assert [line["amount"] for line in got["lines"]] == ["45", "128.63"]
    assert got["total"] == "173.63"
    assert not any(p["code"] in ("amount_mismatch", "total_mismatch") for p in got["problems"])


def test_an_order_date_alone_after_its_label_read_unsure_is_offered_for_a_second_look() -> None:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha:")), [word("24.11.2026", 84, 84, conf=0.7)]]
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("250", "0,18", "45,00"))]
    extraction = extract_orders([page(*lines, *_lines(heading, rows, "45,00")[2:])])
    assert extraction.orders[0].order_date is not None
    assert "order_date" in [r.path for r in extraction.rechecks]


def _net_then(*under: list[Word]) -> list[list[Word]]:
    """Two lines adding up to 1111,80, the net total under them ("Importe total"), then `under`."""
    heading = [
        cells(160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
    ]
    rows = [
        ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), *_nums("1000", "1,00", "1000,00")),
        ((50, "TUE-M8"), (130, "Tuerca M8"), *_nums("10", "11,18", "111,80")),
    ]
    lines = _lines(heading, rows, "1111,80")
    lines[-1] = cells(max(w.y0 for w in lines[-1]), (400, "Importe total"), (500, "1111,80€"))
    return [*lines, *under]


def test_a_lone_1_before_its_thousands_is_read_with_them_in_a_total() -> None:
    # "1 345,28": Tesseract boxes the "1" by its ink, narrower than the figure's cell, so the space after
    # it looks wider than a space between thousands; measured by the figures of "345,28" it is one
    y = 160 + 6 * STEP  # the net total stands at 160 + 4 steps, the tax line at 5
    one = Word("1", 488.0, y, 490.6, y + 7.0, 0.7)
    gross = [*cells(y, (400, "Total con IVA")), one, *cells(y, (496, "345,28"))]
    got = read(page(*_net_then(cells(y - STEP, (430, "MA21%"), (496, "233,48")), gross)))
    # the total with tax read whole; the tax line's label is garbled ("MA21%"), but its rate of the net
    # total is its amount, and net and tax make the total to the cent: the three are the order's
    assert (got["net_total"], got["tax_total"], got["total"]) == ("1111.8", "233.48", "1345.28")


def test_a_total_with_tax_read_as_less_than_the_net_total_keeps_the_order_for_a_person() -> None:
    # "Importe total 1111,80", the tax line's label garbled ("MA21%" for "IVA 21%") and of "Total con
    # IVA 1 345,28" only "345,28" read: a total including tax cannot be less than the net total it
    # includes, so what the customer pays was printed and not read whole
    y = 160 + 6 * STEP  # the net total stands at 160 + 4 steps, the tax line at 5
    got = read(
        page(
            *_net_then(
                cells(y - STEP, (430, "MA21%"), (496, "233,48")),
                cells(y, (400, "Total con IVA"), (496, "345,28")),
            )
        )
    )
    assert [line["quantity"] for line in got["lines"]] == ["1000", "10"]
    assert got["decision"] != "accept"
    assert any(p["field"] == "total" and "less than" in p["message"] for p in got["problems"])

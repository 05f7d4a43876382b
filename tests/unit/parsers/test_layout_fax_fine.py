"""The layout reader on OCR words from fine-resolution faxes of layouts it was not written beside: each
class of misreading found there as a small word-level page, and what a reader of any order makes of
it.  As everywhere on scans: nothing doubtful may be accepted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.capture.domain.layout import PageWords
from parsers.layout.cleanup import split_glued_label
from tests.unit.parsers.ocr_support import STEP, cells, numbers, order, page, read, row, word


def _retold(fax: PageWords, **texts: str) -> PageWords:
    """The page with some words read otherwise (word as printed -> word as read)."""
    return replace(fax, words=tuple(replace(w, text=texts.get(w.text, w.text)) for w in fax.words))


# -- labels -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sign", ["n.0;", "n.2", "N.9", "n.o"])
def test_the_portuguese_number_sign_read_as_a_figure_still_makes_the_label(sign: str) -> None:
    # "Encomenda n.º: PED-26/00123" with the raised o read as 0, 2 or 9: the label is the order
    # number's, and the word after it the number, not the sign
    fax = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00")
    got = read(_retold(fax, **{"Nº": "Encomenda", "pedido:": sign}))
    assert got["po_number"] == "PED-26/00123"


def test_a_row_of_labels_with_a_garbled_number_sign_gives_the_value_under_it() -> None:
    # "Encomenda n.2    Data" over "PO88645    24-11-2026": the labels head boxes, the values below
    lines = [
        cells(40, (50, "Ferragens Douro Lda.")),
        cells(70, (50, "Encomenda n.2"), (200, "Data")),
        cells(70 + STEP, (50, "PO88645"), (200, "24-11-2026")),
    ]
    fax = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", header=False)
    got = read(page(*lines, list(fax.words)))
    assert got["po_number"] == "PO88645"
    assert got["order_date"] == "2026-11-24"


def _header(*placed: tuple[float, str], y: float = 70) -> dict[str, object]:
    """An order whose header line at `y` holds the words placed (x, text), under the letterhead."""
    fax = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", header=False)
    return read(page(cells(y, *placed), list(fax.words)))


@pytest.mark.parametrize(
    "placed",
    [
        ((300, "ENCOMENDA N,2"), (390, "26/23860")),  # "Nº" with its dot read as a comma
        ((300, "PO 4:"), (390, "PUR/2026/33330")),  # "PO #:" with the "#" read as a 4
        ((300, "PO #"), (350, "eee"), (372, "eee :"), (420, "PUR/2026/33330")),  # a dot leader read as e's
        ((300, "P.O.No."), (350, "PUR/2026/33330")),  # "P.O. No." run together
    ],
)
def test_an_order_number_is_read_past_a_garbled_sign_or_leader_after_its_label(placed: tuple) -> None:
    got = _header(*placed)
    assert got["po_number"] == placed[-1][1]


def test_a_two_word_label_in_a_monospaced_face_is_one_label() -> None:
    # "DUE  DATE : 2026-12-12" on a dot-matrix printout: its word space is a whole character cell,
    # wider than a proportional face's; "DATE" alone would make it the order's date
    fax = order([row("TOR-M8-40", "250", "0,18", "45,00")], total="45,00", header=False)
    due = [word("DUE", 312, 92), word("DATE", 338, 92), *cells(92, (411, ": 2026-12-12"))]
    date = [word("DATE", 312, 78), *cells(78, (411, ": 2026-11-24"))]
    got = read(page(cells(64, (312, "PO: 4711")), date, due, list(fax.words)))
    assert (got["order_date"], got["requested_delivery_date"]) == ("2026-11-24", "2026-12-12")


# -- table headings -----------------------------------------------------------------------------
def test_a_heading_of_two_words_ocr_ran_together_still_names_its_column() -> None:
    # "Unit price" read "Unitprice" beside "Price" over "unit" (the units the price is for): the
    # price is the number under "Unitprice", the "1" or "100" under "Price / unit" only its basis
    heading = ((50, "Part"), (110, "Details"), (300, "Qty"), (340, "UoM"), (380, "Unitprice"), (440, "Price"))
    fax = order([], heading=(*heading, (500, "Amount")), total=None)
    stacked = cells(160 + STEP * 0.8, (300, "ordered"), (440, "unit"))
    rows = [
        ("TOR-M8-40", "Hex bolt", "250", "18.0000", "100", "45.00"),
        ("TUE-M8", "Hex nut", "20", "0.5500", "1", "11.00"),
    ]
    lines = [
        cells(160 + STEP * (2 + i), (50, c), (110, d), (300, q), (340, "ea"), (380, p), (450, b), (500, a))
        for i, (c, d, q, p, b, a) in enumerate(rows)
    ]
    total = cells(160 + STEP * 5, (440, "Total"), (500, "56.00"))
    got = read(page(list(fax.words), stacked, *lines, total))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "20", "0.55")]


@pytest.mark.parametrize(
    ("text", "parted"),
    [("Unitprice", ["Unit", "price"]), ("Orderdate:", ["Order", "date:"]), ("Subtotal", ["Subtotal"])],
)
def test_two_label_words_run_together_are_parted_and_a_label_word_is_not(
    text: str, parted: list[str]
) -> None:
    # "Subtotal" is a heading word of its own, never "Sub" and "total"
    assert [w.text for w in split_glued_label(word(text, 100, 100))] == parted


# -- totals -------------------------------------------------------------------------------------
def _with_totals(*totals: tuple[str, ...]) -> dict[str, object]:
    """Two lines (45,00 + 11,10 = 56,10 net) and the total lines given, each (label, amount...)."""
    rows = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]
    fax = order(rows, total=None)
    y = 160 + STEP * 4
    lines = [
        cells(y + STEP * i, (330, label), (500, " ".join(amount)))
        for i, (label, *amount) in enumerate(totals)
    ]
    return read(page(list(fax.words), *lines))


def test_a_tax_line_whose_label_ocr_garbled_still_gives_the_total_with_tax() -> None:
    # "IVA 21 %" read "VA 21 %": 56,10 net and 11,78 tax make exactly the 67,88 printed under them
    got = _with_totals(("Base imponible", "56,10"), ("VA 21 %", "11,78"), ("Total pedido IVA incl.", "67,88"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")


def test_an_amount_between_the_totals_that_is_not_their_difference_is_no_tax() -> None:
    # 56,10 + 11,77 is not 67,88: which figure was misread nobody can say, so the order waits
    got = _with_totals(("Base imponible", "56,10"), ("VA 21 %", "11,77"), ("Total pedido IVA incl.", "67,88"))
    assert got["tax_total"] is None
    assert got["decision"] != "accept"


def test_a_total_label_with_a_mark_read_for_its_last_letter_is_still_a_total() -> None:
    # "Total inc. VAT" read "Tota! inc. VAT": the total with the tax is still the order's
    got = _with_totals(("Order total", "56,10"), ("VAT 21 %", "11,78"), ("Tota! inc. VAT", "67,88"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")


def test_a_total_ocr_cut_after_its_decimal_mark_is_read_whole() -> None:
    # "67,88" read as "67," and "88:" a space apart: one amount, not 88
    got = _with_totals(("Base imponible", "56,10"), ("IVA 21 %", "11,78"), ("Total IVA incl.", "67,", "88:"))
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")


def test_an_amount_between_the_totals_with_no_rate_is_no_tax() -> None:
    # "Portes 11,78" (carriage) between 56,10 and 67,88: the difference, but no rate says it is a tax
    got = _with_totals(("Base imponible", "56,10"), ("Portes", "11,78"), ("Total pedido", "67,88"))
    assert got["tax_total"] is None
    assert got["decision"] != "accept"


# -- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("per", ["100)", "(100", "“100"])
def test_a_price_basis_with_a_bracket_or_speck_read_beside_it_still_divides_the_price(per: str) -> None:
    # "18,000 por 100" with the basis read "100)": 2500 screws at 18,000 the hundred are 450,00, not
    # 25,00 (a decimal mark lost from the quantity) at 18 each, which adds up as well
    heading = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"))
    heading += ((470, "Por"), (500, "Importe"))
    cells_of = ((50, "TOR-M8-40"), (130, "Tornillo"), (350, "2500"), (390, "uds"), (435, "18,000"))
    rows = [(*cells_of, (470, per), (505, "450,00"))]
    got = read(order(rows, heading=heading, total="450,00"))
    assert numbers(got) == [("TOR-M8-40", "2500", "0.18")]


def test_item_before_item_code_heads_the_line_numbers() -> None:
    # "ITEM  ITEM CODE  EAN  PRODUCT  QTY ...": a US order's "Item" numbers its lines; "Item code"
    # names the code, and the product's name stands under "Product"
    heading = ((40, "ITEM"), (70, "ITEM CODE"), (150, "PRODUCT"), (330, "QTY"), (380, "UOM"), (430, "RATE"))
    heading += ((500, "TOTAL"),)
    rows = [
        (
            (42, "1"),
            (70, "TOR-M8-40"),
            (150, "Hex bolt M8x40"),
            (335, "250"),
            (380, "pcs"),
            (430, "0.18"),
            (500, "45.00"),
        ),
        (
            (42, "2"),
            (70, "TUE-M8"),
            (150, "Hex nut M8"),
            (335, "222"),
            (380, "pcs"),
            (430, "0.05"),
            (500, "11.10"),
        ),
    ]
    got = read(order(rows, heading=heading, total="56.10"))
    assert [(line["line_no"], line["item_code"]) for line in got["lines"]] == [
        ("1", "TOR-M8-40"),
        ("2", "TUE-M8"),
    ]
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]

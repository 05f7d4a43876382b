"""Header fields a fax's OCR garbled a little: a label one or two letters off or with its "Nº" read as a
quote mark, an order number with a letter O read as a zero or a speck before it, a month name misread,
a date's dot read as a comma, an apostrophe for the space before "order", a total whose lone thousands
figure a typewriter face set a space apart. Each is read; what had to be mended goes to a person."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import PageWords, Word
from parsers.layout.cleanup import snap
from parsers.layout.dates import find_date
from tests.unit.parsers.doc_support import Doc
from tests.unit.parsers.ocr_support import cells, order, read, row, word

GOOD = [row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")]


def _read(
    *header: list[Word], total: str | None = "56,10", lines: list[list[Word]] | None = None
) -> dict[str, Any]:
    """The order of a fax whose header lines are `header` (the customer's number among them) over the
    two lines of GOOD and the printed total; `lines` are more words under the table."""
    base = order(GOOD, header=False, total=total)
    words = [w for line in header for w in line] + [w for line in lines or [] for w in line]
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(words), "ocr"))


def _customer(y: float = 112) -> list[Word]:
    return cells(y, (50, "Nº cliente: C-1001"))


def _low(got: dict[str, Any]) -> set[str]:
    return {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}


def test_a_numero_sign_read_as_a_quote_mark_still_makes_the_label() -> None:
    # a row of boxes, labels over values: "de commande" alone labels nothing here
    got = _read(
        cells(70, (50, 'N" de commande'), (170, "Date de commande")),
        cells(84, (50, "PUR/2026/10337"), (170, "24.11.26")),
        _customer(),
    )
    assert got["po_number"] == "PUR/2026/10337"
    assert got["order_date"] == "2026-11-24"


def test_a_hyphenated_label_one_letter_off_is_snapped_back() -> None:
    assert snap("bestell-ar") == "bestell-nr"
    got = _read(cells(70, (50, "BESTELL-AR.: F-65636")), cells(84, (50, "Fecha: 23/11/2026")), _customer())
    assert got["po_number"] == "F-65636"


def test_a_long_label_word_with_two_look_alike_letters_misread_is_snapped_back() -> None:
    assert snap("lummande") == "commande"
    assert snap("tornillo") == "tornillo"  # no label word two look-alikes away: left as it is
    got = _read(cells(70, (50, "No de lummande: 75053")), cells(84, (50, "Fecha: 23/11/2026")), _customer())
    assert got["po_number"] == "75053"


def test_a_letter_o_read_as_a_zero_in_an_order_number_is_mended_and_confirmed_by_a_person() -> None:
    got = _read(cells(70, (50, "Nº pedido: 0C/26/66103")), cells(84, (50, "Fecha: 23/11/2026")), _customer())
    assert got["po_number"] == "OC/26/66103"
    assert "po_number" in _low(got) and got["decision"] == "review"


def test_digits_and_letters_of_an_order_number_are_not_mended() -> None:
    got = _read(cells(70, (50, "Nº pedido: PO05963")), cells(84, (50, "Fecha: 23/11/2026")), _customer())
    assert got["po_number"] == "PO05963"


def test_a_speck_read_as_a_star_before_an_order_number_is_dropped() -> None:
    got = _read(cells(70, (50, "P.O. NO. :*047838")), cells(84, (50, "Fecha: 23/11/2026")), _customer())
    assert got["po_number"] == "047838"


def test_a_month_name_misread_is_read_and_goes_to_a_person() -> None:
    assert find_date("Dacomber 1, 2026").value.isoformat() == "2026-12-01"  # type: ignore[union-attr]
    assert find_date("Nuvember 26, 2026").value.isoformat() == "2026-11-26"  # type: ignore[union-attr]
    assert find_date("Mayor 12, 2026") is None  # a word near no month name is no month
    got = _read(
        cells(70, (50, "Nº pedido: 4471-26")),
        cells(84, (50, "Fecha: 23/11/2026")),
        cells(98, (50, "Fecha de entrega: Dacomber 1, 2026")),
        _customer(),
    )
    assert got["requested_delivery_date"] == "2026-12-01"
    assert "requested_delivery_date" in _low(got) and got["decision"] == "review"


def test_a_dot_in_a_date_read_as_a_comma() -> None:
    found = find_date("12,12.26")
    assert found is not None and found.value.isoformat() == "2026-12-12" and found.certainty < 0.8
    assert find_date("1,250.00") is None  # an amount stays an amount


def test_an_apostrophe_for_the_space_before_order_in_a_sentence() -> None:
    got = _read(
        cells(
            70,
            (50, "Please find below our'order no. 51375-26 dated November 26, 2026 for the following goods:"),
        ),
        _customer(),
    )
    assert got["po_number"] == "51375-26"
    assert got["order_date"] == "2026-11-26"


TOTAL_Y = 160 + 6 * 14  # the line under the three rows of `_read_with_total`'s table


def _read_with_total(total: list[Word]) -> dict[str, Any]:
    """A three-row order (1,518.90 net) with its number and date, and `total` as its totals line."""
    lines = [
        row("TOR-M8-40", "250", "0,18", "45,00"),
        row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca"),
        row("TUE-M8", "29.256", "0,05", "1.462,80", desc="Tuerca"),
    ]
    base = order(lines, header=False, total=None)
    header = cells(70, (50, "Nº pedido: 4471-26")) + cells(84, (50, "Fecha: 23/11/2026")) + _customer()
    return read(PageWords(1, base.width, base.height, base.dpi, base.words + tuple(header + total), "ocr"))


def test_a_total_whose_thousands_figure_a_typewriter_set_a_space_apart() -> None:
    # "1 518,90": the lone "1" is boxed by its ink, narrower than its character cell, so the space
    # after it looks wider than one character
    y = TOTAL_Y
    total = [
        word("TOTAL", 430, y),
        Word("1", 478.0, y, 481.8, y + 8.6, 0.95),
        Word("518,90", 488.1, y, 520.2, y + 8.6, 0.95),
    ]
    assert _read_with_total(total)["total"] == "1518.9"


def test_a_speck_before_a_totals_thousands_figure() -> None:
    y = TOTAL_Y
    total = cells(y, (430, "TOTAL"), (490, "‘1 518,90 €"))
    assert _read_with_total(total)["total"] == "1518.9"


def test_a_year_misread_by_one_figure_is_mended_from_the_documents_other_dates() -> None:
    got = _read(
        cells(70, (50, "Nº pedido: 4471-26")),
        cells(84, (50, "Fecha: 24.11.2626")),
        cells(98, (50, "Fecha de entrega: 05.12.2026")),
        _customer(),
        lines=[cells(300, (50, "Madrid, 24/11/2026"))],
    )
    assert got["order_date"] == "2026-11-24"
    assert "order_date" in _low(got) and got["decision"] == "review"


def test_an_order_of_december_for_january_keeps_its_year() -> None:
    got = _read(
        cells(70, (50, "Nº pedido: 4471-26")),
        cells(84, (50, "Fecha: 28/12/2026")),
        cells(98, (50, "Fecha de entrega: 08/01/2027")),
        _customer(),
        lines=[cells(300, (50, "Plazo: 08/01/2027"))],
    )
    assert got["order_date"] == "2026-12-28"


def test_a_letters_date_line_read_only_once_mended_gives_way_to_the_date_its_sentence_states() -> None:
    # "Lyon, November 26, 2026" read as "Lyun, Nuvember 28, 2028": the mended reading weighs less than
    # the order's date stated plainly in the letter
    got = _read(
        cells(60, (50, "Lyun, Nuvember 28, 2028")),
        cells(
            80,
            (50, "Please find below our order no. 51375-26 dated November 26, 2026 for the following goods:"),
        ),
        _customer(),
    )
    assert got["order_date"] == "2026-11-26"


def test_a_delivery_date_whose_month_ocr_parted_with_a_space_is_read_and_goes_to_a_person() -> None:
    got = _read(
        cells(70, (50, "Nº pedido: 4471-26")),
        cells(84, (50, "Fecha: 23/11/2026")),
        _customer(),
        lines=[cells(300, (50, "Rogamos entregar antes del 04/1 2/2026."))],
    )
    assert got["requested_delivery_date"] == "2026-12-04"
    assert got["decision"] == "review"


def test_an_ordinal_whose_five_ocr_read_as_an_s() -> None:
    found = find_date("Required delivery: December Sth, 2026")
    assert found is not None and found.value.isoformat() == "2026-12-05" and found.certainty < 0.8


def test_a_misread_year_is_mended_though_the_same_misreading_stands_once_more_among_many() -> None:
    # line dates print 2026 over and over; one of them was misread as 2076 too
    got = _read(
        cells(70, (50, "Nº pedido: 4471-26")),
        cells(84, (50, "Fecha: 2076/11/23")),
        _customer(),
        lines=[cells(300 + 14 * i, (50, f"Entrega línea {i + 1}: 2026/11/30")) for i in range(4)]
        + [cells(370, (50, "Entrega línea 5: 2076/11/30"))],
    )
    assert got["order_date"] == "2026-11-23"
    assert "order_date" in _low(got)


def test_a_tax_read_a_figure_off_is_the_totals_difference_and_goes_to_a_person() -> None:
    # net 56,10 and 10 % make 5,61 and 61,71; OCR read the tax as printed "5,81"
    header = [cells(70, (50, "Nº pedido: 4471-26")), cells(84, (50, "Fecha: 23/11/2026")), _customer()]
    y = 160 + 5 * 14
    more = [cells(y, (430, "IVA 10 %"), (500, "5,81")), cells(y + 14, (430, "Total con IVA"), (500, "61,71"))]
    got = _read(*header, lines=more)
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert "tax_total" in _low(got) and got["decision"] == "review"


def test_a_text_pdfs_year_is_as_printed() -> None:
    # a text layer is not read by OCR: a year unlike the others is what the document says, and stays
    doc = Doc()
    doc.row(60, (40, "Nº pedido: 4471-26"), (300, "Fecha: 2076/11/23"))
    doc.row(120, (40, "Code"), (110, "Description"), (330, "Qty"), (390, "Price"), (470, "Amount"))
    for i in range(3):
        doc.row(
            136 + 14 * i, (40, f"RT-1{i}"), (110, "Rivet, steel"), (330, "30"), (390, "0.40"), (470, "12.00")
        )
    doc.row(200, (390, "Total"), (470, "36.00"))
    doc.row(230, (40, "Entrega parcial 1: 2026/11/30"), (300, "Entrega parcial 2: 2026/12/07"))
    doc.row(244, (40, "Entrega parcial 3: 2026/12/14"), (300, "Confirmado: 2026/11/24"))
    assert doc.order()["order_date"] == "2076-11-23"

"""Orders printed in a typewriter face (Courier), as line printers and dot-matrix printouts set them:
every character, the space included, takes one cell, so a word space is wider than in a proportional
face and reads like a gap between columns."""

from __future__ import annotations

from tests.unit.parsers.doc_support import Doc, facts


def _printout(heading: str, *rows: str, total: str) -> dict[str, object]:
    doc = Doc(size=8.5, font="Courier")
    doc.printout(
        40,
        12,
        "FERRETERIA NUNEZ S.L.                      PEDIDO N. ....: OC-5521",
        "                                           FECHA ........: 26/11/2026",
    )
    y = doc.printout(150, 12, heading, "-" * len(heading), *rows)
    doc.printout(y + 12, 12, total)
    return doc.order()


def test_a_currency_after_a_money_heading_is_no_column_of_its_own() -> None:
    # "PRECIO UNITARIO EUR" and "TOTAL EUR": the currency stands one cell from its heading word, yet the
    # prices under it are whole numbers with four decimals, not "0," in one column and "1800" in another
    order = _printout(
        "REF.          DESCRIPCION                CANTIDAD  UD   PRECIO UNITARIO EUR   TOTAL EUR",
        "TOR-M8-40     TORNILLO HEXAGONAL M8X40         50  un                0,1800        9,00",
        "SIL-TRA-300   SILICONA NEUTRA 300 ML           12  un                4,2000       50,40",
        "LLA-AJ-250    LLAVE AJUSTABLE 250 MM            3  un               12,8000       38,40",
        total="                                                 TOTAL (EUR) ..........:       97,80",
    )
    assert facts(order) == [
        ("TOR-M8-40", "50", "0.18"),
        ("SIL-TRA-300", "12", "4.2"),
        ("LLA-AJ-250", "3", "12.8"),
    ]
    assert order["total"] == "97.8"


def test_words_in_brackets_after_a_heading_belong_to_it() -> None:
    # "(100 U.M.)" holds a unit word: no second unit column, and the prices under the heading's end
    # (with the units they are for in a column of their own) are read whole
    order = _printout(
        "CODIGO        DESCRIPCION          UDS.  U.M.  PRECIO (100 U.M.) EUR  POR    IMPORTE",
        "TAC-6         TACO DE NAILON 6 MM    10  CAJ                  3,9000    1      39,00",
        "ARA-M8        ARANDELA PLANA M8     500  UDS                  2,0000  100      10,00",
        "LLA-AJ-250    LLAVE AJUSTABLE        10  UDS                 12,8000    1     128,00",
        "CIN-AIS-19    CINTA AISLANTE 19 MM 1500  UDS                 95,0000  100    1425,00",
        total="                                          TOTAL ..........:    1602,00",
    )
    assert facts(order) == [
        ("TAC-6", "10", "3.9"),
        ("ARA-M8", "500", "0.02"),
        ("LLA-AJ-250", "10", "12.8"),
        ("CIN-AIS-19", "1500", "0.95"),
    ]


def test_thousands_parted_by_one_typewriter_space_are_one_number() -> None:
    # "5 000" in Courier: the space is as wide as a digit, and still parts the thousands of one quantity
    order = _printout(
        "CODIGO        DESCRIPCION               CANTIDAD   PRECIO     IMPORTE",
        "ARA-M8        ARANDELA PLANA M8            5 000     0,0200      100,00",
        "TOR-M8-40     TORNILLO HEXAGONAL M8X40    12 500     0,1800    2 250,00",
        total="                                  TOTAL ..........:     2 350,00",
    )
    assert facts(order) == [("ARA-M8", "5000", "0.02"), ("TOR-M8-40", "12500", "0.18")]
    assert order["total"] == "2350"


def test_a_percent_sign_one_cell_after_discount_is_part_of_its_heading() -> None:
    # "DISCOUNT %": the sign stands a whole cell from its word and heads no column of its own; split
    # off, the discounts under it fell outside the discount column and every line's amount (quantity
    # × price less the discount) failed its check and waited for a person
    order = _printout(
        "LINE  DETAILS                  PART NO.      QTY  UOM   PRICE  DISCOUNT %      TOTAL",
        "1     HEX BOLT M8X40           TOR-M8-40  250.00   EA    0.18       10.00      40.50",
        "2     LEATHER WORK GLOVE       GUA-TRA-9    5.00   EA    3.60        5.00      17.10",
        "3     NYLON WALL PLUG 6 MM     TAC-6       20.00   CS    3.90        5.00      74.10",
        total="                                                      TOTAL        131.70",
    )
    assert facts(order) == [("TOR-M8-40", "250", "0.18"), ("GUA-TRA-9", "5", "3.6"), ("TAC-6", "20", "3.9")]
    assert [line["amount"] for line in order["lines"]] == ["40.5", "17.1", "74.1"]
    assert order["total"] == "131.7"
    doubts = ("amount_mismatch", "low_confidence", "total_mismatch")
    assert [p for p in order["problems"] if p["code"] in doubts] == []

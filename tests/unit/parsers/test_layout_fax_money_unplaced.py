"""A faxed letter whose one-row table lost the words of its price and amount headings to the fax ("P.
UNITARIO" read "Pp.", "IMPORTE" read "IMPUKLE"): the row's quantity and unit are read under headings the
reader knows, but its price, discount and amount stand in columns it could not name.  The business rule:
money the document prints on an order line and that we did not capture must never flow on untouched;
the line is named for a person ("no silent drop"), however sure the rest of the page reads.  A row
whose figures beside the quantity are not money (a size, a count) says nothing of the kind."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, header_rows, page, read


def _letter(price: str, discount: str, amount: str, total: str) -> dict[str, Any]:
    return read(
        page(
            *header_rows(),
            cells(
                150,
                (50, "ARTÍCULO / DESCRIPCIÓN"),
                (330, "UDS."),
                (380, "UM"),
                (420, "Pp."),
                (470, "%"),
                (510, "IMPUKLE"),
            ),
            cells(164, (420, "UNITARIO"), (470, "DTO.")),
            cells(
                180,
                (50, "TOR-M8-40 Tornillo hexagonal M8x40"),
                (330, "2,500.00"),
                (380, "UDS"),
                (420, price),
                (470, discount),
                (510, amount),
            ),
            cells(220, (440, "TOTAL"), (510, total)),
        )
    )


def _named_rows(got: dict[str, Any]) -> list[str]:
    return [u["label"] for u in got["unread"] if u["field"] == "lines"]


def test_money_printed_on_a_row_in_columns_the_reader_could_not_name_names_the_row() -> None:
    # 2,500 × 0.18 less 12.50 % = 393.75; the price read as a stray mark and a lone "18"
    got = _letter("“ve 18", "12.50", "393.75", "393.79")
    [line] = got["lines"]
    assert line["quantity"] == "2500"
    assert line["unit_price"] is None and line["amount"] is None
    assert any("393.75" in label for label in _named_rows(got)), got["unread"]
    assert got["decision"] != "accept"


def test_a_row_with_a_figure_beside_it_that_is_no_money_names_nothing() -> None:
    # the same letter printing no prices: beside the unit a pack count "20" under a heading worn past
    # reading; the order states no money on its line, so nothing is left uncaptured
    got = _letter("", "", "20", "")
    [line] = got["lines"]
    assert line["quantity"] == "2500" and line["unit_price"] is None
    assert _named_rows(got) == []

"""A fine fax listing whose description heading was read right of where its rows print their code and
description (issue 10, faxfl36: a listing's second page, "SIL-TRA-300" and "Neutral silicone" left of
the heading's column, "clear 300 ml" under it).  The business rule: the words printed under a row are
its description, whichever column the heading's place puts them in; a description cut to its right
end names the wrong product or none."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read

HEADING = (
    (50, "Pos."),
    (200, "Descripción"),
    (330, "Cantidad"),
    (390, "Ud."),
    (430, "Precio"),
    (500, "Importe"),
)
FIELDS = ["Nº pedido: PED-26/00123", "Fecha: 23/11/2026", "Fecha de entrega: 30/11/2026"]
FIELDS += ["Nº cliente: C-1001", "Moneda: EUR"]


def _order(rows: list[tuple[tuple[float, str], ...]], total: str) -> dict:
    lines = [cells(40, (50, "Ferretería Núñez S.L."))]
    lines += [cells(70 + 14 * i, (50, text)) for i, text in enumerate(FIELDS)]
    y = 160.0
    lines.append(cells(y, *HEADING))
    for placed in rows:
        y += STEP
        lines.append(cells(y, *placed))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return read(page(*lines))


def _row(pos: str, code: str, qty: str, price: str, amount: str, unit: str = "uds") -> tuple:
    return (50, pos), (85, code), (350, qty), (390, unit), (440, price), (505, amount)


def test_the_words_under_a_row_left_of_the_description_heading_are_its_description() -> None:
    got = _order(
        [
            _row("00010", "TUE-M8", "110", "0,05", "5,50"),
            ((85, "Tuerca hexagonal"), (200, "M8 zincada")),
            _row("00020", "TOR-M8-40", "25", "0,18", "4,50"),
            ((85, "Tornillo hexagonal"), (200, "M8x40 zincado")),
        ],
        total="10,00",
    )
    assert got["lines"][0]["description"].endswith("Tuerca hexagonal M8 zincada")
    assert got["lines"][1]["description"].endswith("Tornillo hexagonal M8x40 zincado")
    assert numbers(got) == [("TUE-M8", "110", "0.05"), ("TOR-M8-40", "25", "0.18")]

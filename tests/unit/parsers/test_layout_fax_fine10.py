"""Fine fax lines, tenth round: a line whose quantity and price were both changed to fit its amount,
and (below) the headings and codes of a listing whose item number OCR ran together.  Each test builds
its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, page, read


def _wire_page(qty: str, price: str) -> list[list[Word]]:
    """7,25 kg of wire at 2,7100 = 19,65 (19,6475 to the cent) beside a line read right, and the total."""
    return [
        cells(40, (50, "Nº pedido: 032/26")),
        cells(54, (50, "Fecha: 24/11/2026")),
        cells(
            160,
            (50, "Código"),
            (130, "Descripción"),
            (330, "Cantidad"),
            (390, "UM"),
            (430, "Precio"),
            (500, "Importe"),
        ),
        cells(174, (50, "ALA-GAL-2"), (130, "Alambre galvanizado"), (330, qty), (390, "kg"), (430, price), (500, "19,65")),
        cells(188, (50, "SIL-TRA-300"), (130, "Silicona neutra"), (330, "12"), (390, "uds"), (430, "4,2000"), (500, "50,40")),
        cells(216, (430, "Total"), (500, "70,05")),
    ]


def _doubted(got: dict[str, Any], field: str) -> bool:
    return any(p["field"] == field and p["code"] == "low_confidence" for p in got["problems"])


def test_a_quantity_and_a_price_both_changed_to_fit_the_amount_are_doubtful() -> None:
    # Found on a tuning fax (accepted wrong): 7,25 kg at 2,7100 for 19,65, the fax read "7,28" and
    # "2,7100" while making the 5 look like an 8.  No one figure changed adds up; changing two did:
    # 7,23 × 2,718 = 19,651, 19,65 to the cent.  One amount cannot pin two figures (with two digits to
    # choose, some pair nearly always fits), so both changed figures wait for a person, though each is
    # pinned alone and the lines add up to the total
    got = read(page(*_wire_page("7,28", "2,7100")))
    assert _doubted(got, "lines[0].quantity") and _doubted(got, "lines[0].unit_price")
    assert got["decision"] == "review"


def test_one_figure_changed_to_fit_an_amount_that_pins_it_is_still_vouched_for() -> None:
    # the same line with only the price spoilt ("2,7180" for 2,7100): 2,71 is the one price at its
    # places that makes 19,65 on 7,25 kg, and the total agrees, so the mended price stands
    got = read(page(*_wire_page("7,25", "2,7180")))
    assert got["lines"][0]["unit_price"] == "2.71"
    assert not _doubted(got, "lines[0].unit_price")

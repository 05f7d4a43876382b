"""A faxed date in words whose month's name OCR read unsure ("12 de diciembre de 2026." with "diciembre" at
0.59, fine fax letter-190878): no misreading of two letters or fewer makes "diciembre" another month's
name, so the word says December whatever OCR thought of its letters, and the date is as sure as its
figures are read.  A month's name a misreading can make another's ("junio", one letter from "julio")
still weighs, and so does every figure: an unsure year or day leaves the date unsure.

The pages are built word by word, as the layout reader gets them from Tesseract.
"""

from __future__ import annotations

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page, sentence

SURE = 0.96
UNSURE = 0.59
FLOOR = 0.8  # the confidence under which validation holds a field for a person
HEADING = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))


def _date(field: str, dated: list[Word]) -> tuple[str | None, float]:
    """The date `field` read from a small faxed order with the line `dated`, and its confidence."""
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "Nº pedido: PED-26/00123")),
        dated,
        cells(160, *HEADING),
        cells(174, (50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00")),
        cells(202, (430, "Total"), (500, "45,00")),
    ]
    (got,) = extract_orders([page(*lines)]).orders
    value = getattr(got, field)
    found = got.evidence_for(field)
    return (value.isoformat() if value else None), (found.confidence if found else 0.0)


def _order_date(day: str, month: str, year: str, *, month_conf: float, figures: float = SURE) -> tuple:
    """The order date read from "Fecha: <day> de <month> de <year>", the month at `month_conf`."""
    words = [
        ("Fecha:", SURE),
        (day, figures),
        ("de", SURE),
        (month, month_conf),
        ("de", SURE),
        (year, SURE),
    ]
    return _date("order_date", sentence(84, *words))


def test_an_order_date_whose_month_name_is_read_unsure_is_as_sure_as_its_figures() -> None:
    when, confidence = _order_date("26", "noviembre", "2026", month_conf=UNSURE)
    assert when == "2026-11-26"
    assert confidence >= FLOOR


def test_a_delivery_sentence_whose_month_name_is_read_unsure_is_as_sure_as_its_figures() -> None:
    # letter-190878: "Necesitamos el material para el día sábado, 12 de diciembre de 2026."
    words = [
        ("Necesitamos", SURE),
        ("el", SURE),
        ("material", SURE),
        ("para", SURE),
        ("el", SURE),
        ("día", SURE),
        ("sábado,", SURE),
        ("12", SURE),
        ("de", SURE),
        ("diciembre", UNSURE),
        ("de", SURE),
        ("2026.", SURE),
    ]
    dated = [*cells(84, (50, "Fecha: 26/11/2026")), *sentence(120, *words)]
    when, confidence = _date("requested_delivery_date", dated)
    assert when == "2026-12-12"
    assert confidence >= FLOOR


def test_a_month_name_one_letter_from_another_month_still_weighs() -> None:
    # "junio" is "julio" with one letter read otherwise: read unsure, it may be July
    when, confidence = _order_date("26", "junio", "2026", month_conf=UNSURE)
    assert when == "2026-06-26"
    assert confidence < FLOOR


def test_a_figure_read_unsure_still_weighs() -> None:
    when, confidence = _order_date("26", "noviembre", "2026", month_conf=UNSURE, figures=UNSURE)
    assert when == "2026-11-26"
    assert confidence < FLOOR

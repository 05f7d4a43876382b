"""A letter's order date stated in its sentence ("Adjuntamos nuestro pedido 80767-26, fechado el 26 de
noviembre de 2026. Les rogamos ...") is as sure as OCR read the date's own words, under the sentence's
certainty: how surely it read the words that join the date to the order number ("fechado el"), or the
next sentence's first word ("Les"), says nothing of the date's figures (fine fax letter-109003: its
date waited at 0.70 for a "fechado" read at 0.78, the date's words read at 0.96).  A date word read
unsure still makes the date doubtful, and so does a date read only once its misreading was mended."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import cells, doubted, page, read, sentence

TABLE = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), (430, "Precio"), (500, "Importe"))
ROW = ((50, "TOR-M8-40"), (130, "Tornillo M8x40"), (340, "250"), (430, "0,18"), (500, "45,00"))


def _letter(*after_number: tuple[str, float]) -> dict[str, object]:
    opening = (("Adjuntamos", 0.96), ("nuestro", 0.96), ("pedido", 0.96), ("80767-26,", 0.93))
    lines = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(54, (50, "Nº cliente: C-1001")),
        sentence(80, *opening, *after_number),
        cells(160, *TABLE),
        cells(174, *ROW),
        cells(202, (430, "Total"), (500, "45,00")),
    ]
    return read(page(*lines))


DATE = (("26", 0.96), ("de", 0.96), ("noviembre", 0.96), ("de", 0.96), ("2026.", 0.96))


def test_a_joining_word_read_unsure_leaves_the_date_as_sure_as_its_own_words() -> None:
    got = _letter(("fechado", 0.78), ("el", 0.96), *DATE, ("Les", 0.70), ("rogamos", 0.93))
    assert got["order_date"] == "2026-11-26"
    assert not doubted(got, "order_date")


def test_a_date_word_read_unsure_keeps_the_date_doubtful() -> None:
    unsure = (("26", 0.70), *DATE[1:])
    got = _letter(("fechado", 0.96), ("el", 0.96), *unsure, ("Les", 0.96))
    assert got["order_date"] == "2026-11-26"
    assert doubted(got, "order_date")


def test_a_date_read_only_once_its_month_was_mended_keeps_the_date_doubtful() -> None:
    # "novlembre": an i read as an l, the month found only by mending it; every word read sure
    mended = (DATE[0], DATE[1], ("novlembre", 0.96), *DATE[3:])
    got = _letter(("fechado", 0.96), ("el", 0.96), *mended, ("Les", 0.96))
    assert got["order_date"] == "2026-11-26"
    assert doubted(got, "order_date")

"""A delivery date stated in a sentence ("Rogamos entregar antes del 10 de diciembre de 2026") is sure
when the sentence plainly asks for delivery on that one date and the rest of the order agrees; in any
other case a person confirms it. Each on a small order from the demo customer (dated 26/11/2026) that
is otherwise read fully right, so the delivery date alone decides whether it goes untouched."""

from __future__ import annotations

from typing import Any

import pytest

from oms.extract import result_json
from tests.unit.parsers.doc_support import Doc
from tests.unit.parsers.pdf_support import TODAY, SampleMaster, parse

DOUBT = ("low_confidence", "requested_delivery_date")


def _order(sentence: str, *header: str, dated: str = "") -> dict[str, Any]:
    """The demo customer's order OC-7720 with `sentence` above its one line; `dated` replaces its
    numeric "Fecha: 26/11/2026" by another way of printing that date."""
    doc = Doc().known_buyer("OC-7720", *header)
    if dated:
        doc = Doc()
        doc.row(40, (40, "Ferretería Núñez S.L."), size=14)
        doc.row(56, (40, "GLN: 8437000100010"), (300, "PEDIDO DE COMPRA"))
        doc.row(70, (40, "Nº pedido: OC-7720"), (300, f"Fecha: {dated}"))
    doc.row(150, (40, sentence))
    doc.row(200, (40, "Ref."), (110, "Descripción"), (300, "Cantidad"), (360, "Precio"), (500, "Importe"))
    doc.row(216, (40, "ARA-M8"), (110, "Arandela plana M8"), (300, "1000"), (360, "0,02"), (500, "20,00"))
    doc.row(244, (400, "Total"), (500, "20,00"))
    return result_json("o.pdf", None, parse(doc.pdf()), SampleMaster(), TODAY)["orders"][0]  # type: ignore[no-any-return]


def _doubts(order: dict[str, Any]) -> set[tuple[str, str]]:
    return {(p["code"], p["field"]) for p in order["problems"]}


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Rogamos entregar antes del 10 de diciembre de 2026.", "2026-12-10"),
        ("Please deliver no later than 3rd December 2026.", "2026-12-03"),
        ("Goods required by 05/12/2026.", "2026-12-05"),  # day first: the order's 26/11/2026 says so
    ],
)
def test_a_delivery_date_a_sentence_plainly_asks_for_is_sure(sentence: str, wanted: str) -> None:
    order = _order(sentence)
    assert order["requested_delivery_date"] == wanted
    assert DOUBT not in _doubts(order)
    assert order["decision"] == "accept", order["problems"]


def test_two_dates_in_the_delivery_sentence_leave_it_to_a_person() -> None:
    order = _order(
        "Rogamos entregar antes del 10 de diciembre de 2026 o, si no es posible, el 15 de diciembre de 2026."
    )
    assert order["requested_delivery_date"] == "2026-12-10"
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Rogamos entregar antes del 20 de noviembre de 2026.", "2026-11-20"),  # before the order's date
        ("Rogamos entregar antes del 10 de diciembre de 2027.", "2027-12-10"),  # over a year after it
    ],
)
def test_a_delivery_date_out_of_step_with_the_order_date_is_doubtful(sentence: str, wanted: str) -> None:
    order = _order(sentence)  # the order is dated 26/11/2026
    assert order["requested_delivery_date"] == wanted
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


def test_a_date_after_a_delivery_word_in_a_sentence_about_something_else_is_doubtful() -> None:
    order = _order("Les rogamos confirmen el pedido antes del 10 de diciembre de 2026.")
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


def test_a_sentence_disagreeing_with_the_labelled_delivery_date_is_doubtful() -> None:
    order = _order("Rogamos entregar antes del 10 de diciembre de 2026.", "Entrega: 03/12/2026")
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Please deliver no later than 14-Dec-26.", "2026-12-14"),
        ("Goods to arrive by 13-Dec-26.", "2026-12-13"),
        ("Rogamos entregar antes del 05-dic-26.", "2026-12-05"),
    ],
)
def test_a_month_in_letters_with_a_two_digit_year_needs_no_numeric_date_to_decide(
    sentence: str, wanted: str
) -> None:
    # the order's own date is "24-Nov-26" too: nothing numeric on the page says day or month first,
    # and none is needed when the month is written in letters; the order date settles the century
    order = _order(sentence, dated="24-Nov-26")
    assert order["order_date"] == "2026-11-24"
    assert order["requested_delivery_date"] == wanted
    assert DOUBT not in _doubts(order)
    assert order["decision"] == "accept", order["problems"]


def test_a_month_in_letters_with_a_two_digit_year_before_the_order_date_is_doubtful() -> None:
    # "14-Dec-25" read as 14 December 2025 lies before the order's 24-Nov-26: a person confirms it
    order = _order("Please deliver no later than 14-Dec-25.", dated="24-Nov-26")
    assert order["requested_delivery_date"] == "2025-12-14"
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


def test_a_numeric_date_in_a_sentence_is_doubtful_when_nothing_says_day_or_month_first() -> None:
    order = _order("Goods required by 05/12/2026.", dated="26 de noviembre de 2026")
    assert order["order_date"] == "2026-11-26"
    assert order["requested_delivery_date"] == "2026-12-05"  # read day first, as Spain writes, but a guess
    assert DOUBT in _doubts(order)
    assert order["decision"] != "accept"


def test_a_written_date_in_a_sentence_needs_no_numeric_date_to_decide() -> None:
    order = _order("Goods required by 5 December 2026.", dated="26 de noviembre de 2026")
    assert order["requested_delivery_date"] == "2026-12-05"
    assert DOUBT not in _doubts(order)
    assert order["decision"] == "accept", order["problems"]

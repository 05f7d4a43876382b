"""The layout reader's remembered answers: computed once per text, bounded, forgettable, and never shared
in a form one caller could change under the next."""

from __future__ import annotations

from decimal import Decimal

from parsers.layout import memo
from parsers.layout.numbers import looks_numeric, readings
from parsers.layout.text import token_key


def test_an_answer_is_computed_once_per_text_until_forgotten() -> None:
    calls: list[str] = []

    @memo.remembered
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [shout("pedido"), shout("pedido"), shout("fecha")] == ["PEDIDO", "PEDIDO", "FECHA"]
    assert calls == ["pedido", "fecha"]
    memo.clear()
    assert shout("pedido") == "PEDIDO"
    assert calls == ["pedido", "fecha", "pedido"]


def test_a_long_run_of_distinct_texts_keeps_at_most_the_bound() -> None:
    @memo.remembered
    def length(text: str) -> int:
        return len(text)

    for i in range(memo.SIZE + 50):
        length(f"word {i}")
    assert length.cache_info().currsize == memo.SIZE  # type: ignore[attr-defined]
    memo.clear()
    assert memo.held() == 0


def test_changing_a_returned_list_of_readings_does_not_change_the_next_answer() -> None:
    first = readings("1.250,00", ",")
    first.clear()
    again = readings("1.250,00", ",")
    assert again and again[0].value == Decimal("1250.00")


def test_remembered_reader_functions_answer_as_before_when_cold_and_warm() -> None:
    memo.clear()
    cold = (token_key("Nº Pedido:"), looks_numeric("1.234,56 €"), looks_numeric("Tornillo"))
    warm = (token_key("Nº Pedido:"), looks_numeric("1.234,56 €"), looks_numeric("Tornillo"))
    assert cold == warm == ("no pedido", True, False)

"""A promotion said in words is read back (an outbound EDIFACT allowance takes the promotion and its
percentage from the words the order keeps): the id, and the percent for a percentage
promotion, with or without a description in brackets; the other kinds give their id and no percent;
words that are no promotion give nothing."""

from __future__ import annotations

from decimal import Decimal

from core.catalog.domain.promotions import Promotion, described_parts


def test_a_percentage_promotion_is_read_back_from_its_words() -> None:
    words = Promotion(
        "NAVIDAD10", "percent", "all", value=Decimal("12.5"), description="Navidad (tienda)"
    ).describe()
    assert described_parts(words) == ("NAVIDAD10", Decimal("12.5"))
    assert described_parts("  promotion TORN10: 10 % off ") == ("TORN10", Decimal(10))


def test_other_kinds_give_their_id_and_no_percent() -> None:
    assert described_parts("promotion F: 0.02 EUR off each unit") == ("F", None)
    assert described_parts("promotion G (Lote): buy 2 get 1 free") == ("G", None)


def test_words_that_are_no_promotion_give_nothing() -> None:
    assert described_parts("agreed price of C-1") == (None, None)
    assert described_parts("") == (None, None)

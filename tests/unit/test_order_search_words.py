"""What an order search understands, by the rule written out: the words of a search text are lower
case; letters (accents kept) and digits make words, as do - . / _ inside codes and dates; everything
else splits words; nothing to search is no words. A sort is one of the listed columns."""

from __future__ import annotations

import pytest

from core.reporting.domain.search import SORTS, OrderQuery, words


def test_codes_dates_and_accented_names_stay_whole_words() -> None:
    assert words("TOR-M8-40, Núñez; PO/2026_7 3.12.2026") == ["tor-m8-40", "núñez", "po/2026_7", "3.12.2026"]


def test_other_punctuation_splits_and_nothing_is_no_words() -> None:
    assert words("(tuerca)+[arandela]  «taco»\tM8!") == ["tuerca", "arandela", "taco", "m8"]
    assert words("") == [] and words(None) == [] and words(" ,;! ") == []


def test_a_sort_is_one_of_the_columns() -> None:
    for column in ("created_at", "id", "po_number", "customer_id", "total", "state", "channel"):
        assert OrderQuery(sort=column).sort == column
    assert len(SORTS) == 7
    with pytest.raises(ValueError, match="sort must be one of created_at, id"):
        OrderQuery(sort="password")


def test_by_default_the_newest_fifty_first() -> None:
    query = OrderQuery()
    assert (query.sort, query.descending, query.limit, query.offset) == ("created_at", True, 50, 0)

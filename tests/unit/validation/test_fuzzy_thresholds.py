"""Where a fuzzy guess starts, written out as the review queue's guide states it (docs/review-queue.md,
"Matching when codes fail"): a customer is guessed from its name only when the name reads at least 88 in
100 like ours, a product from its description at 85, and in both cases only when the best reading leads
the next one by 6 points or more; otherwise a person chooses. "Reads like" is rapidfuzz's token-set
ratio; the names below are built so that its score is known exactly (one changed letter of two names n
letters long costs 2 of 2n), and each test first checks that score, so the boundary is tested rather
than assumed."""

from __future__ import annotations

from rapidfuzz import fuzz

from core.capture.domain.order import Party
from core.kernel.domain.model import Customer, Product
from validation.fuzzy import customer_by_name, product_by_description

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def changed(text: str, letters: int) -> str:
    """The text with its last `letters` letters replaced by digits it does not contain."""
    return text[: len(text) - letters] + "0123456789"[:letters]


def dropped(text: str, letters: int) -> str:
    """The text without its first `letters` letters."""
    return text[letters:]


def test_a_customer_name_reading_88_is_guessed_and_87_5_is_not() -> None:
    name = LETTERS[:25]  # 25 letters each side: three changed letters cost 6 of 50, so 88
    ours = Customer("C-1", changed(name, 3))
    assert fuzz.token_set_ratio(name, ours.name) == 88
    found = customer_by_name(Party(name=name), [ours])
    assert found is not None and found[0] is ours and found[1].score == 88

    shorter = LETTERS[:24]  # 24 letters each side: three changed letters cost 6 of 48, so 87.5
    near = Customer("C-2", changed(shorter, 3))
    assert fuzz.token_set_ratio(shorter, near.name) == 87.5
    assert customer_by_name(Party(name=shorter), [near]) is None


def test_a_product_description_reading_85_is_guessed_and_84_2_is_not() -> None:
    text = LETTERS[:20]  # three changed letters of 20: 6 of 40, so 85
    ours = Product("SKU-1", changed(text, 3))
    assert fuzz.token_set_ratio(text, ours.name) == 85
    found = product_by_description(text, [ours])
    assert found is not None and found[0] is ours and found[1].score == 85

    shorter = LETTERS[:19]  # three changed letters of 19: 6 of 38, about 84.2
    near = Product("SKU-2", changed(shorter, 3))
    assert 84 < fuzz.token_set_ratio(shorter, near.name) < 85
    assert product_by_description(shorter, [near]) is None


def test_the_english_description_counts_as_much_as_the_name() -> None:
    text = LETTERS[:20]
    ours = Product("SKU-1", "tornillo", description_en=changed(text, 3))
    found = product_by_description(text, [ours])
    assert found is not None and found[0] is ours and found[1].score == 85


def test_a_best_reading_six_points_ahead_is_taken() -> None:
    text = LETTERS + LETTERS[:24]  # 50 letters: three changed cost 6 of 100, so 94 against the exact 100
    exact = Product("SKU-1", text)
    runner_up = Product("SKU-2", changed(text, 3))
    assert fuzz.token_set_ratio(text, runner_up.name) == 94
    found = product_by_description(text, [runner_up, exact])
    assert found is not None and found[0] is exact and found[1].score == 100


def test_a_best_reading_less_than_six_points_ahead_is_left_to_a_person() -> None:
    text = LETTERS + LETTERS[:24]
    exact = Product("SKU-1", text)
    # one letter fewer and two changed: 5 of 99, about 94.95, so the lead is about 5.05
    runner_up = Product("SKU-2", changed(dropped(text, 1), 2))
    assert 94 < fuzz.token_set_ratio(text, runner_up.name) < 95
    assert product_by_description(text, [exact, runner_up]) is None


def test_the_lead_counts_between_customers_too() -> None:
    name = LETTERS[:25]
    ours = Customer("C-1", name)
    # two changed letters of 25: 4 of 50, 92, a lead of 8
    other = Customer("C-2", changed(name, 2))
    found = customer_by_name(Party(name=name), [other, ours])
    assert found is not None and found[0] is ours
    # one changed letter: 2 of 50, 96, a lead of 4
    close = Customer("C-3", changed(name, 1))
    assert customer_by_name(Party(name=name), [close, ours]) is None

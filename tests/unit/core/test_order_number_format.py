"""A customer's order-number format learnt from its earlier numbers (`core.capture.domain.order_numbers`):
a faxed "PC-" number, which may be PO- with an O the fax broke open, is the customer's own only when at
least two of its earlier numbers have the very same letters, separators and figure count, and none of
them has the prefix one O, C or G away ("PO-")."""

from __future__ import annotations

from core.capture.domain.order_numbers import shape, usual_format


def test_the_format_is_the_letters_and_separators_with_each_figure_a_nine() -> None:
    assert shape("PC-2026-42693") == "PC-9999-99999"
    assert shape("pc26007793") == "PC99999999"


def test_two_earlier_numbers_of_the_same_format_make_it_the_customers_own() -> None:
    assert usual_format("PC26007793", ["PC26078349", "PC26027144"])
    assert usual_format("PC-2026-42693", ["PC-2026-11111", "PC-2026-22222", "XY-1"])


def test_one_earlier_number_or_none_is_not_enough() -> None:
    assert not usual_format("PC26007793", ["PC26078349"])
    assert not usual_format("PC26007793", [])
    # the same number twice is one number
    assert not usual_format("PC26007793", ["PC26078349", "PC26078349"])


def test_the_same_letters_in_another_shape_do_not_count() -> None:
    # a separator, or a figure more, is another format
    assert not usual_format("PC26007793", ["PC-26078349", "PC-26027144"])
    assert not usual_format("PC26007793", ["PC260783491", "PC260271441"])


def test_a_customer_printing_the_prefix_one_letter_off_as_well_keeps_the_doubt() -> None:
    earlier = ["PC26078349", "PC26027144", "PO26011111"]
    assert not usual_format("PC26007793", earlier)
    assert not usual_format("PC-2026-42693", ["PC-2026-1", "PC-2026-2", "PO-2026-42693"])
    # a G for a closed C: the customer's OC- numbers keep an "OG-" reading in doubt
    assert not usual_format("OG-2026-89709", ["OG-2026-11111", "OG-2026-22222", "OC-2026-33333"])
    assert usual_format("OG-2026-89709", ["OG-2026-11111", "OG-2026-22222"])


def test_a_number_without_a_letters_prefix_is_never_vouched_for() -> None:
    assert not usual_format("26007793", ["26078349", "26027144"])

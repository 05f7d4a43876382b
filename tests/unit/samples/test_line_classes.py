"""The fax bench's error classes (bench.line_classes): why a line was read wrong, on lines written here."""

from __future__ import annotations

from typing import Any

from bench.line_classes import align, classify, line_classes, units


def truth_line(code: str, sku: str, qty: str, price: str, **more: Any) -> dict[str, Any]:
    line = {
        "line_no": "00010",
        "item_code": code,
        "sku": sku,
        "quantity": qty,
        "unit_price": price,
        "printed_price": price,
        "price_per": 1,
        "discount_pct": "0",
        "unit": "EA",
    }
    return line | more


def read_line(code: str | None, sku: str | None, qty: str | None, price: str | None) -> dict[str, Any]:
    return {"item_code": code, "sku": sku, "quantity": qty, "unit_price": price, "unit": "EA"}


WANT = truth_line("TOR-M8-40", "TOR-M8-40", "25", "0.12")


def test_a_line_read_right_has_no_class() -> None:
    assert line_classes(WANT, read_line("TOR-M8-40", "TOR-M8-40", "25.00", "0.120")) == []


def test_a_code_split_by_a_space_is_cut() -> None:
    assert line_classes(WANT, read_line("TOR-M8 -40", None, "25", "0.12")) == ["code cut"]
    assert line_classes(WANT, read_line("TOR-M8", None, "25", "0.12")) == ["code cut"]


def test_a_code_run_into_its_position_number_or_its_neighbour_is_joined() -> None:
    assert line_classes(WANT, read_line("00010TOR-M8-40", None, "25", "0.12")) == ["code joined: pos"]
    assert line_classes(WANT, read_line("TOR-M8-4025", None, "25", "0.12")) == ["code joined"]


def test_a_code_with_one_letter_wrong_is_misread_and_a_right_code_unresolved_is_master_data() -> None:
    assert line_classes(WANT, read_line("T0R-M8-40", None, "25", "0.12")) == ["code misread"]
    assert line_classes(WANT, read_line("TOR-M8-40", None, "25", "0.12")) == ["code right, no sku"]
    assert line_classes(WANT, read_line(None, None, "25", "0.12")) == ["code missing"]


def test_numbers_with_a_digit_wrong_against_numbers_lost() -> None:
    assert line_classes(WANT, read_line("TOR-M8-40", "TOR-M8-40", "26", "0.12")) == ["qty digit"]
    assert line_classes(WANT, read_line("TOR-M8-40", "TOR-M8-40", "250", "0.12")) == ["qty other"]
    assert line_classes(WANT, read_line("TOR-M8-40", "TOR-M8-40", "25", "0.17")) == ["price digit"]
    assert line_classes(WANT, read_line("TOR-M8-40", "TOR-M8-40", "25", None)) == ["price other"]


def test_a_price_per_hundred_taken_as_the_unit_price_is_the_basis() -> None:
    want = truth_line("TOR-M8-40", "TOR-M8-40", "25", "0.12", printed_price="12", price_per=100)
    assert line_classes(want, read_line("TOR-M8-40", "TOR-M8-40", "25", "12")) == ["price basis"]


def test_a_lost_row_counts_once_and_the_rows_after_it_are_judged_on_their_own() -> None:
    truth = {
        "lines": [
            truth_line("A-1", "A-1", "1", "10"),
            truth_line("B-2", "B-2", "2", "20"),
            truth_line("C-3", "C-3", "3", "30"),
        ]
    }
    got = {"lines": [read_line("A-1", "A-1", "1", "10"), read_line("C-3", "C-3", "3", "30")]}
    assert align(truth["lines"], got["lines"]) == [(0, 0), (1, None), (2, 1)]
    assert [name for name, _ in classify(truth, got)] == ["row lost"]


def test_a_read_line_with_nothing_of_the_truth_is_an_extra_row() -> None:
    truth = {"lines": [truth_line("A-1", "A-1", "1", "10")]}
    got = {"lines": [read_line("A-1", "A-1", "1", "10"), read_line("TOTAL", None, "999", "1")]}
    assert [name for name, _ in classify(truth, got)] == ["extra row"]


def test_units_are_judged_on_every_line_read_with_its_product() -> None:
    truth = {
        "lines": [WANT, truth_line("TUE-M8", "TUE-M8", "100", "0.05"), truth_line("X-1", "X-1", "3", "1")]
    }
    got = {
        "lines": [
            read_line("TOR-M8-40", "TOR-M8-40", "25", "0.12"),  # right, unit EA: the product's
            read_line("TUE-M8", "TUE-M8", "100", "0.05") | {"unit": "PEZZI"},  # right but for its unit
            read_line("X-1", None, "3", "1") | {"unit": "KG"},  # no product found: its unit not judged
        ]
    }
    assert units(truth, got) == (1, 2)

"""Item codes OCR cut in two or ran into a neighbour, put right against master data only (issue 10):
"TOR-M8" + "-40", "00010TOR-M8-40", "REM-AL-4Remache".  A repair counts only when it is the one code
master data knows and the code as read is known to none; anything else stays for a person."""

from __future__ import annotations

import pytest

from core.capture.domain.order import CapturedLine
from parsers.layout.codes import repairs
from tests.unit.parsers.ocr_support import order, read, row
from tests.unit.parsers.pdf_support import SampleMaster
from validation.resolve import resolve_line


@pytest.mark.parametrize(
    ("code", "before", "after", "position", "meant"),
    [
        ("TOR-M8", None, "-40", None, "TOR-M8-40"),  # cut at a hyphen, the rest in the description
        ("BRI-NY", None, "200", None, "BRI-NY-200"),  # cut, the hyphen lost at the cut
        ("M8-40", "TOR-", None, None, "TOR-M8-40"),  # the head in the position column
        ("00010TOR-M8-40", None, None, "10", "TOR-M8-40"),  # the position number run onto it
        ("10TOR-M8-40", None, None, "10", "TOR-M8-40"),
        ("REM-AL-4Remache", None, None, None, "REM-AL-4"),  # the description's first word run onto it
        ("CHA-ALT-VISChaleco", None, None, None, "CHA-ALT-VIS"),
        ("8437000100188Silicona", None, None, None, "8437000100188"),
        (None, "TOR-M8", "-40", None, "TOR-M8-40"),  # no code column: two words of the description
    ],
)
def test_the_printed_code_is_among_the_repairs(
    code: str | None, before: str | None, after: str | None, position: str | None, meant: str
) -> None:
    assert meant in repairs(code, before, after, position)


def test_a_code_is_not_cut_where_nothing_marks_a_seam() -> None:
    # inside a run of capitals or of digits nothing says where a neighbour would begin
    found = repairs("TORM840", None, None, None)
    assert not any(c in found for c in ("TORM", "TORM8", "M840", "840"))
    # a word after the code is joined on only when it is short and code-like
    assert not any("Tornillo" in c for c in repairs("TOR-M8-40", None, "Tornillo", None))


def test_a_position_number_is_taken_off_digits_only_when_it_is_the_lines() -> None:
    # a GTIN after the position: only the digits of the line's own position come off
    assert "8437000100140" in repairs("000108437000100140", None, None, "10")
    assert "8437000100140" not in repairs("000208437000100140", None, None, "10")


# -- on pages: the layout reader and validation against the demo master data -------------------------
def test_a_code_cut_in_two_by_the_description_column_is_joined_and_resolved() -> None:
    got = read(order([row("TOR-M8", "250", "0,18", "45,00", desc="-40 Tornillo"), TUE_ROW]))
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    # the code stays as it was read: the clerk sees what the page said
    assert got["lines"][0]["item_code"] == "TOR-M8"


def test_a_code_run_into_the_description_is_parted_and_resolved() -> None:
    got = read(order([row("TOR-M8-40Tornillo", "250", "0,18", "45,00", desc="hexagonal"), TUE_ROW]))
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]


def test_a_position_number_run_into_the_code_is_taken_off() -> None:
    # the first line's position is 1 (the table numbers no rows): "1TOR-M8-40" is it run into the code
    got = read(order([row("1TOR-M8-40", "250", "0,18", "45,00"), TUE_ROW]))
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]


def test_a_repair_master_data_does_not_know_leaves_the_line_for_a_person() -> None:
    got = read(order([row("TOR-M8", "250", "0,18", "45,00", desc="-41 Tornillo"), TUE_ROW]))
    assert got["lines"][0]["sku"] is None
    assert got["decision"] == "review"
    assert "lines[0].item_code" in {p["field"] for p in got["problems"]}


def test_two_known_codes_run_together_name_neither() -> None:
    # "TUE-M8" and "TAC-6" are both ours: which one the line meant, only a person can say
    got = read(order([row("TUE-M8TAC-6", "250", "0,18", "45,00"), TUE_ROW]))
    assert got["lines"][0]["sku"] is None
    assert got["decision"] == "review"


def test_a_known_code_as_read_wins_over_any_repair() -> None:
    line = CapturedLine(item_code="TUE-M8", code_repairs=("TAC-6",))
    found = resolve_line(line, None, SampleMaster())
    assert found.product is not None and found.product.sku == "TUE-M8" and found.via == "sku"


def test_a_repaired_code_is_found_as_the_customers_own_code_too() -> None:
    master = SampleMaster()
    customer = master.customer("C-1001")
    line = CapturedLine(item_code="0004711", code_repairs=("4711",))  # C-1001's code for TOR-M8-40
    found = resolve_line(line, customer, master)
    assert found.product is not None and found.product.sku == "TOR-M8-40" and found.via == "repaired"


TUE_ROW = row("TUE-M8", "222", "0,05", "11,10", desc="Tuerca")

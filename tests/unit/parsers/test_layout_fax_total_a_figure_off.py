"""A normal fax's total with tax read a figure off, where the net total, the rate and the tax printed
above it agree: the total is the net plus the tax, and a person confirms it."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.tax_support import low as _low
from tests.unit.parsers.tax_support import read_taxed


def _read(tax: str, gross: str, rate: str = "IVA 10 %") -> dict[str, Any]:
    return read_taxed(tax, gross, rate)


def test_a_total_read_a_figure_off_the_net_plus_its_tax_is_that_sum_for_a_person_to_confirm() -> None:
    # 56,10 and 10 % make 5,61 and 61,71; OCR read the total as "67,71"
    got = _read("5,61", "67,71")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("61.71", "56.1", "5.61")
    assert "total" in _low(got) and got["decision"] != "accept"


def test_a_total_two_figures_off_is_left_unaccounted_for() -> None:
    got = _read("5,61", "67,77")
    assert got["net_total"] is None and got["total"] == "56.1"
    assert any(p["code"] == "total_mismatch" for p in got["problems"])


def test_a_tax_that_is_not_the_nets_share_at_its_printed_rate_mends_no_total() -> None:
    # 5,61 is not 21 % of 56,10: the tax line itself may be misread, so it vouches for nothing
    got = _read("5,61", "67,71", rate="IVA 21 %")
    assert got["net_total"] is None and got["total"] == "56.1"
    assert any(p["code"] == "total_mismatch" for p in got["problems"])

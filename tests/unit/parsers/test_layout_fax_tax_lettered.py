"""A normal fax's tax amount with a figure read as a letter, and a total with tax with a figure lost:
where the net total, the printed rate and the other total agree to the cent, the order still has its
total with tax, and a person confirms the mended amount."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.tax_support import low, read_taxed


def _read(tax: str, gross: str, rate: str = "IVA 21 %") -> dict[str, Any]:
    return read_taxed(tax, gross, rate)


def test_a_tax_with_a_figure_read_as_a_letter_is_the_totals_difference_for_a_person_to_confirm() -> None:
    # 21 % of 56,10 is 11,781, printed 11,78; the total with tax is 67,88; OCR read the tax "Y1,78"
    got = _read("Y1,78", "67,88")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "11.78", "67.88")
    assert "tax_total" in low(got) and got["decision"] != "accept"


def test_a_lettered_tax_whose_other_figures_differ_mends_nothing() -> None:
    # "Y1,77": a letter for the 1 and the 8 read as 7; the figures read are not the totals' difference
    got = _read("Y1,77", "67,88")
    assert got["net_total"] is None and got["total"] == "56.1"
    assert any(p["code"] == "total_mismatch" for p in got["problems"])


def test_a_lettered_tax_at_a_rate_that_does_not_give_the_difference_mends_nothing() -> None:
    # 20 % of 56,10 is 11,22, not the 11,78 between the totals: the rate vouches for neither
    got = _read("Y1,78", "67,88", rate="IVA 20 %")
    assert got["net_total"] is None and got["total"] == "56.1"


def test_a_total_with_a_figure_lost_is_the_net_plus_its_tax_for_a_person_to_confirm() -> None:
    # 56,10 and 10 % make 5,61 and 61,71; OCR lost the total's first figure: "1,71"
    got = _read("5,61", "1,71", rate="IVA 10 %")
    assert (got["net_total"], got["tax_total"], got["total"]) == ("56.1", "5.61", "61.71")
    assert "total" in low(got) and got["decision"] != "accept"

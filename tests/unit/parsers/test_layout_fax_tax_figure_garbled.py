"""A normal fax's tax amount with one figure read as a mark that is no figure ("¿10,80" for 310,80),
where the net total, the rate and the total with tax printed around it make the tax exactly: the tax
is that amount, and a person confirms it."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.tax_support import low as _low
from tests.unit.parsers.tax_support import read_taxed


def _read(tax: str, gross: str, rate: str = "IVA 20 %") -> dict[str, Any]:
    return read_taxed(tax, gross, rate)


def test_a_tax_with_a_figure_read_as_a_mark_is_the_totals_difference_at_its_printed_rate() -> None:
    # 20 % of 56,10 is 11,22 and the total 67,32 is their sum; OCR read the tax's first figure as "¿"
    got = _read("¿1,22 EUR", "67,32")
    assert (got["total"], got["net_total"], got["tax_total"]) == ("67.32", "56.1", "11.22")
    assert "tax_total" in _low(got) and got["decision"] != "accept"


def test_a_garbled_tax_at_a_rate_that_does_not_give_it_exactly_mends_nothing() -> None:
    # 21 % of 56,10 is 11,781: no printed tax to the cent is exactly that, so nothing vouches for 11,22
    got = _read("¿1,22", "67,32", rate="IVA 21 %")
    assert got["net_total"] is None and got["total"] == "56.1"


def test_a_tax_with_a_figure_read_as_another_figure_is_not_taken_for_a_garbled_one() -> None:
    # "71,22" is a figure misread as another (left to the one-figure-off rule), not a mark: with a total
    # two figures off too, nothing adds up and nothing is mended
    got = _read("7¿,22", "67,32")
    assert got["net_total"] is None and got["total"] == "56.1"


def test_a_garbled_tax_whose_percent_sign_was_lost_too_is_the_share_at_the_figure_standing_for_the_rate() -> (
    None
):
    # "IVA 20 ¿1,22": the "%" lost as well; 20 is still the rate that makes 11,22 of 56,10 exactly
    got = _read("¿1,22", "67,32", rate="IVA 20")
    assert (got["total"], got["tax_total"]) == ("67.32", "11.22")
    assert "tax_total" in _low(got) and got["decision"] != "accept"

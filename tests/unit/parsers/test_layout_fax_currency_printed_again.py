"""A currency its label gives, read unsure, that the page prints again beside its amounts.

The business rule: a currency read unsure (a dot-matrix "VALUTA ....... EUR" whose "EUR" OCR read at
0.82: fine fax dotmatrix-109503) waits for a person, unless a second printed copy pins it.  Where every
other currency sign and code on the page ("Total (EUR)", the prices' "€") states the same currency, the
page prints it again: those copies vouch for the reading, and the order flows.  A sign on the page that
states another currency, or no other sign at all, leaves it as read, in doubt.
"""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import HEADING, cells, doubted, header_rows, page, read, word


def _label(code: str) -> list[Word]:
    """ "Moneda: EUR", the code read unsure."""
    return [word("Moneda:", 50, 126, conf=0.95), word(code, 110, 126, conf=0.7)]


def _order(total_line: str, *, price: str = "0,18", amount: str = "45,00") -> dict[str, Any]:
    return read(
        page(
            *header_rows(currency=False),
            _label("EUR"),
            cells(160, *HEADING),
            cells(
                174,
                (50, "TOR-M8-40"),
                (130, "Tornillo"),
                (350, "250"),
                (390, "uds"),
                (440, price),
                (505, amount),
            ),
            cells(202, (400, total_line), (505, "45,00")),
        )
    )


def test_a_currency_read_unsure_that_the_total_states_again_flows() -> None:
    got = _order("Total (EUR)")
    assert got["currency"] == "EUR"
    assert not doubted(got, "currency")
    assert got["decision"] == "accept"


def test_a_currency_read_unsure_that_no_other_sign_states_stays_doubtful() -> None:
    got = _order("Total")
    assert got["currency"] == "EUR"
    assert doubted(got, "currency")


def test_a_currency_read_unsure_that_another_sign_gainsays_stays_doubtful() -> None:
    got = _order("Total (EUR)", amount="$45,00")
    assert doubted(got, "currency") or got["currency"] != "EUR"
    assert got["decision"] != "accept"

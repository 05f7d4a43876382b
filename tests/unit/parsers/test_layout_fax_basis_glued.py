"""A price heading's basis in brackets that a fax glued to the heading word ("Preis (1000 ME)" read
"Preis'((1000" "ME)"): the bracket still says the prices are for a thousand units.  The page is built
word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

import pytest

from parsers.layout.text import token_key
from parsers.layout.vocab import PER_WORDS
from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read


def _listing(heading: str) -> dict:  # type: ignore[type-arg]
    lines = [
        cells(40, (50, "Bestellung Nr. 4471-26")),
        cells(54, (50, "Datum 26.11.2026")),
        cells(
            160, (50, "Artikel"), (330, "Menge"), (380, "ME"), (430, heading), (485, "ME)"), (530, "Betrag")
        ),
    ]
    # the quantities' thousands points make 1 × 21,60 add up as well as 1.000 at 21,60 a thousand
    rows = [
        ((50, "ARA-M8 Arandela plana M8"), (330, "1.000"), (380, "St"), (430, "21,60"), (530, "21,60")),
        ((50, "TUE-M8 Tuerca hexagonal M8"), (330, "10.000"), (380, "St"), (430, "37,80"), (530, "378,00")),
    ]
    y = 160.0
    for r in rows:
        y += STEP
        lines.append(cells(y, *r))
    lines.append(cells(y + 2 * STEP, (430, "Summe"), (530, "399,60")))
    return read(page(*lines))


@pytest.mark.parametrize("price_heading", ["Preis'((1000", "Preis(1000", "Preis/(1.000"])
def test_a_basis_bracket_glued_to_the_price_heading_prices_each_line_per_thousand(price_heading: str) -> None:
    # "Preis (1000 ME)": every price of the table is for a thousand units, the bracket glued to "Preis"
    # by the fax or the printer; a thousand at 21,60 a thousand, ten thousand at 37,80 a thousand
    assert numbers(_listing(price_heading)) == [("ARA-M8", "1000", "0.0216"), ("TUE-M8", "10000", "0.0378")]


def test_a_figure_glued_to_a_heading_word_without_a_bracket_is_no_basis() -> None:
    # "Preis1000" is no bracket and no "per": nothing states a basis, so the heading does not make the
    # lines' prices for a thousand (each line adds up for one unit as printed)
    got = _listing("Preis1000")
    assert ("TUE-M8", "10000", "0.0378") not in numbers(got)


@pytest.mark.parametrize("per", [*PER_WORDS, ""])
def test_a_heading_word_with_its_basis_bracket_glued_on_is_matched_as_the_word(per: str) -> None:
    # label matching sees "Preis" in "Preis'((1000" and "Precio(por 100)" alike: the bracket is the
    # basis, read by the table (row_cells.heading_basis), not part of the word naming the column
    assert token_key(f"Preis'(({per}1000") == "preis"
    assert token_key(f"Precio({per}100)") == "precio"
    assert token_key("Preis1000") != "preis"

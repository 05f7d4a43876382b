"""A size column on a normal fax: an Italian order's table prints the article's size ("Misura": 250 for a
250 mm tool, XL for gloves) between its description and its quantity ("Q.tà"), and the fax spoilt the
quantity's decimals apart ("10000," and "00").  A size is no quantity, price or amount: under a heading
that names it as a size ("Misura", "Medida", "Taille", "Größe", "Tamanho", as "Taglia" and "Talla"
already were) its figures are no line's numbers, so the quantity is the one under "Q.tà", 10000, and
"250" is not read as a quantity of 2,50.  The page is built word by word, as Tesseract boxes a normal fax
page (pixels at 204 dots an inch, with the confidences OCR gives such spoilt words)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.capture.domain.layout import PageWords, Word
from parsers.layout import extract_orders


def _word(text: str, x0: float, y0: float, x1: float, y1: float, conf: float = 0.9) -> Word:
    return Word(text, x0, y0, x1, y1, conf)


def _page(size_heading: str) -> PageWords:
    """A heading over a size, a quantity, a price and an amount, and four rows: 10000 × 0,02 = 200,00
    (size 250), 20 × 2,45 = 49,00, 500 × 0,035 = 17,50 and 2500 × 0,012 = 30,00 (size XL), some of
    their figures spoilt as a normal fax spoils them."""
    words = [
        _word(size_heading, 983, 1054, 1076, 1075),
        _word("Q.ta", 1174, 1055, 1232, 1077),
        _word("Prezzo", 1358, 1055, 1451, 1075),
        _word("importo", 1482, 1056, 1594, 1079, 0.54),
        _word("250", 978, 1320, 1036, 1372),
        _word("10000,", 1116, 1320, 1199, 1372),
        _word("00", 1203, 1335, 1232, 1356),
        _word("0,02", 1373, 1321, 1449, 1358, 0.12),
        _word("200,", 1506, 1336, 1559, 1358),
        _word("00", 1560, 1320, 1594, 1372),
        _word("20,00", 1162, 1467, 1232, 1505, 0.27),
        _word("2,45,", 1395, 1468, 1457, 1504, 0.08),
        _word("49,00", 1522, 1467, 1591, 1505, 0.77),
        _word("500,", 1142, 1512, 1198, 1572),
        _word("00", 1203, 1531, 1231, 1552, 0.3),
        _word("035|", 1403, 1517, 1449, 1551, 0.61),
        _word("17,50", 1524, 1516, 1597, 1554),
        _word("XL", 980, 1565, 1086, 1600, 0.68),
        _word("0,022", 1353, 1566, 1459, 1617, 0.67),
        _word("30,00", 1522, 1565, 1591, 1602),
    ]
    return PageWords(1, 1728.0, 2334.0, 204.0, tuple(words), "ocr")


@pytest.mark.parametrize("heading", ["Misura", "Medida", "Taille", "Größe", "Tamanho"])
def test_a_size_column_s_figure_is_no_quantity(heading: str) -> None:
    (found,) = extract_orders([_page(heading)]).orders
    first = found.lines[0]
    # printed: 10000 × 0,02 = 200,00 under Q.tà, beside a size of 250
    assert (first.quantity, first.unit_price, first.amount) == (Decimal(10000), Decimal("0.02"), Decimal(200))

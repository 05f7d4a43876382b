"""A quantity a normal fax spoilt in two figures beside a price and an amount it left clear:
spreadsheet (tuning, normal) "12 × 9,18 = 110,16" read "20" at 0.48, the price and the amount at 0.88
and 0.90.  No figure of "20" slips to 12, so no repair of one figure reaches it.

The business rule: a line's amount is its quantity times its price (less its discount).  Where the
price and the amount were read sure and the quantity unsure, and the amount over the price is one whole
number of units with as many figures as the quantity read, that number is what the line's own figures
say was ordered.  It is worked out, not read: it stays doubtful, whatever the printed total says, so
the order waits for a person.  A quantity read sure, a price read unsure, or a whole number of another
size is left as read.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import doubted, numbers, row
from tests.unit.parsers.spoilt_support import spoilt_order


def test_a_quantity_read_unsure_is_what_a_price_and_an_amount_read_sure_make() -> None:
    # 110,16 / 9,18 = 12 units exactly; the total (25,00 + 110,16) vouches for the amount only
    got = spoilt_order(
        row("GUA-NIT-L", "20", "9,18", "110,16", desc="Guantes"), total="135,16", unsure=("20",)
    )
    assert numbers(got)[1] == ("GUA-NIT-L", "12", "9.18")
    assert doubted(got, "lines[1].quantity")
    assert got["decision"] != "accept"


def test_a_quantity_read_sure_is_left_as_read() -> None:
    # the customer's figures as printed plainly: for a person, not for the arithmetic
    got = spoilt_order(row("GUA-NIT-L", "20", "9,18", "110,16", desc="Guantes"), total="135,16")
    assert numbers(got)[1] == ("GUA-NIT-L", "20", "9.18")


def test_nothing_is_worked_out_from_a_price_read_unsure() -> None:
    got = spoilt_order(
        row("GUA-NIT-L", "20", "9,18", "110,16", desc="Guantes"), total="135,16", unsure=("20", "9,18")
    )
    assert numbers(got)[1] == ("GUA-NIT-L", "20", "9.18")


def test_a_whole_number_of_more_figures_than_the_quantity_read_is_not_taken() -> None:
    # 27,00 / 0,054 = 500, three figures where "5" has one: the fax may as well have spoilt the price
    got = spoilt_order(row("GUA-NIT-L", "5", "0,054", "27,00", desc="Guantes"), total="52,00", unsure=("5",))
    assert numbers(got)[1] == ("GUA-NIT-L", "5", "0.054")

"""The faxed order of the review scenario: an unknown customer code, and a quantity the fax misprints."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from decimal import Decimal

from samples.faxsim import FaxLine, fax_tiff
from samples.orders_gen.generate import TODAY, make, render
from samples.orders_gen.master import products

SENDER = "+34 981 234 567"  # Bricolaje Galicia (C-1002) has this fax number on file
THEIR_CODE = "BG-TORN10"  # their own code for our TOR-M10-60, not yet known to us


def faxed_order(*, misprint: bool, seed: int = 21, po_suffix: str = "", nuts: int = 50) -> bytes:
    """A fine-resolution fax of a two-line order from C-1002.

    Line 1 names the product by the customer's own code. With `misprint`, line 2 shows quantity 80
    where the line amount and the total say 50 (2.50 at 0.05): the kind of misread a clerk fixes.
    """
    spec = make("borderless", "fax-e2e:10")
    spec.po_number += po_suffix
    # the server runs on the real clock: dated as if written today, so no date has passed yet
    moved = datetime.now(UTC).date() - TODAY
    spec.order_date += moved
    spec.delivery_date += moved
    first = copy.copy(spec.lines[0])
    first.code, first.code_kind = THEIR_CODE, "customer"
    second = copy.copy(spec.lines[0])
    second.line_no = "2"
    second.product = products()["TUE-M8"]
    second.code, second.code_kind = "TUE-M8", "sku"
    second.description = "Tuerca hexagonal M8 zincada"
    second.unit_price = Decimal("0.05")
    second.quantity = Decimal(80) if misprint else Decimal(nuts)
    second.printed_amount = Decimal("2.50") if misprint else None
    spec.lines = [first, second]
    return fax_tiff(render(spec, seed).pdf, FaxLine(resolution="fine", seed=seed, sender=SENDER))

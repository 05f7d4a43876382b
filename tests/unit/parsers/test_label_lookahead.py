"""The label expressions scanned over whole texts (delivery dates, order numbers, promotion codes,
identifiers) open with a look-ahead for their labels' first letters; it must hold every letter a
label can begin with, or a label would silently stop being found, and what they find is unchanged."""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from datetime import date
from typing import Any

import pytest

from core.capture.domain import promo_codes
from parsers.email import facts, fields
from parsers.layout import identifiers

EXPRESSIONS = {
    "delivery": fields._DELIVERY,
    "order number": fields._PO,
    "bare order number": fields._PO_BARE,
    "promotion code": promo_codes._CODE_LABEL,
    "phone": identifiers._PHONE,
    "tax id": identifiers._TAX,
    "EU VAT": identifiers._EU_VAT,
    "GLN": identifiers._GLN,
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT_NOT)


def _firsts(items: Any) -> tuple[set[str], bool]:
    """The characters a parsed sequence can begin with, and whether it can match nothing."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return found | {chr(av)}, False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE:
                    found.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    raise AssertionError(f"a class the test does not read: {kind}")
            return found, False
        if op is sre.SUBPATTERN:
            inner, empty = _firsts(av[3])
        elif op is sre.BRANCH:
            inner, empty = set(), False
            for alternative in av[1]:
                more, none = _firsts(alternative)
                inner |= more
                empty = empty or none
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner, empty = _firsts(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"an element the test does not read: {op}")
        found |= inner
        if not empty:
            return found, False
    return found, True


def _folded(chars: set[str]) -> set[str]:
    return {c.lower() for c in chars}


@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_each_expression_opens_with_its_labels_first_letters(name: str) -> None:
    pattern = EXPRESSIONS[name]
    parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    op, av = parsed[0]
    assert op is sre.ASSERT and av[0] == 1, f"{name}: no look-ahead first"
    ahead, _ = _firsts(av[1])
    labels, empty = _firsts(parsed[1:])
    assert not empty
    if pattern.flags & re.IGNORECASE:
        ahead, labels = _folded(ahead), _folded(labels)
    assert labels <= ahead, f"{name}: labels beginning with {sorted(labels - ahead)} would not be found"


DAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    "text",
    [
        "Entrega: 12/12/2026",
        "ENTREGA 12/12/2026",
        "fecha de entrega 12/12/2026",
        "Servir el 12/12/2026",
        "recibirlo 12/12/2026",
        "Para el día 12/12/2026",
        "antes del 12/12/2026",
        "No más tarde del 12/12/2026",
        "lo necesitamos para el 12/12/2026",
        "Delivery date: 12/12/2026",
        "Deliver by 12 December 2026",
        "Needed by 12/12/2026",
        "REQUIRED BY 12/12/2026",
        "Shipped by 12/12/2026",
        "Due date 12/12/2026",
        "no later than 12/12/2026",
        "by 12/12/2026",
        "ſervir 12/12/2026",  # a long s is an s without case, as before
    ],
)
def test_every_delivery_label_still_names_the_date(text: str) -> None:
    assert fields.delivery_date(DAY, "", text) == date(2026, 12, 12)


def test_an_unreadable_delivery_date_is_still_named() -> None:
    (unread,) = facts.unread_delivery("Entregar antes del 31/11/2026, gracias", DAY)
    assert unread.field == "requested_delivery_date"


@pytest.mark.parametrize(
    ("texts", "number"),
    [
        (("Pedido nº 4711-A", ""), "4711-A"),
        (("", "Our ref: AB-2026-17"), "AB-2026-17"),
        (("Orden de compra 88/2026", ""), "88/2026"),
        (("purchase order: X-99-12", ""), "X-99-12"),
        (("re: po-2026-555", ""), "PO-2026-555"),
        (("Referencia del pedido: R-1234", ""), "R-1234"),
    ],
)
def test_order_numbers_still_found(texts: tuple[str, str], number: str) -> None:
    assert fields.po_number(*texts) == number


def test_promotion_codes_still_found() -> None:
    text = "Código promocional: XMAS26\nCUPÓN DE DESCUENTO BF2026\npromo code below\nDiscount code: spring7"
    assert promo_codes.codes_in(text) == ("XMAS26", "BF2026", "SPRING7")


def test_identifiers_still_found() -> None:
    found = identifiers.in_text(
        "Tel. 912 345 678 · FAX: 912 345 679 · Móvil 600 111 222 · NIF B12345678 · "
        "DE123456789 · GLN 8412345678905 · ana@example.es"
    )
    kinds = [(i.kind.name, i.value) for i in found]
    assert ("PHONE", "912345678") in kinds
    assert ("FAX", "912345679") in kinds
    assert ("PHONE", "600111222") in kinds
    assert ("VAT", "B12345678") in kinds
    assert ("VAT", "DE123456789") in kinds
    assert ("GLN", "8412345678905") in kinds
    assert ("EMAIL", "ana@example.es") in kinds


def test_a_label_inside_a_word_reads_as_before() -> None:
    # the delivery labels carry no leading word boundary: "xentrega" held one before, and still does
    assert fields.delivery_labels("xentrega 1") != []
    assert [m.group(0) for m in fields.delivery_labels("Nearby 3/4")] == ["by"]

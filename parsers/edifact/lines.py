"""Reads one ORDERS line item group (LIN and the segments up to the next LIN or UNS) into a
`CapturedLine`, recording evidence for every field it sets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from core.capture.domain.order import CapturedLine, ProblemCode
from parsers.edifact.lexer import Segment
from parsers.edifact.recorder import Recorder, text_of
from parsers.edifact.values import is_gtin, normalise

GTIN_TYPES = frozenset({"EN", "SRV"})  # 7143: EAN/GTIN numbers
BUYER_CODES = frozenset({"BP"})  # PIA 7143: buyer's part number
SUPPLIER_CODES = frozenset({"SA", "SU"})  # supplier's article number
PRICE_QUALIFIERS = frozenset({"AAA", "AAB", "INV"})  # 5125: net, gross, invoice price
ORDERED = "21"  # QTY 6063: ordered quantity
LINE_AMOUNT = "203"  # MOA 5025: line item amount
DELIVERY_DATE = "2"  # DTM 2005: delivery date/time, requested

T = TypeVar("T")


@lru_cache(maxsize=1 << 16)
def path(index: int, field: str) -> str:
    """The evidence path of a line field; shared across orders, which saves memory in large files."""
    return f"lines[{index}].{field}"


class LineReader:
    """The fields of one line item group; the first segment that gives a field wins."""

    def __init__(self, rec: Recorder, index: int, position: int, lin: Segment) -> None:
        self._rec = rec
        self._index = index
        self.line_no = self._take("line_no", lin.get(0).strip() or None, position, lin)
        code, kind = lin.get(2, 0).strip(), lin.get(2, 1).strip()
        self.item_code = self._take("item_code", code or None, position, lin)
        numeric = code.isascii() and code.isdigit()
        gtin = code if code and ((kind in GTIN_TYPES and numeric) or is_gtin(code)) else None
        self.gtin = self._take("gtin", gtin, position, lin)
        self.buyer_item_code: str | None = None
        self.supplier_item_code: str | None = None
        self.description: str | None = None
        self.quantity: Decimal | None = None
        self.unit: str | None = None
        self.unit_price: Decimal | None = None
        self.amount: Decimal | None = None
        self.requested_delivery_date: date | None = None
        self._priced = self._counted = False

    def _take(self, field: str, value: T | None, position: int, seg: Segment) -> T | None:
        if value is not None:
            self._rec.saw(path(self._index, field), position, seg)
        return value

    def take(self, position: int, seg: Segment) -> None:
        """Read a segment of this line's group if it gives a field not yet known."""
        tag = seg.tag
        if tag == "PIA":
            self._pia(position, seg)
        elif tag == "IMD" and self.description is None:
            self.description = self._take("description", text_of(seg.element(2)[3:]), position, seg)
        elif tag == "QTY" and not self._counted and seg.get(0, 0) == ORDERED:
            self._counted = True
            where = path(self._index, "quantity")
            quantity = self._rec.number(seg, position, 0, 1, where, ProblemCode.INVALID_QUANTITY)
            self.quantity = self._take("quantity", quantity, position, seg)
            self.unit = self._take("unit", seg.get(0, 2).strip() or None, position, seg)
        elif tag == "PRI" and not self._priced and seg.get(0, 0) in PRICE_QUALIFIERS:
            self._priced = True
            self.unit_price = self._take("unit_price", self._price(position, seg), position, seg)
        elif tag == "MOA" and self.amount is None and seg.get(0, 0) == LINE_AMOUNT:
            amount = self._rec.number(seg, position, 0, 1, path(self._index, "amount"))
            self.amount = self._take("amount", amount, position, seg)
        elif tag == "DTM" and self.requested_delivery_date is None and seg.get(0, 0) == DELIVERY_DATE:
            day = self._rec.date(seg, position, path(self._index, "requested_delivery_date"))
            self.requested_delivery_date = self._take("requested_delivery_date", day, position, seg)

    def _pia(self, position: int, seg: Segment) -> None:
        for element in seg.elements[1:6]:
            code, kind = (*element, "", "")[:2]
            code = code.strip()
            if not code:
                continue
            if kind in BUYER_CODES and self.buyer_item_code is None:
                self.buyer_item_code = self._take("buyer_item_code", code, position, seg)
            elif kind in SUPPLIER_CODES and self.supplier_item_code is None:
                self.supplier_item_code = self._take("supplier_item_code", code, position, seg)

    def _price(self, position: int, seg: Segment) -> Decimal | None:
        """PRI 5118 per one unit: divided by the unit price basis 5284 when one is given."""
        where = path(self._index, "unit_price")
        price = self._rec.number(seg, position, 0, 1, where)
        basis = self._rec.number(seg, position, 0, 4, where)
        if price is None or basis is None or basis == 0:
            return price
        return normalise(price / basis)

    def build(self) -> CapturedLine:
        return CapturedLine(
            line_no=self.line_no,
            item_code=self.item_code,
            gtin=self.gtin,
            buyer_item_code=self.buyer_item_code,
            supplier_item_code=self.supplier_item_code,
            description=self.description,
            quantity=self.quantity,
            unit=self.unit,
            unit_price=self.unit_price,
            amount=self.amount,
            requested_delivery_date=self.requested_delivery_date,
        )

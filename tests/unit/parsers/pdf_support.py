"""Helpers for the PDF and layout tests: the demo master data in memory, and reading a PDF the way
`oms extract --json` does (parse, resolve, validate) into the contract's shape."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.capture.domain.documents import Channel, InboundDocument, ParseContext, ParseResult
from core.kernel.domain.identity import identifier_keys
from core.kernel.domain.model import Customer, Product
from core.kernel.domain.phone import normalise_phone
from oms.extract import result_json
from parsers.pdf_text import PdfTextParser

MASTERDATA = Path(__file__).resolve().parents[3] / "samples" / "masterdata"
TODAY = date(2026, 11, 26)


def _rows(name: str) -> list[dict[str, str]]:
    with (MASTERDATA / name).open(encoding="utf-8") as fh:
        return [{k: v or None for k, v in row.items()} for row in csv.DictReader(fh)]  # type: ignore[misc]


class RowsMaster:
    """Master data in memory, the lookups every test's master data answers alike: customers by id,
    products by SKU, customers' own codes by (customer, code); the finders by address are each one's."""

    customer_rows: dict[str, Customer]
    product_rows: dict[str, Product]
    items: dict[tuple[str, str], str]

    def customer(self, customer_id: str) -> Customer | None:
        return self.customer_rows.get(customer_id)

    def customer_by_gln(self, gln: str) -> Customer | None:
        return next((c for c in self.customer_rows.values() if c.gln == gln), None)

    def product(self, sku: str) -> Product | None:
        return self.product_rows.get(sku)

    def customers(self) -> list[Customer]:
        return list(self.customer_rows.values())

    def products(self) -> list[Product]:
        return list(self.product_rows.values())

    def product_by_gtin(self, gtin: str) -> Product | None:
        return next((p for p in self.product_rows.values() if p.gtin == gtin), None)

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None:
        return self.items.get((customer_id, code))

    def customer_codes(self, customer_id: str) -> dict[str, str]:
        return {code: sku for (owner, code), sku in self.items.items() if owner == customer_id}


class SampleMaster(RowsMaster):
    """The demo master data (samples/masterdata) implementing validation's MasterData protocol."""

    def __init__(self) -> None:
        self.customer_rows = {r["customer_id"]: Customer(**r) for r in _rows("customers.csv")}
        self.product_rows = {
            r["sku"]: Product(**{**r, "price": Decimal(r["price"]) if r["price"] else None})
            for r in _rows("products.csv")
        }
        self.items = {
            (r["customer_id"], r["customer_item_code"]): r["sku"] for r in _rows("customer-items.csv")
        }

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        return next(
            (c for c in self.customer_rows.values() if (c.email or "").lower() == address.lower()), None
        )

    def customer_by_fax(self, number: str) -> Customer | None:
        wanted = normalise_phone(number)
        return next((c for c in self.customer_rows.values() if normalise_phone(c.fax) == wanted), None)

    def customers_by_identifier(self, kind: str, value: str) -> list[Customer]:
        wanted = identifier_keys(kind, value)
        return [
            c
            for c in self.customer_rows.values()
            if any(
                wanted & identifier_keys(k, v, c.country or "ES")
                for k, v in (
                    ("vat", c.vat_id),
                    ("gln", c.gln),
                    ("email", c.email),
                    ("fax", c.fax),
                    ("phone", c.phone),
                )
            )
        ]


def parse(content: bytes, parser: PdfTextParser | None = None) -> ParseResult:
    doc = InboundDocument(Channel.UPLOAD, content, datetime(2026, 11, 26, 9, tzinfo=UTC), "order.pdf")
    return (parser or PdfTextParser()).parse(doc, ParseContext(today=datetime(2026, 11, 26, 9, tzinfo=UTC)))


def extract(content: bytes, parser: PdfTextParser | None = None) -> dict[str, Any]:
    """The document as `oms extract --json` prints it, resolved against the demo master data."""
    return result_json("order.pdf", None, parse(content, parser), SampleMaster(), TODAY)

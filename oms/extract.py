"""`oms extract --json`: the capture path (read, resolve, validate) on files, printing the contract's shape.

Nothing is stored and nothing is sent; master data is read from the configured database when one
exists, otherwise every customer and product is unknown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from core.capture.domain.documents import Channel, InboundDocument, ParseResult
from core.capture.domain.order import CapturedOrder, Party
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.kernel.domain.model import Customer, Product
from oms.bootstrap import App, utcnow
from validation.decide import validate

log = logging.getLogger(__name__)

# order sheets reach Comanda as e-mail attachments (`--channel upload` says otherwise)
CHANNEL_OF_FORMAT = {
    "edifact": "edi",
    "tiff-ocr": "fax",
    "email-text": "email",
    "csv": "email",
    "xlsx": "email",
}


class NoMasterData:
    """Master data when there is no database: nothing is known."""

    def customer(self, customer_id: str) -> Customer | None:
        return None

    def customer_by_gln(self, gln: str) -> Customer | None:
        return None

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        return None

    def customer_by_fax(self, number: str) -> Customer | None:
        return None

    def customers_by_identifier(self, kind: str, value: str) -> Sequence[Customer]:
        return ()

    def product(self, sku: str) -> Product | None:
        return None

    def customers(self) -> Sequence[Customer]:
        return ()

    def products(self) -> Sequence[Product]:
        return ()

    def product_by_gtin(self, gtin: str) -> Product | None:
        return None

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None:
        return None

    def customer_codes(self, customer_id: str) -> dict[str, str]:
        return {}


@contextmanager
def master_data(app: App) -> Iterator[MasterData]:
    url = make_url(app.settings.database_url)
    if url.get_backend_name() == "sqlite" and (not url.database or not Path(url.database).exists()):
        yield NoMasterData()
        return
    try:
        if not inspect(app.engine).has_table("products"):
            yield NoMasterData()
            return
    except Exception as exc:  # an unreachable database must not stop reading files
        log.warning("master data unavailable (%s); nothing will resolve", exc)
        yield NoMasterData()
        return
    with app.uow() as uow:
        yield uow.master


def dec(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def party(p: Party, *, address: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"party_id": p.party_id, "name": p.name}
    if address:
        out.update(street=p.street, postal_code=p.postal_code, city=p.city, country=p.country)
    return out


def order_json(order: CapturedOrder, resolved: ResolvedOrder) -> dict[str, Any]:
    return {
        "po_number": order.po_number,
        "customer_id": resolved.customer_id,
        "order_date": day(order.order_date),
        "requested_delivery_date": day(order.requested_delivery_date),
        "currency": order.currency,
        "buyer": party(order.buyer),
        "supplier": party(order.supplier),
        "ship_to": party(order.ship_to, address=True),
        "lines": [
            {
                "line_no": line.line_no,
                "item_code": line.item_code,
                "gtin": line.gtin,
                "buyer_item_code": line.buyer_item_code,
                "supplier_item_code": line.supplier_item_code,
                "sku": sku,
                "description": line.description,
                "quantity": dec(line.quantity),
                "unit": unit,
                "unit_price": dec(line.unit_price),
                "amount": dec(line.amount),
                "requested_delivery_date": day(line.requested_delivery_date),
            }
            for line, sku, unit in zip(order.lines, resolved.skus, resolved.line_units(), strict=True)
        ],
        "total": dec(order.total),
        "net_total": dec(order.net_total),
        "tax_total": dec(order.tax_total),
        "confidence": resolved.confidence,
        "decision": str(resolved.decision),
        "problems": [p.as_dict() for p in resolved.problems],
        "message_ref": order.message_ref,
        "function": order.function,
        "kind": str(order.kind),
        "identifiers": [
            {"kind": str(i.kind), "value": i.value, "role": i.role, "page": i.provenance.page}
            for i in order.identifiers
        ],
        "unread": [{"field": u.field, "label": u.label, "page": u.provenance.page} for u in order.unread],
    }


def result_json(
    source: str,
    channel: str | None,
    result: ParseResult,
    master: MasterData,
    today: date,
    check: Callable[[CapturedOrder, MasterData, date], ResolvedOrder] = validate,
) -> dict[str, Any]:
    orders = [order_json(o, check(o, master, today)) for o in result.orders]
    return {
        "source": source,
        "channel": channel or CHANNEL_OF_FORMAT.get(result.format, "upload"),
        "format": result.format,
        "error": result.error,
        "orders": orders,
        "problems": [p.as_dict() for p in result.problems],
    }


def extract_files(app: App, inputs: list[tuple[str, bytes]], channel: str | None) -> list[dict[str, Any]]:
    now = utcnow()
    out = []
    with master_data(app) as master:
        for source, content in inputs:
            doc = InboundDocument(
                channel=Channel(channel or "upload"),
                content=content,
                received_at=now,
                original_name=Path(source).name,
            )
            result = read_or_error(app.read, doc)
            out.append(result_json(source, channel, result, master, now.date(), app.validate))
    return out


def read_or_error(read: Callable[[InboundDocument], ParseResult], doc: InboundDocument) -> ParseResult:
    """`read(doc)`, or, when the reader fails, a result that says so and has no order: one unreadable
    file must not hide the others (the service quarantines such a document the same way)."""
    try:
        return read(doc)
    except Exception as exc:
        log.exception("reading %s failed", doc.original_name)
        return ParseResult(format="unknown", error=f"internal error while reading: {exc!r}")

"""An accepted quote, as the sales side stores it (`core.catalog.domain.quotes.Quote.acceptance`), read
into a captured order so it goes through validation, the duplicate check and the lifecycle like any
other order."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.order import CapturedLine, CapturedOrder, Party
from core.catalog.domain.quotes import ACCEPTANCE_MEDIA_TYPE
from core.kernel.errors import ParseError

FORMAT = "quote-acceptance"


class QuoteAcceptanceParser:
    """Takes only documents stored as quote acceptances; everything in them was typed by our users."""

    name = FORMAT

    def score(self, doc: InboundDocument) -> int | None:
        return 200 if doc.media_type == ACCEPTANCE_MEDIA_TYPE else None

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        try:
            body = json.loads(doc.content.decode("utf-8"))
            if not isinstance(body, dict):
                raise ValueError("not an object")
            order = _order(body)
        except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
            raise ParseError(f"not a quote acceptance Comanda wrote: {exc}") from exc
        return ParseResult(format=FORMAT, orders=(order,))


def _order(body: dict[str, Any]) -> CapturedOrder:
    lines = tuple(
        CapturedLine(
            line_no=str(item["position"]),
            item_code=str(item["sku"]),
            description=str(item["description"]),
            quantity=Decimal(item["quantity"]),
            unit=item.get("unit"),
            unit_price=Decimal(item["unit_price"]),
            amount=Decimal(item["amount"]),
        )
        for item in body["lines"]
    )
    return CapturedOrder(
        po_number=str(body["quote"]),
        order_date=date.fromisoformat(body["accepted_on"]),
        currency=str(body["currency"]),
        buyer=Party(party_id=str(body["customer_id"])),
        lines=lines,
        total=Decimal(body["total"]),
        references=(("AAG", str(body["quote"])),),  # AAG: offer number (UN/EDIFACT 1153)
    )

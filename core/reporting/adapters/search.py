"""Searching orders: every filter of an `OrderQuery` as SQL, the text search by the database's means.

PostgreSQL matches the words against `report_order_search` (a tsvector per order, GIN-indexed, accents
folded by `comanda_search_text`), each word also as a prefix where it is a plain word.  SQLite looks
for each word in the order's and its lines' text with LIKE, over text folded the same way by a
function registered on the connection.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, cast, exists, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from core.kernel.adapters.db import on_postgresql
from core.kernel.adapters.orm import metadata, order_lines, orders
from core.kernel.domain.model import Order, OrderState
from core.reporting.adapters.orm import report_order_search
from core.reporting.domain.search import OrderQuery, words

_HEADER_TEXT = ("po_number", "customer_id", "buyer_name", "ship_to_name", "ship_to_city", "channel")
_LINE_TEXT = ("sku", "item_code", "buyer_item_code", "gtin", "description")


def fold(value: str | None) -> str:
    """Lower case without accents: "Tornillería NÚÑEZ" -> "tornilleria nunez"."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class OrderSearch:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, query: OrderQuery) -> tuple[Sequence[Order], bool]:
        """The page of orders asked for, and whether more follow it."""
        stmt = select(Order).where(*self._conditions(query))
        column: Any = self._total() if query.sort == "total" else orders.c[query.sort]
        order = (column.desc(), orders.c.id.desc()) if query.descending else (column.asc(), orders.c.id.asc())
        found = self.session.scalars(stmt.order_by(*order).limit(query.limit + 1).offset(query.offset)).all()
        return found[: query.limit], len(found) > query.limit

    def _conditions(self, q: OrderQuery) -> list[ColumnElement[bool]]:
        c = orders.c
        where: list[ColumnElement[bool]] = []
        if q.number:
            number = q.number.strip()
            by_po = c.po_number == number
            where.append(or_(by_po, c.id == int(number)) if number.isdigit() else by_po)
        if q.customer:
            where.append(c.customer_id == q.customer.strip())
        if q.sku:
            line = order_lines.c
            where.append(exists().where(line.order_id == c.id, line.sku == q.sku.strip()))
        if q.category:
            line, cat = order_lines.c, metadata.tables["product_categories"].c
            in_category = select(cat.sku).where(cat.category == q.category.strip())
            where.append(exists().where(line.order_id == c.id, line.sku.in_(in_category)))
        if q.carrier:
            ship = metadata.tables["shipments"].c
            where.append(
                exists().where(
                    ship.order_id == c.id, ship.carrier == q.carrier.strip(), ship.shipped_at.is_not(None)
                )
            )
        if q.corrected is not None:
            audit = metadata.tables["audit_events"].c
            edited = exists().where(audit.order_id == c.id, audit.action == "edit")
            where.append(edited if q.corrected else ~edited)
        if q.channel:
            where.append(c.channel == q.channel)
        if q.state:
            where.append(c.state == OrderState(q.state))
        if q.date_from:
            where.append(c.created_at >= datetime.combine(q.date_from, time(), UTC))
        if q.date_to:
            where.append(c.created_at < datetime.combine(q.date_to + timedelta(days=1), time(), UTC))
        if q.amount_min is not None:
            where.append(self._total() >= self._amount(q.amount_min))
        if q.amount_max is not None:
            where.append(self._total() <= self._amount(q.amount_max))
        terms = words(q.text)
        if terms:
            where.append(self._text(terms))
        return where

    def _sqlite(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"

    def _total(self) -> Any:
        """The order's total as a number: SQLite keeps exact decimals as text (which sorts as text)."""
        return cast(orders.c.total, Float) if self._sqlite() else orders.c.total

    def _amount(self, value: Decimal) -> Any:
        return float(value) if self._sqlite() else value

    def _text(self, terms: list[str]) -> ColumnElement[bool]:
        if on_postgresql(self.session):
            return orders.c.id.in_(
                select(report_order_search.c.order_id).where(
                    report_order_search.c.document.op("@@")(_tsquery(terms))
                )
            )
        self._register_fold()
        return and_(*(self._like(term) for term in terms))

    def _like(self, term: str) -> ColumnElement[bool]:
        pattern = "%" + fold(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

        def has(column: Any) -> ColumnElement[bool]:
            return func.comanda_fold(column).like(pattern, escape="\\")

        line = order_lines.c
        in_lines = exists().where(line.order_id == orders.c.id, or_(*(has(line[n]) for n in _LINE_TEXT)))
        return or_(*(has(orders.c[n]) for n in _HEADER_TEXT), in_lines)

    def _register_fold(self) -> None:
        pooled = self.session.connection().connection
        if not pooled.info.get("comanda_fold") and pooled.dbapi_connection is not None:
            pooled.dbapi_connection.create_function("comanda_fold", 1, fold, deterministic=True)
            pooled.info["comanda_fold"] = True  # once per pooled connection


def _tsquery(terms: list[str]) -> Any:
    """Every word must match; a plain word also as a prefix ("torn" finds "tornillo")."""
    parts: list[Any] = []
    for term in terms:
        norm = func.comanda_search_text(literal(term))
        if term.isalnum():
            parts.append(func.to_tsquery(literal_column("'simple'"), norm.op("||")(literal(":*"))))
        else:
            parts.append(func.plainto_tsquery(literal_column("'simple'"), norm))
    query: Any = parts[0]
    for part in parts[1:]:
        query = query.op("&&")(part)
    return query

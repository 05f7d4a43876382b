"""Prospects and quotes as the sales pages and commands look for them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.catalog.adapters.sales_orm import prospects, quotes
from core.catalog.domain.prospects import Prospect, ProspectStatus
from core.catalog.domain.quotes import Quote, QuoteState


class SalesRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: Prospect | Quote) -> None:
        self.session.add(obj)
        self.session.flush()

    def prospect(self, prospect_id: int) -> Prospect | None:
        return self.session.get(Prospect, prospect_id)

    def prospects(self, status: ProspectStatus | None = None, limit: int = 500) -> Sequence[Prospect]:
        stmt = select(Prospect).order_by(prospects.c.id.desc()).limit(limit)
        if status is not None:
            stmt = stmt.where(prospects.c.status == status)
        return self.session.scalars(stmt).all()

    def prospect_by_email(self, address: str) -> Prospect | None:
        stmt = select(Prospect).where(prospects.c.email == address.lower())
        return self.session.scalars(stmt.limit(1)).first()

    def quote(self, quote_id: int, *, lock: bool = False) -> Quote | None:
        return self.session.get(Quote, quote_id, with_for_update=lock or None)

    def quotes(
        self,
        *,
        prospect_id: int | None = None,
        customer_id: str | None = None,
        state: QuoteState | None = None,
        limit: int = 500,
    ) -> Sequence[Quote]:
        stmt = select(Quote).order_by(quotes.c.id.desc()).limit(limit)
        if prospect_id is not None:
            stmt = stmt.where(quotes.c.prospect_id == prospect_id)
        if customer_id is not None:
            stmt = stmt.where(quotes.c.customer_id == customer_id)
        if state is not None:
            stmt = stmt.where(quotes.c.state == state)
        return self.session.scalars(stmt).all()

"""The journal: posting balanced entries, and the sums the books are read from (balances, the trial
balance, a party's lines for its statement).

An entry's lines are inserted before its header, on every database: SQLite checks the entry as its
header goes in and refuses lines after it; PostgreSQL checks it at commit (see migration 0004).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from core.billing.adapters.orm import journal_entries, journal_lines
from core.billing.domain.ledger import JournalEntry, JournalLine
from core.kernel.adapters.db import on_postgresql

ZERO = Decimal(0)


class LedgerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _next_id(self) -> int:
        if on_postgresql(self.session):
            found = self.session.execute(
                text("SELECT nextval(pg_get_serial_sequence('journal_entries', 'id'))")
            ).scalar()
        else:
            # SQLite: writers hold the database lock (BEGIN IMMEDIATE), and lines of an entry in
            # this transaction may already wait for their header, so both tables are looked at
            found = self.session.execute(
                text(
                    "SELECT max(coalesce((SELECT max(id) FROM journal_entries), 0),"
                    " coalesce((SELECT max(entry_id) FROM journal_lines), 0)) + 1"
                )
            ).scalar()
        return int(found or 1)

    def posted(self, key: str) -> int | None:
        stmt = select(journal_entries.c.id).where(journal_entries.c.key == key)
        return self.session.scalars(stmt).first()

    def post(self, entry: JournalEntry) -> int | None:
        """Write a balanced entry; one whose key was posted before is not posted again (None)."""
        if entry.key is not None and self.posted(entry.key) is not None:
            return None
        entry_id = self._next_id()
        self.session.execute(
            insert(journal_lines),
            [
                {
                    "entry_id": entry_id,
                    "account": line.account,
                    "party": line.party,
                    "debit": line.debit,
                    "credit": line.credit,
                }
                for line in entry.lines
            ],
        )
        self.session.execute(
            insert(journal_entries).values(
                id=entry_id,
                at=entry.at,
                day=entry.day,
                source=entry.source,
                key=entry.key,
                description=entry.description[:512],
                currency=entry.currency,
                actor=entry.actor[:64],
            )
        )
        return entry_id

    # -- reading -------------------------------------------------------------------------------
    def sums(self) -> dict[str, dict[str, tuple[Decimal, Decimal]]]:
        """Per currency and account: the sum of debits and of credits."""
        j, e = journal_lines.c, journal_entries.c
        stmt = (
            select(e.currency, j.account, func.sum(j.debit), func.sum(j.credit))
            .join(journal_entries, e.id == j.entry_id)
            .group_by(e.currency, j.account)
        )
        out: dict[str, dict[str, tuple[Decimal, Decimal]]] = defaultdict(dict)
        for currency, account, debit, credit in self.session.execute(stmt):
            out[currency][account] = (Decimal(debit), Decimal(credit))
        return dict(out)

    def balance(self, account: str, party: str | None = None, *, before: date | None = None) -> Decimal:
        """Debits less credits of an account (of one party), optionally up to the day before `before`."""
        j, e = journal_lines.c, journal_entries.c
        stmt = select(func.coalesce(func.sum(j.debit), 0), func.coalesce(func.sum(j.credit), 0)).where(
            j.account == account
        )
        if party is not None:
            stmt = stmt.where(j.party == party)
        if before is not None:
            stmt = stmt.join(journal_entries, e.id == j.entry_id).where(e.day < before)
        debit, credit = self.session.execute(stmt).one()
        return Decimal(debit) - Decimal(credit)

    def party_balances(self, account: str) -> dict[str, Decimal]:
        j = journal_lines.c
        stmt = (
            select(j.party, func.sum(j.debit), func.sum(j.credit))
            .where(j.account == account, j.party.is_not(None))
            .group_by(j.party)
        )
        return {party: Decimal(d) - Decimal(c) for party, d, c in self.session.execute(stmt)}

    def party_lines(self, account: str, party: str, start: date, end: date) -> list[dict[str, object]]:
        """A party's lines on an account between two days (inclusive), in posting order."""
        j, e = journal_lines.c, journal_entries.c
        stmt = (
            select(e.id, e.day, e.source, e.key, e.description, j.debit, j.credit)
            .join(journal_entries, e.id == j.entry_id)
            .where(j.account == account, j.party == party, e.day >= start, e.day <= end)
            .order_by(e.day, e.id, j.id)
        )
        return [dict(r._mapping) for r in self.session.execute(stmt)]

    def entries(self, *, limit: int = 100, source: str | None = None) -> list[JournalEntry]:
        e = journal_entries.c
        stmt = select(journal_entries).order_by(e.id.desc()).limit(limit)
        if source is not None:
            stmt = stmt.where(e.source == source)
        heads = list(self.session.execute(stmt))
        lines: dict[int, list[JournalLine]] = defaultdict(list)
        if heads:
            rows = self.session.execute(
                select(journal_lines)
                .where(journal_lines.c.entry_id.in_([h.id for h in heads]))
                .order_by(journal_lines.c.id)
            )
            for r in rows:
                lines[r.entry_id].append(JournalLine(r.account, r.debit, r.credit, r.party))
        return [
            JournalEntry(h.at, h.source, h.description, h.currency, tuple(lines[h.id]), h.key, h.actor, h.id)
            for h in heads
        ]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(journal_entries)) or 0)

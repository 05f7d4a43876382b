"""The summary's repository: what each order last added, adding a change to the daily sums, and reading
the sums back by dimension and period."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Table, bindparam, delete, func, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.kernel.adapters.db import on_postgresql
from core.kernel.adapters.orm import metadata
from core.reporting.adapters import rebuild_sql
from core.reporting.adapters.gather import gather
from core.reporting.adapters.orm import SCALE, report_daily, report_monthly, report_order_facts
from core.reporting.domain.facts import (
    MEASURES,
    PICKUP_CUTOFF,
    ZERO,
    Contribution,
    Measures,
    OrderFacts,
    decode,
    encode,
)
from core.reporting.domain.reports import Period, by_month, split

_UPSERTS: dict[tuple[str, str], Any] = {}  # (dialect, table) -> the summary's upsert, immutable
_STATEMENTS: dict[tuple[str, str], tuple[Any, ...]] = {}  # (dialect, name) -> statements, immutable
_ADDED = {m: f"add_{m}" for m in MEASURES}  # each measure's parameter in the summary's upsert
_NOTHING_ADDED = dict.fromkeys(_ADDED.values(), 0)


class ReportingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- keeping the summary --------------------------------------------------------------------------
    def facts(self, order_ids: Sequence[int]) -> dict[int, OrderFacts]:
        return gather(self.session, order_ids)

    def last_contributions(self, order_ids: Sequence[int], now: datetime) -> dict[int, Contribution]:
        """What each order added last time (nothing for an order never counted), its row locked until
        commit: an empty row is put first for an order never seen, so that two workers refreshing one
        new order wait for each other too, instead of both counting it."""
        put_first, read = self._statements("last_contributions", _last_contributions)
        if order_ids:
            self.session.execute(
                put_first, [{"order_id": i, "contribution": [], "updated_at": now} for i in order_ids]
            )
        rows = self.session.execute(read, {"ids": list(order_ids)}).all()
        return {oid: decode(contribution) for oid, contribution in rows}

    def save_contributions(self, contributions: Mapping[int, Contribution], now: datetime) -> None:
        """Store what each order now adds, in one `executemany` (a document's refresh changes hundreds of
        orders: one statement each cost as many round trips)."""
        if not contributions:
            return
        [stmt] = self._statements("save_contributions", _save_contributions)
        rows = [{"oid": oid, "contrib": encode(c), "at": now} for oid, c in contributions.items()]
        self.session.execute(stmt, rows)

    def forget(self, order_ids: Sequence[int]) -> None:
        """Orders that no longer exist: nothing of theirs stays."""
        if order_ids:
            self.session.execute(
                delete(report_order_facts).where(report_order_facts.c.order_id.in_(order_ids))
            )

    def _statements(self, name: str, build: Callable[[str], tuple[Any, ...]]) -> tuple[Any, ...]:
        """The statements `build` makes for this session's database, made once per process: building
        their expressions anew cost a refresh about as much as running them."""
        dialect = self.session.get_bind().dialect.name
        made = _STATEMENTS.get((dialect, name))
        if made is None:
            made = _STATEMENTS[(dialect, name)] = build(dialect)
        return made

    def _postgresql(self) -> bool:
        return on_postgresql(self.session)

    def _insert(self, table: Any) -> Any:
        return postgresql.insert(table) if self._postgresql() else sqlite.insert(table)

    def add(self, change: Mapping[tuple[date, str, str], Measures]) -> None:
        """Add each key's measures to the daily sums and to their month's, creating rows as needed; keys
        in a fixed order, so two transactions meeting on the same rows lock them in the same order."""
        if change:
            self._upsert(report_daily, "day", change)
            self._upsert(report_monthly, "month", by_month(change))

    def _upsert(self, table: Table, when: str, change: Mapping[tuple[date, str, str], Measures]) -> None:
        # the measures go in already scaled (what `Fixed4` would make of them): through the type, each
        # of the thirty-odd values of every row cost a call of SQLAlchemy's and one of ours; a row
        # starts as all zeros and takes the few measures its key changed
        rows = []
        for (day, dim, key), ms in sorted(change.items()):
            row = {when: day, "dim": dim, "key": key, **_NOTHING_ADDED}
            row.update((_ADDED[m], _scaled(v)) for m, v in ms.items() if m in _ADDED)
            rows.append(row)
        stmt = self._upsert_statement(table, when)
        for start in range(0, len(rows), 1000):
            self.session.execute(stmt, rows[start : start + 1000])

    def _upsert_statement(self, table: Table, when: str) -> Any:
        """`INSERT … ON CONFLICT DO UPDATE SET m = m + excluded.m` for every measure, built once per
        dialect and table: building its expressions was a quarter of an e-mail's report refresh."""
        key = (self.session.get_bind().dialect.name, table.name)
        stmt = _UPSERTS.get(key)
        if stmt is None:
            ins = self._insert(table).values(
                {c: bindparam(c, type_=table.c[c].type) for c in (when, "dim", "key")}
                | {m: bindparam(_ADDED[m], type_=BigInteger) for m in MEASURES}
            )
            stmt = ins.on_conflict_do_update(
                index_elements=[when, "dim", "key"],
                set_={m: table.c[m] + ins.excluded[m] for m in MEASURES},
            )
            _UPSERTS[key] = stmt
        return stmt

    def clear(self) -> None:
        """Empty the summary (a rebuild follows in the same transaction): on PostgreSQL with TRUNCATE,
        which leaves no dead rows for the new ones to step over and holds off refreshes until commit."""
        if self._postgresql():
            self.session.execute(text("TRUNCATE report_daily, report_monthly, report_order_facts"))
            return
        self.session.execute(delete(report_daily))
        self.session.execute(delete(report_monthly))
        self.session.execute(delete(report_order_facts))

    def rebuild_in_database(self, now: datetime) -> int | None:
        """Fill the emptied summary from every order in set-based SQL (PostgreSQL); returns the number of
        orders, or None where the database has no such path (SQLite: the rebuild goes order by order)."""
        if not self._postgresql():
            return None
        return rebuild_sql.rebuild(self.session, now, PICKUP_CUTOFF.isoformat())

    def order_ids(self, batch: int = 2000) -> Iterator[list[int]]:
        """Every order id, in batches, ascending."""
        orders = metadata.tables["orders"]
        last = 0
        while True:
            ids = list(
                self.session.scalars(
                    select(orders.c.id).where(orders.c.id > last).order_by(orders.c.id).limit(batch)
                )
            )
            if not ids:
                return
            yield ids
            last = ids[-1]

    def insert_contributions(self, rows: Sequence[tuple[int, Contribution]], now: datetime) -> None:
        """Store what each order added (a rebuild into an empty summary: COPY on PostgreSQL)."""
        if not rows:
            return
        if self._copy_rows(
            "COPY report_order_facts (order_id, contribution, updated_at) FROM STDIN",
            ((oid, json.dumps(encode(c)), now) for oid, c in rows),
        ):
            return
        self.session.execute(
            insert(report_order_facts),
            [{"order_id": oid, "contribution": encode(c), "updated_at": now} for oid, c in rows],
        )

    def insert_sums(self, sums: Mapping[tuple[date, str, str], Measures]) -> None:
        """Write the summary's rows into an empty summary (a rebuild)."""
        scale = Decimal(SCALE)
        for table, when, rows in (("report_daily", "day", sums), ("report_monthly", "month", by_month(sums))):
            copied = self._copy_rows(
                f"COPY {table} ({when}, dim, key, {', '.join(MEASURES)}) FROM STDIN",
                (
                    (day, dim, key, *(int(ms.get(m, ZERO) * scale) for m in MEASURES))
                    for (day, dim, key), ms in rows.items()
                ),
            )
            if not copied:
                self.add(sums)
                return

    def _copy_rows(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> bool:
        """COPY the rows in on PostgreSQL, inside the session's transaction; False elsewhere."""
        if not on_postgresql(self.session):
            return False
        driver = self.session.connection().connection.driver_connection
        with driver.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
        return True

    # -- reading it -----------------------------------------------------------------------------------
    def sums(
        self, dim: str, period: Period, measures: Sequence[str] = MEASURES, key_prefix: str | None = None
    ) -> dict[str, Measures]:
        """Each key's measures (those asked for) summed over the period: whole months from the monthly
        sums, the days before and after them from the daily ones."""
        months, days = split(period)
        out: dict[str, Measures] = {}
        parts = [(report_monthly.c.month, months)] if months else []
        parts += [(report_daily.c.day, span) for span in days]
        for column, span in parts:
            t = column.table
            stmt = (
                select(t.c.key, *(func.sum(t.c[m]).label(m) for m in measures))
                .where(t.c.dim == dim, column >= span.start, column <= span.end)
                .group_by(t.c.key)
            )
            if key_prefix is not None:
                stmt = stmt.where(t.c.key.startswith(key_prefix, autoescape=True))
            for row in self.session.execute(stmt).all():
                # an empty sum is NULL; sum() keeps the column's type, so the figures come back scaled
                sums = out.setdefault(row[0], dict.fromkeys(measures, ZERO))
                for m, v in zip(measures, row[1:], strict=True):
                    if v is not None:
                        sums[m] += v
        return out

    def by_day(
        self, dim: str, key: str, period: Period, measures: Sequence[str] = MEASURES
    ) -> dict[date, Measures]:
        t = report_daily
        stmt = select(t.c.day, *(t.c[m] for m in measures)).where(
            t.c.dim == dim, t.c.key == key, t.c.day >= period.start, t.c.day <= period.end
        )
        return {row[0]: dict(zip(measures, row[1:], strict=True)) for row in self.session.execute(stmt).all()}

    def backorder_days(self, now: datetime) -> dict[int, int]:
        """Orders waiting for stock now, counted by whole days waited (since their last move to
        backordered): on PostgreSQL summed in the database (a million orders hold tens of thousands)."""
        if not self._postgresql():
            out: dict[int, int] = {}
            for _, _, since in self.backorders():
                days = (now - since).days
                out[days] = out.get(days, 0) + 1
            return out
        rows = self.session.execute(
            text("""
            SELECT floor(extract(epoch FROM (:now - coalesce(e.since, o.created_at))) / 86400)::int AS days,
                   count(*)
              FROM orders o
              LEFT JOIN LATERAL (SELECT max(ev.at) AS since FROM order_events ev
                                  WHERE ev.order_id = o.id AND ev.to_state = 'backordered') e ON true
             WHERE o.state = 'backordered' GROUP BY 1
        """),
            {"now": now},
        ).all()
        return {int(days): int(n) for days, n in rows}

    def backorders(self) -> list[tuple[int, str | None, datetime]]:
        """Orders waiting for stock now: id, customer, and since when (their last move to backordered)."""
        o, ev = metadata.tables["orders"], metadata.tables["order_events"]
        waiting = select(o.c.id).where(o.c.state == "backordered")
        since = (
            select(ev.c.order_id, func.max(ev.c.at).label("since"))
            .where(ev.c.to_state == "backordered", ev.c.order_id.in_(waiting))
            .group_by(ev.c.order_id)
            .subquery()
        )
        rows = self.session.execute(
            select(o.c.id, o.c.customer_id, since.c.since, o.c.created_at)
            .outerjoin(since, since.c.order_id == o.c.id)
            .where(o.c.state == "backordered")
        ).all()
        return [(oid, customer, _aware(at) if at else created) for oid, customer, at, created in rows]


def _scaled(value: Decimal) -> int:
    """A measure as the summary stores it, ten-thousandths in an integer (as `Fixed4` binds it)."""
    return int(Decimal(value) * SCALE)


def _last_contributions(dialect: str) -> tuple[Any, Any]:
    """An empty row put for each order never counted, then every order's row read (locked, on
    PostgreSQL), for the orders `ids`."""
    t = report_order_facts
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    put_first = insert_for(t).on_conflict_do_nothing(index_elements=["order_id"])
    read = (
        select(t.c.order_id, t.c.contribution)
        .where(t.c.order_id.in_(bindparam("ids", expanding=True)))
        .order_by(t.c.order_id)
    )
    return put_first, read.with_for_update() if dialect == "postgresql" else read


def _save_contributions(dialect: str) -> tuple[Any]:
    t = report_order_facts
    return (
        t.update()
        .where(t.c.order_id == bindparam("oid"))
        .values(contribution=bindparam("contrib"), updated_at=bindparam("at")),
    )


def _aware(value: datetime | str) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

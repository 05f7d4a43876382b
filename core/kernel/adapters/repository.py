"""The kernel's repositories, imported from here: trading partners and users in this module; orders in
`order_repository` (their reads for the duplicate check in `earlier_reads`), the outbox in
`outbound_repository`. Queries behind methods named for what the services need."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from core.kernel.adapters import orm
from core.kernel.adapters.earlier_reads import CUSTOMER_LOCKS, customer_lock_key
from core.kernel.adapters.order_repository import OrderRepository
from core.kernel.adapters.outbound_repository import OutboundRepository
from core.kernel.domain.model import Partner
from core.kernel.domain.signins import Outcome, SignInAttempt
from core.kernel.domain.users import ApiToken, User, WebSession

__all__ = [
    "CUSTOMER_LOCKS",
    "OrderRepository",
    "OutboundRepository",
    "PartnerRepository",
    "UserRepository",
    "customer_lock_key",
]


class PartnerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, partner_id: str, *, lock: bool = False) -> Partner | None:
        if not lock:  # by primary key: a partner already loaded in this unit of work costs no query
            return self.session.get(Partner, partner_id)
        stmt = (
            select(Partner)
            .where(orm.partners.c.partner_id == partner_id)
            .with_for_update()
            .execution_options(populate_existing=True)  # the row as locked, not as read earlier
        )
        return self.session.scalars(stmt).first()

    def advance(self, partner: Partner, first: int, count: int, learned: dict[str, str]) -> bool:
        """Take `count` control references from `first` on, in one conditional `UPDATE` that succeeds
        only if nobody took any since `first` was read; with them, store what the interchange taught
        (`learned`: the syntax they write in, the id they address us by). False when the sequence moved.

        The row is locked from this statement to the commit, not from the read: a caller renders
        its answers first and takes their numbers last.
        """
        table = orm.partners
        values: dict[str, object] = {"next_control_ref": first + count, **learned}
        stmt = (
            update(table)
            .where(table.c.partner_id == partner.partner_id, table.c.next_control_ref == first)
            .values(**values)
        )
        if self.session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
            return False
        for name, value in values.items():  # what the row now holds; nothing left for the flush
            set_committed_value(partner, name, value)
        return True

    def get_or_create(self, partner: Partner) -> Partner:
        """The stored partner with this id, inserting `partner` if there is none (safe under races)."""
        try:
            with self.session.begin_nested():
                self.session.add(partner)
                self.session.flush()
        except IntegrityError:
            existing = self.get(partner.partner_id, lock=True)
            assert existing is not None
            return existing
        return partner

    def configured(self) -> Sequence[Partner]:
        """The partners with an agreement (an address answers go to), locked: their control-reference
        sequences are about to move."""
        stmt = (
            select(Partner)
            .where(orm.partners.c.address != "")
            .order_by(orm.partners.c.partner_id)
            .with_for_update()
        )
        return self.session.scalars(stmt).all()

    def configure(self, agreement: Partner) -> bool:
        """Store a partner's agreement as imported, keeping its control-reference sequence; True when new."""
        stored = self.get(agreement.partner_id, lock=True)
        if stored is None:
            self.session.add(agreement)
            return True
        for name in ("qualifier", "syntax_ids", "buyers", "channel", "address", "customer_id"):
            setattr(stored, name, getattr(agreement, name))
        if agreement.our_id:  # else what their interchanges addressed us by stays
            stored.our_id, stored.our_qualifier = agreement.our_id, agreement.our_qualifier
        return False


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: User | ApiToken | WebSession | SignInAttempt) -> None:
        self.session.add(obj)

    def by_name(self, username: str) -> User | None:
        return self.session.scalars(select(User).where(orm.users.c.username == username)).first()

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def all(self) -> Sequence[User]:
        return self.session.scalars(select(User).order_by(orm.users.c.username)).all()

    def count(self) -> int:
        return len(self.session.scalars(select(orm.users.c.id)).all())

    def token(self, token_hash: str) -> ApiToken | None:
        stmt = select(ApiToken).where(
            orm.api_tokens.c.token_hash == token_hash, orm.api_tokens.c.revoked.is_(False)
        )
        return self.session.scalars(stmt).first()

    def web_session(self, token_hash: str) -> WebSession | None:
        return self.session.get(WebSession, token_hash)

    def end_session(self, token_hash: str) -> None:
        self.session.execute(delete(orm.web_sessions).where(orm.web_sessions.c.token_hash == token_hash))

    def purge_sessions(self, now: datetime) -> None:
        self.session.execute(delete(orm.web_sessions).where(orm.web_sessions.c.expires_at < now))

    def attempts_of(self, username: str, limit: int = 100) -> Sequence[SignInAttempt]:
        """The account's latest sign-in attempts, newest first."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(t.c.username == username).order_by(t.c.at.desc(), t.c.id.desc())
        return self.session.scalars(stmt.limit(limit)).all()

    def failures_from(self, address: str, since: datetime, limit: int = 1000) -> Sequence[SignInAttempt]:
        """The failures from one client address since `since`, newest first."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(
            t.c.address == address, t.c.at > since, t.c.outcome == Outcome.WRONG.value
        )
        return self.session.scalars(stmt.order_by(t.c.at.desc()).limit(limit)).all()

    def recent_attempts(self, since: datetime, limit: int = 200) -> Sequence[SignInAttempt]:
        """Every attempt but the successes since `since`, newest first: what a supervisor looks at."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(t.c.at > since, t.c.outcome != Outcome.OK.value)
        return self.session.scalars(stmt.order_by(t.c.at.desc(), t.c.id.desc()).limit(limit)).all()

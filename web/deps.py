"""FastAPI dependencies, as `Annotated` aliases the routes use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Annotated, Protocol

from fastapi import Depends, HTTPException, Path, Query, Request
from pydantic import BeforeValidator

from core.capture.domain.order import CapturedOrder
from core.capture.domain.resolution import MasterData, ResolvedOrder
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.catalog.domain.quotes import Quote
from core.forecasting.domain.staffing import SlaSettings
from core.kernel.domain.model import Order
from core.kernel.domain.signins import LoginPolicy
from core.kernel.domain.users import Role, User
from core.reporting.services.reports import Reports
from core.unit_of_work import UnitOfWork
from outbound.channel import ChannelRegistry


class SalesDesk(Protocol):
    """The sales wiring: quotes offered by e-mail, acceptances stored as order documents."""

    def send(self, quote_id: int) -> Quote: ...

    def accept(self, quote_id: int, by: str) -> tuple[Quote, int]: ...

    def send_pricat(self, catalogue_id: int) -> list[str]: ...


class ReportingBackend(Protocol):
    """The reports as the composition root wired them."""

    @property
    def reports(self) -> Reports: ...


class ReadyCheck(Protocol):
    """One readiness check's outcome, as the composition root reports it."""

    @property
    def name(self) -> str: ...
    @property
    def ok(self) -> bool: ...
    @property
    def detail(self) -> str: ...
    @property
    def fix(self) -> str: ...


class Backend(Protocol):
    """What the web layer needs of the wired system (the composition root provides it)."""

    channels: ChannelRegistry  # the registered channels: their endpoints, public paths, names

    @property
    def sales(self) -> SalesDesk: ...  # quotes sent and accepted

    @property
    def reporting(self) -> ReportingBackend: ...

    @property
    def login_policy(self) -> LoginPolicy: ...  # failed sign-ins before a lock, and how long it lasts

    @property
    def review_sla(self) -> SlaSettings: ...  # the review queue's SLA (OMS_REVIEW_SLA_*)

    def uow(self) -> UnitOfWork: ...

    def readiness(self) -> Sequence[ReadyCheck]: ...  # /ready's checks

    def metrics(self) -> bytes: ...  # /metrics' body, Prometheus' text format

    def metrics_allowed(self, address: str | None, token: str | None) -> bool: ...

    def publish(self, events: list[object]) -> None: ...

    def answer(self, uow: CaptureUnitOfWork, order: Order, now: datetime) -> int: ...

    def validate(self, order: CapturedOrder, master: MasterData, today: date) -> ResolvedOrder: ...


def get_app(request: Request) -> Backend:
    app: Backend = request.app.state.oms
    return app


def now(request: Request) -> datetime:
    """The web layer's clock: the real one, or the one a test gave `create_app`."""
    clock: Callable[[], datetime] = request.app.state.clock
    return clock()


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def get_uow(app: Annotated[Backend, Depends(get_app)]) -> Iterator[UnitOfWork]:
    with app.uow() as uow:
        yield uow


def current_user(request: Request) -> User:
    """The user the security middleware identified; every route but the public ones has one."""
    user = request.scope.get("state", {}).get("user")
    if user is None:  # pragma: no cover - the middleware refuses such requests before routing
        raise HTTPException(status_code=401, detail="authentication required")
    assert isinstance(user, User)
    return user


def require_role(role: Role) -> Callable[[User], User]:
    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if not user.role.allows(role):
            raise HTTPException(status_code=403, detail=f"this needs the {role} role")
        return user

    return check


AppDep = Annotated[Backend, Depends(get_app)]
CurrentUser = Annotated[User, Depends(current_user)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]

# the largest value a 64-bit database key holds: bigger numbers (or negative ones) are refused with 422
MAX_ID = 2**63 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: pydantic would otherwise take `0` or `1700000000` as a Unix time."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]

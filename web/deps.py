"""FastAPI dependencies, as `Annotated` aliases the routes use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Protocol

from fastapi import Depends, Request

from core.services.unit_of_work import UnitOfWork


class Backend(Protocol):
    """What the web layer needs of the wired system (the composition root provides it)."""

    def uow(self) -> UnitOfWork: ...


def get_app(request: Request) -> Backend:
    app: Backend = request.app.state.oms
    return app


def get_uow(app: Annotated[Backend, Depends(get_app)]) -> Iterator[UnitOfWork]:
    with app.uow() as uow:
        yield uow


AppDep = Annotated[Backend, Depends(get_app)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]

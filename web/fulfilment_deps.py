"""Dependencies of the lifecycle's routes: the lifecycle service and the acting user's name."""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import Depends, Request

from core.fulfilment.services.fulfilment import Fulfilment
from web.deps import CurrentUser


class HasService(Protocol):
    @property
    def service(self) -> Fulfilment: ...


class LifecycleBackend(Protocol):
    """What the lifecycle's routes need of the wired system."""

    @property
    def lifecycle(self) -> HasService: ...


def get_service(request: Request) -> Fulfilment:
    backend: LifecycleBackend = request.app.state.oms
    return backend.lifecycle.service


def get_actor(user: CurrentUser) -> str:
    return user.username


ServiceDep = Annotated[Fulfilment, Depends(get_service)]
ActorDep = Annotated[str, Depends(get_actor)]

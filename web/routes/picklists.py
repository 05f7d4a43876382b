"""`/api/pick-lists`: releasing orders onto pick lists, the lists grouped by location, their PDF,
and pick confirmation with short picks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from core.fulfilment.domain.warehouse import PickList
from core.fulfilment.services.unit_of_work import FulfilmentUnitOfWork
from core.kernel.errors import NotFound
from outbound.print.picklist import picklist_pdf
from web.deps import IdPath, UowDep
from web.fulfilment_deps import ActorDep, ServiceDep
from web.schemas_fulfilment import OrderIds, PickConfirmation, PickListOut

router = APIRouter(prefix="/api/pick-lists", tags=["pick lists"])


def _pick_list(uow: FulfilmentUnitOfWork, pick_list_id: int) -> PickList:
    found = uow.fulfilment.pick_list(pick_list_id)
    if found is None:
        raise NotFound(f"pick list {pick_list_id} does not exist")
    return found


@router.get("", response_model=list[PickListOut])
def pick_lists(uow: UowDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[PickListOut]:
    return [PickListOut.model_validate(p) for p in uow.fulfilment.pick_lists(limit=limit)]


@router.post("", response_model=list[PickListOut], status_code=201)
def release(body: OrderIds, service: ServiceDep, actor: ActorDep) -> list[PickListOut]:
    """Release these orders to the warehouse: one pick list per warehouse."""
    report = service.release(body.order_ids, actor, strict=True)
    with service.uow_factory() as uow:
        return [PickListOut.model_validate(_pick_list(uow, p)) for p in report.pick_lists]


@router.get("/{pick_list_id}", response_model=PickListOut)
def pick_list(pick_list_id: IdPath, uow: UowDep) -> PickListOut:
    return PickListOut.model_validate(_pick_list(uow, pick_list_id))


@router.get("/{pick_list_id}/pdf", response_class=Response)
def pick_list_pdf(pick_list_id: IdPath, uow: UowDep, service: ServiceDep) -> Response:
    found = _pick_list(uow, pick_list_id)
    warehouse = uow.stock.warehouse(found.warehouse)
    pdf = picklist_pdf(found, warehouse.name if warehouse else found.warehouse, service.clock())
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="PL-{pick_list_id}.pdf"'},
    )


@router.post("/{pick_list_id}/confirm", response_model=PickListOut)
def confirm(
    pick_list_id: IdPath, body: PickConfirmation, service: ServiceDep, actor: ActorDep
) -> PickListOut:
    """Confirm the picks; lines not named were picked in full, named ones with the units found."""
    service.confirm_pick(pick_list_id, body.picked, actor)
    with service.uow_factory() as uow:
        return PickListOut.model_validate(_pick_list(uow, pick_list_id))

"""Catalogues on the web: the page customers open with a catalogue's link (no sign-in: the token in the
link is the key, and a wrong one finds nothing), its PDF and pictures; and, signed in, the list of
catalogues, where a supervisor publishes one and sends it to EDI partners."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote as q

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from core.catalog.services import catalogues
from core.kernel.domain.users import Role
from core.kernel.errors import ComandaError
from outbound.catalogue_pdf import render_catalogue
from web.deps import AppDep, CurrentUser, IdPath, UowDep, now, require_role
from web.templating import render

router = APIRouter(tags=["catalogue pages"], include_in_schema=False)
Group = Annotated[str, Path(max_length=64)]
Token = Annotated[str, Query(max_length=128)]
Sku = Annotated[str, Path(max_length=64)]
Supervisor = [Depends(require_role(Role.SUPERVISOR))]


@router.get("/catalogue/{group}", response_class=HTMLResponse)
def catalogue_page(group: Group, request: Request, uow: UowDep, token: Token = "") -> HTMLResponse:
    found, listed = catalogues.opened(uow, group, token, now(request).date())
    return render(request, "catalogue.html", catalogue=found, entries=listed, group=group, token=token)


@router.get("/catalogue/{group}/catalogue.pdf")
def catalogue_pdf(
    group: Group, request: Request, uow: UowDep, token: Token = "", lang: str = "es"
) -> Response:
    found, listed = catalogues.opened(uow, group, token, now(request).date())
    pdf = render_catalogue(found, listed, catalogues.pictures(uow, listed), lang)
    headers = {"Content-Disposition": f'inline; filename="catalogue-{found.id}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


@router.get("/catalogue/{group}/images/{sku}")
def picture(group: Group, sku: Sku, request: Request, uow: UowDep, token: Token = "") -> Response:
    _found, listed = catalogues.opened(uow, group, token, now(request).date())
    image = uow.catalogues.image(sku) if any(e.sku == sku for e in listed) else None
    if image is None:
        return Response(status_code=404)
    return Response(image[1], media_type=image[0], headers={"Cache-Control": "private, max-age=3600"})


@router.get("/catalogues", response_class=HTMLResponse)
def catalogues_page(request: Request, uow: UowDep, _user: CurrentUser, message: str = "") -> HTMLResponse:
    groups = sorted({g.group_code for g in uow.master.groups()})
    return render(request, "catalogues.html", catalogues=uow.catalogues.all(), groups=groups, message=message)


@router.post("/catalogues", dependencies=Supervisor)
def publish(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    name: Annotated[str, Form(max_length=128)],
    season: Annotated[str, Form(max_length=64)],
    valid_from: Annotated[date, Form()],
    valid_to: Annotated[date, Form()],
    group: Annotated[str, Form(max_length=64)] = "",
) -> RedirectResponse:
    try:
        made, token = catalogues.publish(
            app.uow(), name, season, (valid_from, valid_to), user.username, now(request), group=group or None
        )
        text = (
            f"catalogue {made.id} published; its link (shown once): /catalogue/{group or 'all'}?token={token}"
        )
    except ComandaError as exc:
        text = f"not published: {exc}"
    return RedirectResponse(f"/catalogues?message={q(text)}", status_code=303)


@router.post("/catalogues/{catalogue_id}/pricat", dependencies=Supervisor)
def pricat(catalogue_id: IdPath, app: AppDep) -> RedirectResponse:
    try:
        sent = app.sales.send_pricat(catalogue_id)
        text = f"PRICAT queued for {len(sent)} partner(s) {', '.join(sent)}"
    except ComandaError as exc:
        text = f"not sent: {exc}"
    return RedirectResponse(f"/catalogues?message={q(text)}", status_code=303)

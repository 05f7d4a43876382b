"""The commercial-terms pages at `/terms`: customer groups, price lists, categories and promotions; any
user reads them, a supervisor uploads a file, edits or removes a promotion; every file downloads as the
CSV it is imported from."""

from __future__ import annotations

import csv
import io
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from core.catalog.services import promotions_import
from core.catalog.services.masterdata import import_csv
from core.catalog.services.terms_export import EXPORTS, export_csv
from core.catalog.services.unit_of_work import CatalogUnitOfWork
from core.kernel.domain.users import Role
from core.kernel.errors import MasterDataError, NotFound
from web.deps import AppDep, CurrentUser, UowDep, require_role
from web.templating import render

router = APIRouter(tags=["commercial terms pages"], include_in_schema=False)
SUPERVISOR = [Depends(require_role(Role.SUPERVISOR))]
UPLOADS = (
    "customer-groups",
    "group-prices",
    "customer-prices",
    "prices",
    "categories",
    "promotions",
    "units",
)
MAX_UPLOAD = 5 * 1024 * 1024


def _back(text: str) -> RedirectResponse:
    return RedirectResponse(f"/terms?message={quote(text)}", status_code=303)


def _catalog_uow(app: AppDep) -> CatalogUnitOfWork:
    uow = app.uow()
    assert isinstance(uow, CatalogUnitOfWork)
    return uow


@router.get("/terms", response_class=HTMLResponse)
def terms_page(request: Request, uow: UowDep, user: CurrentUser, message: str = "") -> HTMLResponse:
    master = uow.master
    prices = [r for r in master.price_rows() if r.level != "base" or r.min_quantity > 1 or r.valid_from]
    return render(
        request,
        "terms.html",
        groups=master.groups(),
        prices=prices,
        categories=sorted(master.categories().items()),
        promotions=master.promotions(),
        uploads=UPLOADS,
        exports=EXPORTS,
        message=message,
        today=request.app.state.clock().date(),
    )


@router.post("/terms/import", dependencies=SUPERVISOR)
async def upload(app: AppDep, kind: Annotated[str, Form()], file: UploadFile) -> RedirectResponse:
    if kind not in UPLOADS:
        return _back(f"unknown file kind {kind!r}")
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return _back(f"{file.filename}: larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    try:
        report = import_csv(_catalog_uow(app), kind, data.decode("utf-8"))
    except UnicodeDecodeError:
        return _back(f"{file.filename}: not UTF-8 text")
    except MasterDataError as exc:
        return _back(f"{file.filename}: nothing loaded, {exc}")
    return _back(f"{kind}: {report.created} created, {report.updated} updated")


@router.get("/terms/export/{kind}.csv")
def export(app: AppDep, kind: str, user: CurrentUser) -> Response:
    if kind not in EXPORTS:
        raise NotFound(f"no terms file {kind!r}")
    text = export_csv(_catalog_uow(app), kind)
    headers = {"Content-Disposition": f'attachment; filename="{kind}.csv"'}
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/terms/promotions/{promotion_id}", response_class=HTMLResponse)
def promotion_page(request: Request, promotion_id: str, uow: UowDep, user: CurrentUser) -> HTMLResponse:
    found = next((p for p in uow.master.promotions() if p.promotion_id == promotion_id.upper()), None)
    if found is None and promotion_id != "new":
        raise NotFound(f"promotion {promotion_id} does not exist")
    return render(request, "terms_promotion.html", promotion=found, columns=promotions_import.COLUMNS)


@router.post("/terms/promotions", dependencies=SUPERVISOR)
async def save_promotion(request: Request, app: AppDep) -> RedirectResponse:
    """One promotion from the edit form, checked by the same rules as a file's row."""
    form = await request.form()
    row = {c: str(form.get(c) or "") for c in promotions_import.COLUMNS}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([promotions_import.COLUMNS, [row[c] for c in promotions_import.COLUMNS]])
    try:
        import_csv(_catalog_uow(app), "promotions", out.getvalue())
    except MasterDataError as exc:
        return _back(f"promotion {row['promotion_id']} not saved: {exc}")
    return _back(f"promotion {row['promotion_id'].upper()} saved")


@router.post("/terms/promotions/{promotion_id}/delete", dependencies=SUPERVISOR)
def delete_promotion(promotion_id: str, uow: UowDep) -> RedirectResponse:
    if not uow.master.remove_promotion(promotion_id.upper()):
        raise NotFound(f"promotion {promotion_id} does not exist")
    uow.commit()
    return _back(f"promotion {promotion_id} removed")

"""The review queue and the document view where a clerk fixes and approves an order by keyboard."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from core.capture.services import review
from core.kernel.domain.model import Order
from core.kernel.domain.users import Role, User
from core.unit_of_work import UnitOfWork
from web.deps import AppDep, CurrentUser, IdPath, OptionalId, require_role
from web.templating import render

router = APIRouter(tags=["review"], include_in_schema=False)
TARGET_MINUTES = 30  # an order should not wait longer than this; colours turn amber, then red
_LINE_KEY = re.compile(r"lines-(\d+)-(\w+)")


def _now() -> datetime:
    return datetime.now(UTC)


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/review", status_code=303)


@router.get("/review", response_class=HTMLResponse)
def queue_page(
    request: Request,
    app: AppDep,
    user: CurrentUser,
    channel: str | None = None,
    customer: str | None = None,
    code: str | None = None,
    sort: Annotated[str, Query(pattern="^-?(age|confidence|customer|channel)$")] = "age",
) -> HTMLResponse:
    now = _now()
    with app.uow() as uow:
        rows = review.queue(
            uow, user, now, channel=channel or None, customer=customer or None, code=code or None, sort=sort
        )
    return render(
        request,
        "queue.html",
        rows=rows,
        now=now,
        target=TARGET_MINUTES,
        filters={"channel": channel or "", "customer": customer or "", "code": code or "", "sort": sort},
    )


def _next_in_queue(uow: UnitOfWork, user: User, after: int | None) -> int | None:
    rows = review.queue(uow, user, _now())
    ids = [r.order.id for r in rows if r.order.id is not None and not (r.lock.holder and not r.lock.mine)]
    if after in ids:
        later = ids[ids.index(after) + 1 :]
        return later[0] if later else None
    others = [i for i in ids if i != after]
    return others[0] if others else None


@router.get("/review/next")
def next_document(app: AppDep, user: CurrentUser, after: OptionalId = None) -> RedirectResponse:
    with app.uow() as uow:
        target = _next_in_queue(uow, user, after)
    return RedirectResponse(f"/review/{target}" if target else "/review", status_code=303)


@router.get("/review/{order_id:int}", response_class=HTMLResponse)
def document_view(request: Request, order_id: IdPath, app: AppDep, user: CurrentUser) -> HTMLResponse:
    now = _now()
    with app.uow() as uow:
        order = uow.orders.get(order_id)
        if order is None:
            return render(
                request, "message.html", 404, title="Not found", text=f"Order {order_id} does not exist."
            )
        record = uow.documents.get(order.document_id)
        pages = list(uow.review.pages(order.document_id))
        segments = _segments(uow.blobs.get(record.sha256)) if record and record.format == "edifact" else []
        lock = review.lock_state(uow, order_id, user, now)
        audit = [(e, uow.users.get(e.user_id) if e.user_id else None) for e in uow.review.audit(order_id)]
        catalogue = uow.master.products()
        customers = uow.master.customers()
    return render(
        request,
        "review.html",
        order=order,
        record=record,
        pages=pages,
        segments=segments,
        lock=lock,
        audit=audit,
        catalogue=catalogue,
        customers=customers,
        problems_by_field=_problems_by_field(order),
        evidence=_evidence_by_field(order),
        segment_offset=_message_start(segments, order),
        editable=order.state == "in_review",
    )


def _segments(content: bytes) -> list[str]:
    text = content.decode("latin-1").replace("\r", "").replace("\n", "")
    return [s + "'" for s in text.split("'") if s.strip()]


def _message_start(segments: list[str], order: Order) -> int:
    """How many segments of the file come before the order's UNH (evidence counts from its UNH)."""
    marker = f"UNH+{order.message_ref}+"
    return next((i for i, s in enumerate(segments) if s.startswith(marker)), 0)


def _problems_by_field(order: Order) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in order.problems:
        out.setdefault(str(p.get("field") or ""), []).append(str(p.get("message")))
    return out


def _evidence_by_field(order: Order) -> dict[str, dict[str, object]]:
    return {str(e["field"]): e for e in order.evidence}


@router.post("/review/{order_id:int}/lock")
def take_lock(order_id: IdPath, app: AppDep, user: CurrentUser) -> JSONResponse:
    state = review.acquire(app.uow(), order_id, user, _now())
    body = {
        "holder": state.holder,
        "until": state.until.isoformat() if state.until else None,
        "mine": state.mine,
    }
    return JSONResponse(body, status_code=200 if state.mine else 409)


@router.post("/review/{order_id:int}/unlock")
def drop_lock(order_id: IdPath, app: AppDep, user: CurrentUser) -> Response:
    review.release(app.uow(), order_id, user)
    return Response(status_code=204)


def _edits(form: Mapping[str, str]) -> tuple[dict[str, str], list[review.LineEdit]]:
    header = {k: v for k, v in form.items() if k in review.HEADER_FIELDS}
    rows: dict[int, dict[str, str]] = {}
    for key, value in form.items():
        m = _LINE_KEY.fullmatch(key)
        if m:
            rows.setdefault(int(m[1]), {})[m[2]] = value
    lines = []
    for _, values in sorted(rows.items()):
        if values.pop("removed", "") == "1":
            continue
        position = values.pop("position", "")
        lines.append(review.LineEdit(int(position) if position.isdigit() else None, values))
    return header, lines


async def _form(request: Request) -> dict[str, str]:
    data = await request.form()
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _keystrokes(form: Mapping[str, str]) -> int | None:
    """The keys the page counted in the order's form (its hidden `keystrokes` field); None when the
    form carried no count (a page of an older release, a client without the script)."""
    text = form.get("keystrokes", "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise review.BadKeystrokes(f"keystrokes: {text!r} is not a whole number") from None


@router.post("/review/{order_id:int}/save")
async def save(request: Request, order_id: IdPath, app: AppDep, user: CurrentUser) -> Response:
    form = await _form(request)
    header, lines = _edits(form)
    try:
        keys = _keystrokes(form)
        review.save(app.uow(), order_id, user, _now(), header, lines, app.validate, keys)
    except review.ReviewError as exc:
        return _back(request, order_id, exc)
    if form.get("then") == "approve":  # the keys were kept with the save
        return _approve(request, order_id, app, user, None)
    return RedirectResponse(f"/review/{order_id}", status_code=303)


def _approve(request: Request, order_id: int, app: AppDep, user: User, keystrokes: int | None) -> Response:
    uow = app.uow()
    try:
        review.approve(uow, order_id, user, _now(), app.answer, keystrokes)
    except review.ReviewError as exc:
        return _back(request, order_id, exc)
    app.publish(uow.collect_events())
    return RedirectResponse(f"/review/next?after={order_id}", status_code=303)


@router.post("/review/{order_id:int}/approve")
async def approve(request: Request, order_id: IdPath, app: AppDep, user: CurrentUser) -> Response:
    try:
        keys = _keystrokes(await _form(request))
    except review.ReviewError as exc:
        return _back(request, order_id, exc)
    return _approve(request, order_id, app, user, keys)


@router.post("/review/{order_id:int}/reject")
async def reject(request: Request, order_id: IdPath, app: AppDep, user: CurrentUser) -> Response:
    form = await _form(request)
    uow = app.uow()
    try:
        keys = _keystrokes(form)
        review.reject(uow, order_id, user, _now(), form.get("reason", ""), app.answer, keys)
    except review.ReviewError as exc:
        return _back(request, order_id, exc)
    app.publish(uow.collect_events())
    return RedirectResponse(f"/review/next?after={order_id}", status_code=303)


def _back(request: Request, order_id: int, error: review.ReviewError) -> Response:
    """The action refused: 422 for a count of keys no review screen sends, 409 for the rest (the order
    moved on, another clerk holds it, a value the order cannot take)."""
    status = 422 if isinstance(error, review.BadKeystrokes) else 409
    back = f"/review/{order_id}"
    return render(request, "message.html", status, title="Not saved", text=str(error), back=back)


@router.get(
    "/review/learned", response_class=HTMLResponse, dependencies=[Depends(require_role(Role.SUPERVISOR))]
)
def learned_page(request: Request, app: AppDep) -> HTMLResponse:
    with app.uow() as uow:
        items = [
            (i, uow.users.get(i.user_id) if i.user_id else None)
            for i in uow.review.learned(include_undone=True)
        ]
        identifiers = [
            (i, uow.users.get(i.user_id) if i.user_id else None)
            for i in uow.review.learned_identifiers(include_undone=True)
        ]
    return render(request, "learned.html", items=items, identifiers=identifiers)


@router.post("/review/learned/{item_id}/undo", dependencies=[Depends(require_role(Role.SUPERVISOR))])
def undo_learned(item_id: IdPath, app: AppDep, user: CurrentUser) -> RedirectResponse:
    review.unlearn(app.uow(), item_id, user, _now())
    return RedirectResponse("/review/learned", status_code=303)


@router.post(
    "/review/learned/identifiers/{item_id}/undo", dependencies=[Depends(require_role(Role.SUPERVISOR))]
)
def undo_learned_identifier(item_id: IdPath, app: AppDep, user: CurrentUser) -> RedirectResponse:
    review.unlearn_identifier(app.uow(), item_id, user, _now())
    return RedirectResponse("/review/learned", status_code=303)

"""Page images for the document view, drawn at the size the stored word boxes were measured in."""

from __future__ import annotations

import email
import email.policy
import io
from collections import OrderedDict
from email.message import EmailMessage
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from core.kernel.errors import NotFound
from web.deps import AppDep, IdPath

router = APIRouter(tags=["review"], include_in_schema=False)
IMAGE_MAGIC = (b"II*\x00", b"MM\x00*", b"\x89PNG", b"\xff\xd8\xff")


def _page_source(content: bytes) -> bytes:
    """The bytes that hold the pages: the document itself, or an e-mail's first PDF or image."""
    if content.startswith(b"%PDF") or content.startswith(IMAGE_MAGIC):
        return content
    message = email.message_from_bytes(content, policy=email.policy.default)
    if isinstance(message, EmailMessage):
        for part in message.walk():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and (
                payload.startswith(b"%PDF") or payload.startswith(IMAGE_MAGIC)
            ):
                return payload
    return content


_cache: OrderedDict[tuple[str, int, int, int], bytes] = OrderedDict()
_CACHED_PAGES = 64


def cached_page(sha256: str, content: bytes, number: IdPath, width: int, height: int) -> bytes:
    """render_page, remembering the last pages drawn (a clerk goes back and forth)."""
    key = (sha256, number, width, height)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    png = render_page(content, number, width, height)
    _cache[key] = png
    while len(_cache) > _CACHED_PAGES:
        _cache.popitem(last=False)
    return png


def render_page(content: bytes, number: IdPath, width: int, height: int) -> bytes:
    """PNG of page `number` (1-based), `width` × `height` pixels."""
    from PIL import Image

    source = _page_source(content)
    if source.startswith(b"%PDF"):
        import pypdfium2

        pdf = pypdfium2.PdfDocument(source)
        if not 1 <= number <= len(pdf):
            raise NotFound(f"the document has no page {number}")
        page = pdf[number - 1]
        image = page.render(scale=width / page.get_width()).to_pil()
    else:
        image = Image.open(io.BytesIO(source))
        try:
            image.seek(number - 1)
        except EOFError:
            raise NotFound(f"the document has no page {number}") from None
    image = image.convert("L").resize((width, height))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


@router.get("/review/documents/{document_id:int}/pages/{number:int}.png")
def page_image(document_id: IdPath, number: Annotated[int, Path(ge=0, le=100_000)], app: AppDep) -> Response:
    with app.uow() as uow:
        record = uow.documents.get(document_id)
        page = next((p for p in uow.review.pages(document_id) if p["number"] == number), None)
        if record is None or page is None:
            raise NotFound(f"document {document_id} has no page {number}")
        content = uow.blobs.get(record.sha256)
    width, height = int(float(str(page["width"]))), int(float(str(page["height"])))
    png = cached_page(record.sha256, content, number, width, height)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

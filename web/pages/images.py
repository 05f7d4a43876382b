"""Page images for the document view, drawn at the size the stored word boxes were measured in."""

from __future__ import annotations

import email
import io
from collections import OrderedDict
from email.message import EmailMessage
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from core.kernel.errors import NotFound
from parsers.email.mime import BOUNDED
from parsers.ocr.geometry import Orientation, turn
from web.deps import AppDep, IdPath

router = APIRouter(tags=["review"], include_in_schema=False)
IMAGE_MAGIC = (b"II*\x00", b"MM\x00*", b"\x89PNG", b"\xff\xd8\xff")


def _page_source(content: bytes) -> bytes:
    """The bytes that hold the pages: the document itself, or an e-mail's first PDF or image."""
    if content.startswith(b"%PDF") or content.startswith(IMAGE_MAGIC):
        return content
    message = email.message_from_bytes(content, policy=BOUNDED)  # headers read only up to a bound
    if isinstance(message, EmailMessage):
        for part in message.walk():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and (
                payload.startswith(b"%PDF") or payload.startswith(IMAGE_MAGIC)
            ):
                return payload
    return content


_cache: OrderedDict[tuple[str, int, int, int, float], bytes] = OrderedDict()
_CACHED_PAGES = 64


def cached_page(
    sha256: str, content: bytes, number: int, width: int, height: int, rotation: float = 0.0
) -> bytes:
    """render_page, remembering the last pages drawn (a clerk goes back and forth)."""
    key = (sha256, number, width, height, rotation)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    png = render_page(content, number, width, height, rotation)
    _cache[key] = png
    while len(_cache) > _CACHED_PAGES:
        _cache.popitem(last=False)
    return png


def render_page(content: bytes, number: int, width: int, height: int, rotation: float = 0.0) -> bytes:
    """PNG of page `number` (1-based), `width` × `height` pixels, turned `rotation` degrees
    counter-clockwise first, as the reader turned it: a page scanned on its side or askew is shown
    upright, in the frame its word boxes were measured in."""
    from PIL import Image

    orientation = Orientation.from_degrees(rotation)
    source = _page_source(content)
    if source.startswith(b"%PDF"):
        import pypdfium2

        pdf = pypdfium2.PdfDocument(source)
        if not 1 <= number <= len(pdf):
            raise NotFound(f"the document has no page {number}")
        page = pdf[number - 1]
        across = page.get_height() if orientation.quarters % 2 else page.get_width()
        image = page.render(scale=width / across).to_pil()
    else:
        image = Image.open(io.BytesIO(source))
        try:
            image.seek(number - 1)
        except EOFError:
            raise NotFound(f"the document has no page {number}") from None
    image = image.convert("L")
    image = turn(image, orientation).resize((width, height))  # an upright page is left as it is
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
    rotation = float(str(page.get("rotation") or 0.0))
    png = cached_page(record.sha256, content, number, width, height, rotation)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

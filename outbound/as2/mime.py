"""The few MIME operations AS2 needs, on raw bytes: a signature covers exact bytes, so parts are cut
out of the message as they arrived and never re-serialised.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import quopri
import re
import uuid
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from outbound.as2.errors import MalformedMessage

CRLF = b"\r\n"


@dataclass(frozen=True)
class Entity:
    """One MIME entity: its parsed headers and its body, both as received."""

    headers: Message
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()

    def param(self, name: str) -> str | None:
        value = self.headers.get_param(name)
        return value if isinstance(value, str) else None

    @property
    def filename(self) -> str | None:
        name = self.headers.get_filename()
        return name or self.param("name")

    def decoded(self) -> bytes:
        """The body with its Content-Transfer-Encoding undone."""
        encoding = str(self.headers.get("Content-Transfer-Encoding", "binary")).strip().lower()
        if encoding == "base64":
            try:
                return base64.b64decode(re.sub(rb"\s+", b"", self.body), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise MalformedMessage(f"{self.content_type} part is not valid base64") from exc
        if encoding == "quoted-printable":
            return quopri.decodestring(self.body)
        return self.body


def parse_entity(raw: bytes) -> Entity:
    """Split headers from body at the first empty line (CRLF or bare LF)."""
    if raw.startswith((b"\r\n", b"\n")):
        return Entity(_headers(b""), raw[2:] if raw.startswith(b"\r\n") else raw[1:])
    ends = [(i, len(sep)) for sep in (b"\r\n\r\n", b"\n\n") if (i := raw.find(sep)) >= 0]
    if not ends:
        raise MalformedMessage("a MIME part without the empty line that ends its headers")
    at, size = min(ends)
    return Entity(_headers(raw[:at]), raw[at + size :])


def entity_from(headers: dict[str, str], body: bytes) -> Entity:
    """An entity whose headers came apart from its body (an HTTP request or response)."""
    return Entity(_headers(render_headers(headers)), body)


def _headers(raw: bytes) -> Message:
    return BytesHeaderParser(policy=compat32).parsebytes(raw + CRLF)


def render_headers(headers: dict[str, str]) -> bytes:
    return b"".join(f"{name}: {value}".encode("ascii") + CRLF for name, value in headers.items())


def build_entity(headers: dict[str, str], body: bytes) -> bytes:
    """Headers, the empty line, the body: the canonical (CRLF) form that is signed and hashed."""
    return render_headers(headers) + CRLF + body


def split_multipart(entity: Entity) -> list[bytes]:
    """The parts of a multipart entity, each exactly as it stood between its boundary lines."""
    boundary = entity.param("boundary")
    if not boundary:
        raise MalformedMessage(f"{entity.content_type} without a boundary")
    delimiter = re.compile(
        rb"(?:\A|\r?\n)--" + re.escape(boundary.encode("ascii")) + rb"(--)?[ \t]*(?:\r?\n|\Z)"
    )
    marks = list(delimiter.finditer(entity.body))
    parts = []
    for mark, following in itertools.pairwise(marks):
        if mark.group(1):  # the closing delimiter: the epilogue after it is no part
            break
        parts.append(entity.body[mark.end() : following.start()])
    if not parts or not any(m.group(1) for m in marks):
        raise MalformedMessage(f"{entity.content_type} whose parts are not closed by their boundary")
    return parts


def multipart(subtype: str, parts: list[bytes], **params: str) -> tuple[str, bytes]:
    """A multipart body from whole parts, and its Content-Type; the boundary is fresh and random."""
    boundary = f"----=_Comanda_{uuid.uuid4().hex}"
    body = b"".join(b"--" + boundary.encode("ascii") + CRLF + part + CRLF for part in parts)
    body += b"--" + boundary.encode("ascii") + b"--" + CRLF
    extra = "".join(f'; {key.replace("_", "-")}="{value}"' for key, value in params.items())
    return f'multipart/{subtype}; boundary="{boundary}"{extra}', body


def to_crlf(data: bytes) -> bytes:
    """Bare LF line ends to CRLF, as senders that forgot canonical form should have written."""
    return re.sub(rb"(?<!\r)\n", b"\r\n", data)

"""What an attachment is, told from its bytes (names and declared types are only hints)."""

from __future__ import annotations

import io
import re
import zipfile

PDF = "application/pdf"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"
EDIFACT = "application/edifact"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"
MESSAGE = "message/rfc822"
SCANS = (TIFF, PNG, JPEG)

_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]", re.MULTILINE)
_MAIL_HEADERS = (b"from:", b"message-id:", b"received:", b"return-path:", b"mime-version:", b"subject:")


def sniff(content: bytes, declared: str = "", name: str | None = None) -> str | None:
    """The media type the bytes really are, or None when it is nothing Comanda reads."""
    head = content[:2048]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if stripped.startswith((b"UNA", b"UNB+", b"UNB:")):
        return EDIFACT
    if head.startswith(b"PK\x03\x04") and _is_xlsx(content):
        return XLSX
    if looks_like_mail(head):
        return MESSAGE
    if _is_text(head) and (declared in ("text/csv", "application/csv") or _csv_shaped(content, name)):
        return CSV
    return None


def looks_like_mail(head: bytes) -> bool:
    """Header lines up front, among them at least two that every e-mail has."""
    block = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    lowered = block.lower()
    if not _HEADER.match(block):
        return False
    return sum(1 for h in _MAIL_HEADERS if lowered.startswith(h) or b"\n" + h in lowered) >= 2


def _is_xlsx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _is_text(head: bytes) -> bool:
    return b"\x00" not in head and bool(head.strip())


def _csv_shaped(content: bytes, name: str | None) -> bool:
    """Several lines with the same, non-zero number of separators (or a .csv name)."""
    if name and name.lower().endswith(".csv"):
        return True
    lines = [ln for ln in content[:8192].splitlines()[:10] if ln.strip()]
    if len(lines) < 2:
        return False
    for sep in (b";", b",", b"\t"):
        counts = {ln.count(sep) for ln in lines[:-1]}
        if len(counts) == 1 and counts.pop() > 0:
            return True
    return False

"""The readable text of an e-mailed or faxed arrival, for a person and for the few things purchasing
looks for in a supplier's document (our PO number, what kind of document it is): an e-mail's subject,
body and the text layer of its PDF attachments; a PDF's text layer. Image-only pages (a fax, a scan)
give no text here: no OCR runs for a document a buyer reads anyway."""

from __future__ import annotations

import io
import logging
from email.parser import BytesHeaderParser
from email.utils import parseaddr
from typing import NamedTuple

import pdfplumber

from core.kernel.errors import ParseError
from parsers.email.html import to_text
from parsers.email.mime import parse_message

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 10  # pages of one PDF read for text
MAX_TEXT = 100_000  # characters kept


def pdf_text(content: bytes) -> str:
    """The text layer of a PDF's first pages; empty when it has none or cannot be read."""
    if PDF_MAGIC not in content[:1024]:
        return ""
    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            return "\n".join((page.extract_text() or "") for page in pdf.pages[:MAX_PAGES])
    except Exception as exc:  # pdfminer raises many kinds for a damaged file: no text, then
        log.info("no text from a PDF: %s", exc)
        return ""


class MailText(NamedTuple):
    """What purchasing reads of an e-mail: who wrote (From), its Message-ID, subject and text."""

    from_addr: str = ""
    message_id: str = ""
    subject: str = ""
    text: str = ""


def mail_parts(raw: bytes) -> MailText:
    """An e-mail's From address, Message-ID, subject and text: its body (plain, else HTML as text)
    and the text of its PDF attachments; all empty when the bytes are no e-mail."""
    try:
        mail = parse_message(raw)
    except ParseError:
        return MailText()
    texts = list(mail.texts) or [to_text(h) for h in mail.htmls]
    texts += [pdf_text(a.content) for a in mail.attachments]
    body = "\n".join([mail.subject, *texts])
    return MailText(mail.from_addr, mail.message_id.strip(), mail.subject, body[:MAX_TEXT])


def mail_from(raw: bytes) -> str:
    """An e-mail's From address, from its headers alone (cheap: asked of every e-mail arrival)."""
    try:
        headers = BytesHeaderParser().parsebytes(raw[:65536])
    except (ValueError, TypeError):
        return ""
    return parseaddr(str(headers.get("From", "")))[1]


def document_text(raw: bytes) -> str:
    """The text of a faxed or uploaded file: a PDF's text layer, nothing from an image."""
    return pdf_text(raw)[:MAX_TEXT]

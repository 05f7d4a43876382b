"""Taking an RFC 5322 message apart: decoded headers, the body texts, attachments and forwarded messages.

The walk is iterative and capped (parts, depth, forwarded levels), so a mail bomb costs bounded work;
whatever the caps cut off is reported as a problem.  Charsets are decoded leniently: a declared
ISO-8859-1 is read as windows-1252 (as mail clients do), undeclared or wrong ones fall back to UTF-8
and then windows-1252, so accented text survives.
"""

from __future__ import annotations

import email
import email.header
import email.message
import email.utils
import functools
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import HeaderRegistry
from email.message import Message
from email.policy import EmailPolicy
from typing import Any

from core.capture.domain.mail_headers import ANSWER_HEADERS, ESCAPED_BYTE, Original, original_of
from core.capture.domain.order import Problem, ProblemCode, Severity
from core.kernel.errors import ParseError

MAX_PARTS = 500  # MIME parts looked at in one message
MAX_DEPTH = 12  # multipart nesting
MAX_FORWARDS = 3  # message/rfc822 inside message/rfc822
# The standard library's structured-header parser costs far more than linear time on long values: a
# 100 kB Content-Type took 20 s, and it runs again on every read of the header.  Values past these
# lengths are read only up to them (no real MIME header comes close; address lists may be long).
MAX_MIME_HEADER = 1_000  # Content-Type, Content-Disposition, Content-Transfer-Encoding, Content-ID
MAX_HEADER = 8_000  # any other header
_LATIN1 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1"}


@dataclass(frozen=True)
class Attachment:
    """One attached file; `name` is for people to read, never a path."""

    name: str | None
    declared_type: str
    content: bytes
    inline: bool = False
    content_id: str | None = None


@dataclass
class Mail:
    """The parts of a message Comanda reads."""

    subject: str = ""
    from_name: str = ""
    from_addr: str = ""
    reply_to: str = ""
    return_path: str = ""
    date: datetime | None = None
    message_id: str = ""
    references: tuple[str, ...] = ()
    auto_submitted: bool = False
    texts: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    forwarded: list[Mail] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # what an answer needs of the message, read by the answer's rule (None: a header was cut short)
    original: Original | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(t for t in self.texts if t.strip())

    @property
    def html(self) -> str:
        return "\n".join(self.htmls)


def decode_bytes(raw: bytes, charset: str | None) -> str:
    """Text from bytes in a declared charset, leniently (see the module docstring)."""
    label = (charset or "").strip().strip('"').lower()
    if label in _LATIN1:
        label = "utf-8" if _is_utf8(raw) else "windows-1252"
    for candidate in (label, "utf-8", "windows-1252"):
        if not candidate:
            continue
        try:
            return raw.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def _is_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def header(msg: Message, name: str) -> str:
    """A header's decoded text; raw 8-bit headers (no encoded words) are read as UTF-8 or windows-1252."""
    try:
        value = msg.get(name)
    except Exception:  # a header the policy cannot parse (get_all would parse it too): its raw text
        value = _raw_header(msg, name)
    if value is None:
        return ""
    text = str(value)
    if ESCAPED_BYTE.search(text):
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), None)
    return " ".join(text.split())


def _raw_header(msg: Message, name: str) -> str:
    """A header's source text, its encoded words decoded where they can be."""
    raw = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), "")[: header_limit(name)]
    try:
        return str(email.header.make_header(email.header.decode_header(raw)))
    except Exception:  # an encoded word in an unknown charset, say: the text as it came
        return raw


def address(msg: Message, name: str) -> tuple[str, str]:
    display, addr = email.utils.parseaddr(header(msg, name))
    return display.strip(), addr.strip().lower()


class _BoundedPolicy(EmailPolicy):
    """The default policy, reading at most MAX_MIME_HEADER / MAX_HEADER characters of a header value.

    A header is parsed each time it is asked for, and reading one e-mail asks for the same few about
    thirty times (Content-Type alone for every part, by the parser and by us): the parsed header is
    kept by its name and text, which is all it depends on (header objects are read-only strings)."""

    def header_fetch_parse(self, name: str, value: str) -> Any:
        value = str(value[: header_limit(name)])
        if len(value) > CACHED_HEADER:  # a long References chain, say: parsed each time, not kept
            return super().header_fetch_parse(name, value)
        return _parsed_header(self, name, value)


CACHED_HEADER = 1_000  # characters: the parsed headers kept stay a few megabytes at most


@functools.lru_cache(maxsize=512)
def _parsed_header(policy: EmailPolicy, name: str, value: str) -> Any:
    return EmailPolicy.header_fetch_parse(policy, name, value)


def header_limit(name: str) -> int:
    return MAX_MIME_HEADER if name.lower().startswith("content-") else MAX_HEADER


class _HeaderClasses(HeaderRegistry):
    """The standard header factory, each header's class built once by its name.

    The standard registry makes a new class (`type(...)`) for every header it parses, a fifth to a half
    of parsing a short one; the class depends only on the name's entry in the registry, and header
    objects keep nothing on their class."""

    def __init__(self) -> None:
        super().__init__()
        self._built: dict[str, type] = {}

    def map_to_type(self, name: str, cls: type) -> None:
        super().map_to_type(name, cls)
        self._built.pop(name.lower(), None)

    def __getitem__(self, name: str) -> Any:
        key = name.lower()
        built = self._built.get(key)
        if built is None:
            built = self._built[key] = super().__getitem__(name)
        return built


BOUNDED = _BoundedPolicy(header_factory=_HeaderClasses())


def parse_message(raw: bytes) -> Mail:
    """Read a message; raise ParseError when it is not one or nests past what can be read."""
    try:
        msg = email.message_from_bytes(raw, policy=BOUNDED)
    except RecursionError as exc:
        raise ParseError("the message nests MIME parts too deeply to be read (a mail bomb?)") from exc
    if not any(k.lower() in ("from", "subject", "message-id", "date", "to", "mime-version") for k in msg):
        raise ParseError("not an e-mail message: no From, To, Subject, Date or Message-ID header")
    mail = _read(msg, level=0)
    mail.original = _original(msg)
    return mail


def _original(msg: Message) -> Original | None:
    """The answer's view of the message's headers (`original_of`), read here where the headers were
    parsed for the reader anyway (each parsed once: `_parsed_header`); None when one of them is longer
    than this policy reads, where the answer's own parse of the stored message would read it whole."""
    wanted = {name.lower() for name in ANSWER_HEADERS}
    for name, value in msg.raw_items():
        if name.lower() in wanted and len(value) > header_limit(name):
            return None
    return original_of(msg)


def _read(msg: Message, level: int) -> Mail:
    mail = _headers(msg)
    stack: list[tuple[Message, int]] = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        _note_defects(part, mail)
        if seen > MAX_PARTS:
            mail.problems.append(_capped(f"more than {MAX_PARTS} MIME parts; the rest was not read"))
            break
        ctype = part.get_content_type()
        if part.is_multipart() and ctype != "message/rfc822":
            children = part.get_payload()
            if depth >= MAX_DEPTH:
                mail.problems.append(_capped(f"MIME parts nested deeper than {MAX_DEPTH}; not read"))
                continue
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, Message))
            continue
        _take(part, ctype, mail, level)
    return mail


def _take(part: Message, ctype: str, mail: Mail, level: int) -> None:
    disposition = (part.get_content_disposition() or "").lower()
    filename = _filename(part)
    if ctype == "message/rfc822":
        inner = part.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        if level + 1 > MAX_FORWARDS:
            mail.problems.append(_capped(f"messages forwarded more than {MAX_FORWARDS} deep; not read"))
        elif isinstance(inner_msg, Message):
            mail.forwarded.append(_read(inner_msg, level + 1))
        return
    payload = _payload(part)
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        text = decode_bytes(payload, part.get_content_charset())
        (mail.texts if ctype == "text/plain" else mail.htmls).append(text)
        return
    if not payload:
        return
    cid = header(part, "Content-ID").strip("<> ") or None
    inline = disposition == "inline" or (not disposition and cid is not None)
    mail.attachments.append(Attachment(filename, ctype, payload, inline=inline, content_id=cid))


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # a broken transfer encoding: keep the raw text rather than nothing
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        return None
    # for people to read only: no folders, no control characters, bounded length
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return name[:200] or None


def _headers(msg: Message) -> Mail:
    from_name, from_addr = address(msg, "From")
    _, reply_to = address(msg, "Reply-To")
    _, return_path = address(msg, "Return-Path")
    try:
        dated = header(msg, "Date")
        date = email.utils.parsedate_to_datetime(dated) if dated else None
    except (TypeError, ValueError, IndexError):
        date = None
    auto = header(msg, "Auto-Submitted").lower()
    precedence = header(msg, "Precedence").lower()
    return Mail(
        subject=header(msg, "Subject"),
        from_name=from_name,
        from_addr=from_addr,
        reply_to=reply_to,
        return_path=return_path,
        date=date,
        message_id=header(msg, "Message-ID"),
        references=tuple(header(msg, "References").split()),
        auto_submitted=(auto not in ("", "no")) or precedence in ("bulk", "junk", "list"),
    )


def _note_defects(part: Message, mail: Mail) -> None:
    defects = getattr(part, "defects", None) or []
    noted = sum(1 for p in mail.problems if p.code is ProblemCode.SYNTAX_ERROR)
    for defect in defects[: max(0, 3 - noted)]:
        what = defect.__class__.__name__
        mail.problems.append(
            Problem(ProblemCode.SYNTAX_ERROR, f"broken MIME: {what}", severity=Severity.INFO)
        )
    long = [(name, len(value)) for name, value in part.raw_items() if len(value) > header_limit(name)]
    if long and not any(p.message.startswith(_LONG_HEADER) for p in mail.problems):
        name, size = long[0]
        mail.problems.append(
            Problem(
                ProblemCode.SYNTAX_ERROR,
                f"{_LONG_HEADER} {name[:60]} of {size} characters; only its first {header_limit(name)}"
                " were read",
                severity=Severity.INFO,
            )
        )


_LONG_HEADER = "a header longer than any real one:"


def _capped(message: str) -> Problem:
    return Problem(ProblemCode.UNREADABLE, message, field="attachments", severity=Severity.REVIEW)

"""Building outgoing e-mails: one RFC 5322 message, threaded under the message it answers.

Every answer and notification on the e-mail channel is a complete message (headers included) in an
outbox row; its Message-ID is fixed when it is rendered, so the sender can tell a repeat.
"""

from __future__ import annotations

import email.utils
import hashlib
import random
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from email import policy
from email.generator import BytesGenerator
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import Policy
from io import BytesIO

from core.capture.domain.mail_headers import Original, original_of

_RECURRING = frozenset(
    {
        "from",
        "to",
        "cc",
        "reply-to",
        "sender",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "content-language",
        "auto-submitted",
        "precedence",
    }
)


class _HeaderClasses(HeaderRegistry):
    """The standard registry, each header's class made once.

    The standard one makes a new class every time a header is set, counted or folded (`type(...)` in
    its `__getitem__`): a reply's dozen headers made about forty, an eighth of composing it. The class
    depends only on the header's name, and nothing changes it after it is made."""

    def __init__(self, remember: int = 512) -> None:
        super().__init__()
        self._made: dict[str, type[BaseHeader]] = {}
        self._remember = remember
        self._parsed: dict[tuple[str, str], BaseHeader] = {}

    def __call__(self, name: str, value: str) -> BaseHeader:
        """A header whose text recurs (`_RECURRING`) parsed once per name and text, the last
        `remember` or so: our From, the parts' Content-Type and Content-Transfer-Encoding, a
        customer's To, an original's From are the same text in message after message, and parsing
        them was a third of composing a reply. A header object is immutable (a `str` with read-only
        parts) and the standard policy itself stores one given as a value unchanged, so one object
        serves every message. Headers unique to a message (Subject, Date, Message-ID, References)
        are not kept: kept, each parse tree would live long enough to cost the garbage collector
        more than parsing it again."""
        if not isinstance(value, str) or name.lower() not in _RECURRING:
            return super().__call__(name, value)
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            if len(self._parsed) >= self._remember:
                self._parsed.clear()  # start again (thousands of correspondents)
            header = self._parsed[key] = super().__call__(name, value)
        return header

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            standard = super().__getitem__(name)
            made = self._made[key] = type(standard.__name__, (_FoldedOnce, standard), {})
        return made


class _FoldedOnce:
    """A header that keeps its folded text for the last policy it was folded by.

    The recurring headers kept by `_HeaderClasses.__call__` (our From, a customer's To, the parts'
    Content-Type and Content-Transfer-Encoding) were folded anew in every message they went out in:
    the standard generator folds each header of each message, about a third of composing one. The
    folded text depends only on the header (its name and parse tree, read-only) and the policy: its
    class and settings (a policy is immutable; the generator hands each part a clone of its own, the
    same settings in another object)."""

    def fold(self, *, policy: Policy) -> str:
        kept = self.__dict__.get("_folded_by")
        if kept is not None and _same(kept[0], policy):
            return str(kept[1])
        folded: str = super().fold(policy=policy)  # type: ignore[misc]
        self.__dict__["_folded_by"] = (policy, folded)
        return folded


def _same(kept: Policy, policy: Policy) -> bool:
    return kept is policy or (type(kept) is type(policy) and kept.__dict__ == policy.__dict__)


class _Generator(BytesGenerator):
    """The standard generator, the MIME boundary checked against the text without a new expression.

    To be sure a random boundary is on no line of the parts' text, the standard one compiles
    `^--<boundary>(--)?$` for every boundary it draws (a new pattern every time, so `re`'s cache never
    helps): a twentieth of rendering a reply. Where `--<boundary>` is nowhere in the text that
    pattern cannot match, so the boundary drawn stands; otherwise the same draw is made again the
    standard way. Either way the boundary, and so the message, is the standard one's."""

    @classmethod
    def _make_boundary(cls, text: bytes | None = None) -> str:
        drawn = random.getstate()
        boundary = _standard_boundary(None)
        if text is None or b"--" + boundary.encode("ascii") not in text:
            return boundary
        random.setstate(drawn)
        return _standard_boundary(text)


_standard_boundary: Callable[[bytes | None], str] = BytesGenerator._make_boundary  # type: ignore[attr-defined]


SMTP = policy.SMTP.clone(header_factory=_HeaderClasses())  # policy.SMTP, its header classes made once
DEFAULT = policy.default.clone(header_factory=_HeaderClasses())  # and policy.default

_RE_PREFIX = re.compile(r"^\s*(?:re|aw|sv|rv|r|antw|ref)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)


def read_original(raw: bytes) -> Original:
    """The headers of a stored e-mail (the body is not parsed), by the rule the e-mail reader hands
    them on by (`core.capture.domain.mail_headers.original_of`)."""
    return original_of(BytesHeaderParser(policy=DEFAULT).parsebytes(raw))


def reply_subject(subject: str) -> str:
    """'Re: ' in front, once."""
    subject = subject.strip() or "(sin asunto)"
    return subject if _RE_PREFIX.match(subject) else f"Re: {subject}"


def stable_message_id(domain: str, *parts: object) -> str:
    """A Message-ID that depends only on `parts`: rendering the same answer again gives the same id."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]
    return f"<comanda.{digest}@{domain}>"


def domain_of(address: str) -> str:
    _, addr = email.utils.parseaddr(address)
    return addr.rpartition("@")[2] or "localhost"


def compose(
    *,
    sender: str,
    to: str,
    subject: str,
    text: str,
    message_id: str,
    now: datetime,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    attachments: Sequence[tuple[str, str, bytes]] = (),  # (file name, media type, bytes)
    language: str | None = None,
) -> bytes:
    """The message as bytes with CRLF line ends, ready for SMTP."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(now)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = " ".join([*references, in_reply_to][-20:])
    msg["Auto-Submitted"] = "auto-replied" if in_reply_to else "auto-generated"  # RFC 3834: no loops
    msg.set_content(text, charset="utf-8")
    for filename, media_type, content in attachments:
        maintype, _, subtype = media_type.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    if language:  # last: setting content moves or drops Content-* headers
        msg["Content-Language"] = language
    out = BytesIO()
    _Generator(out, mangle_from_=False, policy=msg.policy).flatten(msg)  # as `msg.as_bytes()` does
    return out.getvalue()


def message_id_of(raw: bytes) -> str | None:
    """The Message-ID of a composed message (read back by the sender to recognise a repeat)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    match = re.search(rb"^message-id:[ \t]*(<[^>\r\n]+>)", head, re.IGNORECASE | re.MULTILINE)
    return match.group(1).decode("ascii", "replace") if match else None

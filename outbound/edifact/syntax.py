"""A small EDIFACT writer: the envelope, release-character escaping, character-set choice and encoding."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from core.capture.domain.interchange import SYNTAX_CODECS

Element = str | tuple[str, ...]  # a simple data element, or the components of a composite one

COMPONENT, ELEMENT, DECIMAL, RELEASE, TERMINATOR = ":", "+", ".", "?", "'"
# The interchange is one line: ISO 9735 defines no line separator, CR and LF are outside the
# UNOA/UNOB repertoires, and a strict receiver reads them as the start of the next segment tag.
# Tools that show interchanges split on the segment terminator anyway.

# What we write each syntax identifier in: every repertoire we read except the ISO 2022 and
# plain-ISO-10646 ones (UNOX, UNOY), which no partner has asked us for.  UNOA/UNOB are checked
# against their repertoires below.
CODECS: dict[str, str] = {k: v for k, v in SYNTAX_CODECS.items() if k not in ("UNOX", "UNOY")}
# ISO 9735 level A: upper-case letters, digits, space, . , - ( ) / = ! " % & * ; < > and the four
# service characters.  Level B adds the lower-case letters.
_LEVEL_A = frozenset(string.ascii_uppercase + string.digits + " .,-()/=!\"%&*;<>'+:?")
_LEVEL_B = _LEVEL_A | frozenset(string.ascii_lowercase)
# Where to go when the partner's repertoire cannot hold the text: the next larger repertoire that
# still reads the same bytes the same way, and UTF-8 (UNOW) as the last step.  Text is never
# upper-cased or transliterated for UNOA: that would alter the buyer's order numbers and item codes.
_UPGRADES: dict[str, tuple[str, ...]] = {
    "UNOA": ("UNOA", "UNOB", "UNOC", "UNOW"),
    "UNOB": ("UNOB", "UNOC", "UNOW"),
}


_TAG = re.compile(r"[A-Z0-9]{3}")


class Segment(NamedTuple):
    """One segment: a tag and its data elements, unescaped (a tuple: answers hold tens of thousands)."""

    tag: str
    elements: tuple[Element, ...] = ()


@functools.cache
def _check_tag(tag: str) -> str:
    if _TAG.fullmatch(tag) is None or tag.isdigit():
        raise ValueError(f"segment tag must be three upper-case letters or digits, got {tag!r}")
    return tag


def segment(tag: str, *elements: Element | None) -> Segment:
    """Build a segment; None stands for an empty data element."""
    if None in elements:
        return Segment(_check_tag(tag), tuple(["" if e is None else e for e in elements]))
    return Segment(_check_tag(tag), elements)  # type: ignore[arg-type]  # None is not among them


@dataclass(frozen=True)
class Message:
    """A message body between UNH and UNT; the writer adds both and counts the segments."""

    reference: str  # 0062
    identifier: tuple[str, ...]  # S009, e.g. ("ORDRSP", "D", "96A", "UN", "EAN005")
    body: tuple[Segment, ...]

    def __post_init__(self) -> None:
        _check_reference("message reference", self.reference)

    @property
    def segment_count(self) -> int:
        """The UNT count: every segment of the message, UNH and UNT included."""
        return len(self.body) + 2


@dataclass(frozen=True)
class Envelope:
    """The UNB of an interchange we send: who to, who from, which syntax, which control reference."""

    sender_id: str
    sender_qualifier: str
    recipient_id: str
    recipient_qualifier: str
    control_ref: str  # 0020, an..14; UNZ repeats it
    syntax_id: str  # 0001 the partner expects, e.g. "UNOC"; raised when the text needs more
    syntax_version: str  # 0002, "1" to "4"
    prepared_at: datetime  # written as it stands, in its own time zone
    application_ref: str = ""  # 0026
    test: bool = False  # 0035

    def __post_init__(self) -> None:
        if self.prepared_at.tzinfo is None or self.prepared_at.utcoffset() is None:
            raise ValueError("prepared_at must be timezone-aware")
        if self.syntax_id not in CODECS:
            raise ValueError(f"unsupported syntax identifier {self.syntax_id!r}")
        if self.syntax_version not in ("1", "2", "3", "4"):
            raise ValueError(f"unsupported syntax version {self.syntax_version!r}")
        if not self.sender_id or not self.recipient_id:
            raise ValueError("sender_id and recipient_id are required")
        _check_reference("control reference", self.control_ref)


def _check_reference(what: str, value: str) -> None:
    if not value or len(value) > 14:
        raise ValueError(f"{what} must have 1 to 14 characters, got {value!r}")


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


def clean_text(value: str) -> str:
    """Replace control characters (line breaks, tabs, ...) with spaces; EDIFACT text has none."""
    return _CONTROL_CHARS.sub(" ", value)


def decimal_text(value: Decimal) -> str:
    """Write a decimal with '.' as the mark, no exponent, no trailing zeros and no trailing mark."""
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as an EDIFACT number")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def date_text(value: date) -> str:
    """CCYYMMDD, date/time format 102."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def fits(syntax_id: str, text: str) -> bool:
    """Whether every character of the text belongs to the repertoire of the syntax identifier."""
    if syntax_id == "UNOA":
        return _LEVEL_A.issuperset(text)
    if syntax_id == "UNOB":
        return _LEVEL_B.issuperset(text)
    try:
        text.encode(CODECS[syntax_id])
    except UnicodeEncodeError:
        return False
    return True


def choose_syntax_id(preferred: str, text: str) -> str:
    """The partner's syntax identifier if it holds the text, otherwise the smallest upgrade that does."""
    for candidate in _UPGRADES.get(preferred, (preferred, "UNOW")):
        if fits(candidate, text):
            return candidate
    raise ValueError("text cannot be encoded in UTF-8 (lone surrogate?)")


def write_interchange(envelope: Envelope, messages: Sequence[Message]) -> bytes:
    """Serialise UNA, UNB, each message framed by UNH/UNT, and UNZ, encoded in the chosen charset."""
    references = [m.reference for m in messages]
    if len(set(references)) != len(references):
        raise ValueError(f"message references repeat within the interchange: {references}")
    version4 = envelope.syntax_version == "4"
    # Syntax 4 gives UNA position 5 to the repetition separator, which then needs releasing too.
    repetition = "*" if version4 else " "
    specials = COMPONENT + ELEMENT + RELEASE + TERMINATOR + ("*" if version4 else "")
    framed = [_framed(m) for m in messages]
    unz = segment("UNZ", str(len(messages)), envelope.control_ref)
    body = "".join(_serialise(s, specials) for segments in (*framed, [unz]) for s in segments)
    # The repertoire is chosen on the written body: what serialising adds (tags, separators, the
    # release character, blanks for control characters) is in every repertoire, so it holds the
    # written text exactly when it holds the values.
    syntax_id = choose_syntax_id(envelope.syntax_id, _head_text(envelope) + body)
    una = "UNA" + COMPONENT + ELEMENT + DECIMAL + RELEASE + repetition + TERMINATOR
    return (una + _serialise(_unb(envelope, syntax_id), specials) + body).encode(CODECS[syntax_id])


def _framed(message: Message) -> list[Segment]:
    unh = segment("UNH", message.reference, message.identifier)
    unt = segment("UNT", str(message.segment_count), message.reference)
    return [unh, *message.body, unt]


def _unb(envelope: Envelope, syntax_id: str) -> Segment:
    at = envelope.prepared_at
    year = f"{at.year:04d}" if envelope.syntax_version == "4" else f"{at.year % 100:02d}"
    return segment(
        "UNB",
        (syntax_id, envelope.syntax_version),
        (envelope.sender_id, envelope.sender_qualifier),
        (envelope.recipient_id, envelope.recipient_qualifier),
        (f"{year}{at.month:02d}{at.day:02d}", f"{at.hour:02d}{at.minute:02d}"),
        envelope.control_ref,
        None,  # S005 recipient's reference/password
        envelope.application_ref,
        None,  # 0029 processing priority
        None,  # 0031 acknowledgement request: never asked for on what we send
        None,  # 0032 interchange agreement identifier
        "1" if envelope.test else None,  # 0035 test indicator
    )


def _head_text(envelope: Envelope) -> str:
    """The UNB's own values (its syntax identifier aside), as the repertoire must hold them."""
    head = (
        envelope.sender_id,
        envelope.sender_qualifier,
        envelope.recipient_id,
        envelope.recipient_qualifier,
        envelope.control_ref,
        envelope.application_ref,
    )
    return clean_text("".join(head))


@functools.cache
def _specials_pattern(specials: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(specials) + "]")


def escape(value: str, specials: str = COMPONENT + ELEMENT + RELEASE + TERMINATOR) -> str:
    """Put the release character before every service character in the value."""
    return _specials_pattern(specials).sub(lambda m: RELEASE + m.group(), value)


@functools.cache
def _writer_pattern(specials: str) -> re.Pattern[str]:
    """Service characters to release, or control characters to blank, in one pass."""
    return re.compile("([" + re.escape(specials) + "])|" + _CONTROL_CHARS.pattern)


def _release_or_blank(match: re.Match[str]) -> str:
    return RELEASE + match.group(1) if match.group(1) else " "


def _serialise(seg: Segment, specials: str) -> str:
    elements = seg.elements
    # Most segments hold no service or control character at all: one search over all their values
    # says so, and they are joined as they stand; trailing empty components and elements then end
    # in separators only, which `rstrip` drops (no value holds a separator here).
    values = "".join([e if e.__class__ is str else "".join(e) for e in elements])
    if _writer_pattern(specials).search(values) is None:
        texts = [e if e.__class__ is str else COMPONENT.join(e).rstrip(COMPONENT) for e in elements]
        body = ELEMENT.join(texts).rstrip(ELEMENT)
        return seg.tag + ELEMENT + body + TERMINATOR if body else seg.tag + TERMINATOR
    return _released(seg, specials)


def _released(seg: Segment, specials: str) -> str:
    """The segment with its service characters released and its control characters blanked."""
    pattern = _writer_pattern(specials)
    elements: list[str] = []
    for element in seg.elements:
        components = [element] if isinstance(element, str) else list(element)
        texts = [pattern.sub(_release_or_blank, c) for c in components]
        while texts and not texts[-1]:
            texts.pop()
        elements.append(COMPONENT.join(texts))
    while elements and not elements[-1]:
        elements.pop()
    return seg.tag + "".join(ELEMENT + e for e in elements) + TERMINATOR

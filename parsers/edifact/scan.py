"""Finds the interchanges in a file's raw bytes before anything is decoded: skips a BOM and leading
junk, reads each interchange's UNA service characters and UNB syntax identifier, drops CR and LF.

Every repertoire EDIFACT allows is ASCII-compatible, so service segments can be found in the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"
SCORE_WINDOW = 4096  # how far into a file `score` looks for UNA/UNB
# UNA and its six service characters followed by UNB, or a bare UNB, its data element separator
# and a four-letter syntax identifier (UNOA, UNOC, IATA...).
_START = re.compile(rb"UNA[\x00-\xff]{6}[ \t\r\n]*UNB|UNB[^A-Za-z0-9 \t\r\n][A-Za-z]{4}")
_LAYOUT = b" \t\r\n"


@dataclass(frozen=True)
class ServiceChars:
    """The separators of one interchange, from its UNA or the ISO 9735 defaults."""

    component: str = ":"
    data: str = "+"
    decimal: str = "."
    release: str | None = "?"  # None: no release character (a space in UNA position 4)
    repetition: str = " "
    terminator: str = "'"


DEFAULT = ServiceChars()
# Level B without UNA: the information separators IS1, IS3 and IS4 of ISO 646, no release character.
LEVEL_B = ServiceChars("\x1f", "\x1d", ".", None, " ", "\x1c")


@dataclass(frozen=True)
class Chunk:
    """One interchange's bytes, from its UNB to the next interchange, without UNA, CR and LF."""

    body: bytes
    chars: ServiceChars
    syntax_id: str
    una_error: str | None = None  # why the UNA could not be used (defaults were used instead)


def find_start(data: bytes, limit: int | None = None) -> int | None:
    """Offset of the first UNA/UNB service segment, looking at most `limit` bytes in."""
    window = data if limit is None else data[:limit]
    match = _START.search(window)
    return None if match is None else match.start()


def strip_bom(data: bytes) -> bytes:
    return data[len(BOM) :] if data.startswith(BOM) else data


def chunks(data: bytes, start: int) -> Iterator[Chunk]:
    """The interchanges from `start` on, one at a time (only one chunk's copy is alive at once)."""
    pos: int | None = start
    while pos is not None:
        chars, una_len, una_error = service_chars(data, pos)
        following = _next_start(data, pos + una_len + 3, chars)
        body = _drop_line_breaks(data[pos + una_len : following], chars)
        yield Chunk(body, chars, _syntax_id(body, chars), una_error)
        pos = following


def service_chars(data: bytes, pos: int) -> tuple[ServiceChars, int, str | None]:
    """The service characters at `pos` (UNA or defaults), the UNA's length and any UNA problem."""
    if data.startswith(b"UNA", pos):
        advice = data[pos + 3 : pos + 9].decode("latin-1")
        if len(advice) < 6:
            return DEFAULT, len(advice) + 3, "UNA is cut short; read with the default service characters"
        component, element, decimal, release, repetition, terminator = tuple(advice)
        chars = ServiceChars(
            component, element, decimal, None if release == " " else release, repetition, terminator
        )
        used = [component, element, terminator] + ([release] if release != " " else [])
        if len(set(used)) != len(used) or any(c.isalnum() for c in used):
            return DEFAULT, 9, f"UNA service characters {advice!r} cannot be used; read with the defaults"
        return chars, 9, None
    separator = data[pos + 3 : pos + 4].decode("latin-1")
    if separator == LEVEL_B.data:
        return LEVEL_B, 0, None
    if separator and separator != DEFAULT.data:
        return ServiceChars(data=separator), 0, None
    return DEFAULT, 0, None


def _next_start(data: bytes, pos: int, chars: ServiceChars) -> int | None:
    """Where the next interchange begins: a UNA/UNB right after an unreleased segment terminator."""
    terminator = chars.terminator.encode("latin-1")[0]
    release = chars.release.encode("latin-1")[0] if chars.release else None
    for match in _START.finditer(data, pos):
        j = match.start() - 1
        while j >= pos and data[j] in _LAYOUT and data[j] != terminator:
            j -= 1
        if j >= pos and data[j] == terminator and not _released(data, j, release):
            return match.start()
    return None


def _released(data: bytes, index: int, release: int | None) -> bool:
    if release is None:
        return False
    count = 0
    while index - count - 1 >= 0 and data[index - count - 1] == release:
        count += 1
    return count % 2 == 1


def _drop_line_breaks(raw: bytes, chars: ServiceChars) -> bytes:
    """CR and LF are layout, not data, wherever they occur (unless the UNA made one a separator)."""
    service = {chars.component, chars.data, chars.terminator, chars.release}
    for byte, char in ((b"\r", "\r"), (b"\n", "\n")):
        if char not in service and byte in raw:
            raw = raw.replace(byte, b"")
    return raw


def _syntax_id(body: bytes, chars: ServiceChars) -> str:
    """UNB S001 0001, read from the ASCII head of the interchange."""
    head = body[:256].decode("latin-1")
    at = head.find("UNB")
    if at < 0:
        return ""
    rest = head[at + 4 :]
    ends = [i for i in (rest.find(c) for c in (chars.component, chars.data, chars.terminator)) if i >= 0]
    return rest[: min(ends)].strip() if ends else rest.strip()

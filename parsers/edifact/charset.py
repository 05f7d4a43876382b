"""Decodes an interchange's bytes in the repertoire its UNB syntax identifier (S001 0001) declares.

Decoding never fails: bytes outside the declared repertoire are read leniently (UTF-8 when they form
valid multi-byte sequences, else Latin-1 or U+FFFD), and the result says what was done so the reader
can report it.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.capture.domain.interchange import SYNTAX_CODECS

CODECS = SYNTAX_CODECS  # what each syntax identifier is read as
_STATEFUL = frozenset({"iso2022_jp_2"})  # 7-bit: pure ASCII bytes may still hold escape sequences


@dataclass(frozen=True)
class Decoded:
    """Text of one interchange and how it was obtained."""

    text: str
    codec: str  # the codec actually used
    foreign: bool = False  # characters outside the declared repertoire were read (ISO 9735 fault 21)
    lossy: bool = False  # some bytes could not be read and became U+FFFD
    note: str | None = None  # a leniency worth telling (read as UTF-8 although UNOC was declared...)


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode(data: bytes, syntax_id: str) -> Decoded:
    """Decode `data` as `syntax_id` declares; fall back leniently, never raise."""
    declared = syntax_id.upper()
    codec = CODECS.get(declared)
    if codec not in _STATEFUL and data.isascii():
        return Decoded(data.decode("ascii"), "ascii")
    if codec is None:
        return _unknown(data, syntax_id)
    if codec == "utf-8":
        text = _utf8(data)
        if text is not None:
            return Decoded(text, codec)
        return Decoded(data.decode(codec, errors="replace"), codec, foreign=True, lossy=True)
    if codec in _STATEFUL:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            text = _utf8(data)
            if text is not None:
                return Decoded(
                    text, "utf-8", note=f"{declared} declared but the bytes are UTF-8; read as UTF-8"
                )
            return Decoded(data.decode(codec, errors="replace"), codec, foreign=True, lossy=True)
    return _single_byte(data, declared, codec)


def _single_byte(data: bytes, declared: str, codec: str) -> Decoded:
    # Files declared UNOC (or UNOA...) are often written in UTF-8 by modern systems; multi-byte
    # sequences that are valid UTF-8 are almost never meant as two or three Latin-1 characters.
    text = _utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", note=f"{declared} declared but the bytes are UTF-8; read as UTF-8")
    if codec == "ascii":
        return Decoded(
            data.decode("latin-1"),
            "latin-1",
            foreign=True,
            note=f"{declared} declared but bytes above 127 occur; read as ISO 8859-1",
        )
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        # ISO 8859-3, -6 and -8 leave some byte values unassigned.
        return Decoded(data.decode(codec, errors="replace"), codec, foreign=True, lossy=True)


def _unknown(data: bytes, syntax_id: str) -> Decoded:
    text = _utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", note=f"unknown syntax identifier {syntax_id!r}; read as UTF-8")
    return Decoded(
        data.decode("latin-1"), "latin-1", note=f"unknown syntax identifier {syntax_id!r}; read as ISO 8859-1"
    )

"""Decodes an interchange's bytes in the repertoire its UNB syntax identifier (S001 0001) declares.

Decoding never fails: bytes outside the declared repertoire are read leniently (UTF-8 when they form
valid multi-byte sequences, else Latin-1 or U+FFFD), and the result says what was done so the reader
can report it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Python codec per syntax identifier.  UNOA/UNOB are ISO 646 subsets; UNOC..UNOK whole ISO 8859
# parts; UNOW is ISO 10646 in UTF-8.  UNOX is "code extension techniques as defined by ISO 2022"
# (in practice ISO-2022-JP and its relatives; iso2022_jp_2 reads the widest set of them), UNOY
# "ISO 10646-1 octet without code extension", which senders write as UTF-8.
CODECS: dict[str, str] = {
    "UNOA": "ascii",
    "UNOB": "ascii",
    "UNOC": "iso8859-1",
    "UNOD": "iso8859-2",
    "UNOE": "iso8859-5",
    "UNOF": "iso8859-7",
    "UNOG": "iso8859-3",
    "UNOH": "iso8859-4",
    "UNOI": "iso8859-6",
    "UNOJ": "iso8859-8",
    "UNOK": "iso8859-9",
    "UNOW": "utf-8",
    "UNOX": "iso2022_jp_2",
    "UNOY": "utf-8",
}
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

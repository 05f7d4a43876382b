"""Content-Disposition for files we hand back: RFC 6266 with an ASCII `filename` and the real name,
UTF-8 percent-encoded, in `filename*`; control characters (CR/LF among them) never reach a header."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

# RFC 5987 attr-char beyond letters and digits: what may stand unencoded in `filename*`
_ATTR_CHARS = "!#$&+-.^_`|~"
_ASCII_KEEP = frozenset(" !#$%&'()+,-.;=@[]^_`{}~")


def _printable(name: str) -> str:
    """The last path part of `name` without control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()


def _ascii(name: str) -> str:
    """An ASCII look-alike: accents dropped (ñ -> n), anything else unsafe in a quoted string -> '_'."""
    out = []
    for ch in name:
        base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        out.append(base if base and all(c.isalnum() or c in _ASCII_KEEP for c in base) else "_")
    return "".join(out)


def content_disposition(name: str, fallback: str, disposition: str = "attachment") -> str:
    """The header value for a file called `name` (`fallback` when nothing printable is left)."""
    clean = _printable(name) or fallback
    plain = _ascii(clean).strip() or fallback
    value = f'{disposition}; filename="{plain}"'
    if plain != clean:
        value += f"; filename*=UTF-8''{quote(clean, safe=_ATTR_CHARS)}"
    return value

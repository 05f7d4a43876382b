"""Splits an interchange's decoded text into segments whose data elements are unescaped.

Segment boundaries are found here (release-character aware, keeping each segment's raw text for
provenance, and coping with a file that ends inside a segment).  A segment without a release
character is split on the separators directly; one with release characters goes through pydifact's
tokenizer, which unescapes them.  pydifact's per-character tokenizer costs about 20 µs a segment,
the split about 1 µs, and most segments of real files hold no release character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydifact.control.characters import Characters
from pydifact.exceptions import EDISyntaxError, ValidationError
from pydifact.parser import Parser as PydifactParser
from pydifact.tokenizer import Tokenizer

from parsers.edifact.scan import ServiceChars

_TAG = re.compile(r"[A-Z][A-Z0-9]{2}\Z")
_TAGS_SEEN: set[str] = set()  # tags that matched `_TAG` (at most 26 x 36 x 36): checked once each
# pydifact always wants a release character; this noncharacter never occurs in EDIFACT text.
_NO_RELEASE = "\uffff"
_PADDING = " \t\x00\x1a"  # spaces, NUL and Ctrl-Z padding after the last segment


class Segment:
    """One segment: its tag, its data elements (each a tuple of components) and its raw text."""

    __slots__ = ("elements", "error", "raw", "tag", "terminated")

    def __init__(
        self,
        tag: str,
        elements: tuple[tuple[str, ...], ...],
        raw: str,
        error: str | None = None,
        terminated: bool = True,
    ) -> None:
        self.tag = tag
        self.elements = elements
        self.raw = raw  # as it stood in the document, without terminator, CR and LF
        self.error = error  # why the segment could not be read properly
        self.terminated = terminated  # False: the file ended inside this segment

    def get(self, element: int, component: int = 0) -> str:
        """Component `component` of data element `element` (both 0-based, tag excluded), or ''."""
        if element < len(self.elements):
            parts = self.elements[element]
            if component < len(parts):
                return parts[component]
        return ""

    def element(self, index: int) -> tuple[str, ...]:
        """Every component of data element `index` (0-based, tag excluded); () when absent."""
        return self.elements[index] if index < len(self.elements) else ()

    def __repr__(self) -> str:
        return f"Segment({self.raw!r})"


class Lexer:
    """Reads the segments of text written with one set of service characters."""

    def __init__(self, chars: ServiceChars) -> None:
        self._chars = chars
        advice = (
            f"{chars.component}{chars.data}{chars.decimal}"
            f"{chars.release or _NO_RELEASE}{chars.repetition}{chars.terminator}"
        )
        self._pydifact_chars = Characters.from_str(advice)
        self._convert = PydifactParser().convert_tokens_to_raw_segments

    def segments(self, text: str) -> Iterator[Segment]:
        """The segments of `text` in order; a final unterminated one comes with terminated=False."""
        terminator = self._chars.terminator
        release = self._chars.release if self._chars.release and self._chars.release in text else None
        start, size = 0, len(text)
        while start < size:
            end = text.find(terminator, start)
            if release is not None:
                while end != -1 and _released(text, end, release):
                    end = text.find(terminator, end + 1)
            if end == -1:
                tail = text[start:].strip(_PADDING)
                if tail:
                    yield Segment(
                        tail[:3], (), tail, f"the file ends inside segment {tail[:40]!r}", terminated=False
                    )
                return
            raw = text[start:end].lstrip(_PADDING)
            start = end + 1
            if raw:
                yield self._segment(raw)

    def _segment(self, raw: str) -> Segment:
        release = self._chars.release
        if not release or release not in raw:
            return self._split(raw)
        return self._tokenize(raw)

    def _tokenize(self, raw: str) -> Segment:
        """The segment read by pydifact's tokenizer, which undoes release characters."""
        tokens = Tokenizer().get_tokens(raw + self._chars.terminator, self._pydifact_chars)
        try:
            items = next(self._convert(tokens))
        except (EDISyntaxError, ValidationError, StopIteration) as exc:
            return Segment(raw[:3], (), raw, f"segment {raw[:40]!r} cannot be read: {exc}")
        head, rest = items[0], items[1:]
        elements = tuple((e,) if isinstance(e, str) else tuple(e) for e in rest)
        if not isinstance(head, str) or not _TAG.match(head):
            tag = head if isinstance(head, str) else self._chars.component.join(head)
            return Segment(tag, elements, raw, f"{tag!r} is not a segment tag")
        return Segment(head, elements, raw)

    def _split(self, raw: str) -> Segment:
        """The segment of a raw text holding no release character: separators are plain splits."""
        component = self._chars.component
        parts = raw.split(self._chars.data)
        head = parts[0]
        elements = tuple([tuple(e.split(component)) for e in parts[1:]])
        if head not in _TAGS_SEEN:
            if not _TAG.match(head):
                return Segment(head, elements, raw, f"{head!r} is not a segment tag")
            _TAGS_SEEN.add(head)
        return Segment(head, elements, raw)


def _released(text: str, index: int, release: str) -> bool:
    """Whether the character at `index` is escaped: an odd number of release characters before it."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == release:
        count += 1
    return count % 2 == 1

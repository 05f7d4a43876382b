"""The parser interface and the registry that picks the best parser for a document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.kernel.errors import ParseError


class Parser(Protocol):
    """A pure reader: bytes and a frozen context in, a result out; no settings, no database."""

    name: str

    def score(self, doc: InboundDocument) -> int | None:
        """How well this parser fits the document (higher is better), or None if it cannot read it."""
        ...

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        """Read the document; raise ParseError when it cannot be read at all."""
        ...


class ParserRegistry:
    """Holds the parsers and hands a document to the one that scores it highest."""

    def __init__(self, parsers: Iterable[Parser] = ()) -> None:
        self._parsers: list[Parser] = list(parsers)

    def register(self, parser: Parser) -> None:
        self._parsers.append(parser)

    def best(self, doc: InboundDocument) -> Parser | None:
        scored = [(s, i, p) for i, p in enumerate(self._parsers) if (s := p.score(doc)) is not None]
        if not scored:
            return None
        return max(scored, key=lambda t: (t[0], -t[1]))[2]

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        """Parse with the best parser; an unknown format or a ParseError becomes a result with error."""
        parser = self.best(doc)
        if parser is None:
            return ParseResult(format="unknown", error="no parser recognises this document")
        try:
            return parser.parse(doc, ctx)
        except ParseError as exc:
            return ParseResult(format=parser.name, error=str(exc))

"""The EDIFACT reader: `EdifactParser` recognises interchanges and reads them into captured orders,
envelope receipts (for CONTRL and duplicate detection) and the problems noticed on the way."""

from __future__ import annotations

from dataclasses import replace

from pydifact.exceptions import EDISyntaxError, ValidationError

from core.capture.domain.documents import InboundDocument, ParseContext, ParseResult
from core.capture.domain.interchange import InterchangeReceipt, MessageReceipt
from core.capture.domain.order import CapturedOrder, Problem, ProblemCode, Severity
from core.kernel.errors import EnvelopeError, ParseError
from parsers.edifact.charset import Decoded, decode
from parsers.edifact.drafts import GroupDraft, InterchangeDraft, MessageDraft
from parsers.edifact.envelope import EnvelopeWalker
from parsers.edifact.faults import (
    INVALID_CHARACTERS,
    INVALID_SERVICE_CHARACTER,
    OUTSIDE,
    Finding,
    fault,
    note,
)
from parsers.edifact.lexer import Lexer
from parsers.edifact.orders import map_order
from parsers.edifact.scan import BOM, SCORE_WINDOW, Chunk, chunks, find_start, strip_bom

ORDERS = "ORDERS"
ORDCHG = "ORDCHG"  # a change to an order sent before: read like ORDERS, function "change"
ORDER_MESSAGES = frozenset({ORDERS, ORDCHG})
ACKNOWLEDGEMENTS = frozenset({"CONTRL"})  # recorded without complaint; nothing to take from them


class EdifactParser:
    """Reads UN/EDIFACT interchanges (any syntax version, any directory) and their ORDERS messages."""

    name = "edifact"

    def score(self, doc: InboundDocument) -> int | None:
        """100 when a UNA or UNB service segment stands near the start (after a BOM or junk)."""
        head = strip_bom(doc.content[: SCORE_WINDOW + len(BOM)])
        return 100 if find_start(head, SCORE_WINDOW) is not None else None

    def parse(self, doc: InboundDocument, ctx: ParseContext) -> ParseResult:
        """Read every interchange; raise only when no interchange can be found at all."""
        try:
            return read_interchanges(doc.content)
        except (EDISyntaxError, ValidationError) as exc:
            # The lexer turns pydifact's errors on single segments into faults; anything else it
            # raises means the document cannot be read.
            raise ParseError(f"the EDIFACT tokenizer (pydifact) failed: {exc}") from exc


def read_interchanges(content: bytes) -> ParseResult:
    """The orders, receipts and problems of every interchange in `content`."""
    data = strip_bom(content)
    if not data.strip():
        raise ParseError("the document is empty")
    start = find_start(data)
    if start is None:
        raise EnvelopeError("no EDIFACT interchange: neither a UNA nor a UNB segment was found")
    assembler = _Assembler()
    walker = EnvelopeWalker(assembler)
    if data[:start].strip():
        walker.outside.append(
            note(ProblemCode.SYNTAX_ERROR, f"{start} bytes before the first UNA/UNB segment were ignored")
        )
    for chunk in chunks(data, start):
        decoded = decode(chunk.body, chunk.syntax_id)
        walker.begin_chunk(chunk.chars, _chunk_findings(chunk, decoded), decoded.lossy)
        for seg in Lexer(chunk.chars).segments(decoded.text):
            walker.feed(seg)
    walker.finish()
    if not walker.interchanges:
        raise EnvelopeError("no interchange header (UNB) could be read")
    return assembler.result([f.problem for f in walker.outside])


def _chunk_findings(chunk: Chunk, decoded: Decoded) -> list[Finding]:
    """What the UNA and the decoding of one interchange's bytes gave reason to report."""
    findings = []
    if chunk.una_error:
        findings.append(
            fault(
                INVALID_SERVICE_CHARACTER,
                ProblemCode.SYNTAX_ERROR,
                chunk.una_error,
                severity=OUTSIDE,
                tag="UNA",
            )
        )
    if decoded.foreign and not decoded.lossy:
        text = f"characters outside the {chunk.syntax_id or 'declared'} repertoire occur; {decoded.note}"
        findings.append(
            fault(INVALID_CHARACTERS, ProblemCode.SYNTAX_ERROR, text, severity=OUTSIDE, tag="UNB", element=2)
        )
    elif decoded.note:
        findings.append(note(ProblemCode.SYNTAX_ERROR, decoded.note))
    return findings


class _Assembler:
    """Receives finished messages and interchanges from the walker and builds the result."""

    def __init__(self) -> None:
        self.orders: list[CapturedOrder] = []
        self.receipts: list[InterchangeReceipt] = []
        self.problems: list[Problem] = []
        self.types: list[str] = []
        self._messages: list[MessageReceipt] = []
        self._pending: list[tuple[CapturedOrder, GroupDraft | None]] = []

    def message(self, message: MessageDraft, group: GroupDraft | None, interchange: InterchangeDraft) -> None:
        header = message.header
        if header.type not in self.types:
            self.types.append(header.type)
        findings = list(message.findings)
        truncated = any(f.problem.code is ProblemCode.MISSING_UNT for f in findings)
        if header.type in ORDER_MESSAGES and truncated:
            # a message cut short may have lost lines: it is reported (and rejected in the CONTRL),
            # never taken as an order
            self.problems += [f.problem for f in findings]
            self.problems.append(
                Problem(
                    ProblemCode.MISSING_UNT,
                    f"{header.type} message {header.reference} is incomplete (no UNT); it is not taken",
                    severity=Severity.REVIEW,
                )
            )
        elif header.type in ORDER_MESSAGES:
            order, more = map_order(message.segments, interchange.chars.decimal, header.reference)
            if header.type == ORDCHG:
                order = replace(order, function="change")
            findings += more
            problems = tuple(f.problem for f in findings)
            self._pending.append(
                (replace(order, problems=problems, interchange_index=len(self.receipts)), group)
            )
        else:
            if header.type not in ACKNOWLEDGEMENTS:
                self.problems.append(
                    Problem(
                        ProblemCode.UNSUPPORTED_MESSAGE,
                        f"message {header.reference} is {header.type or 'of no type'}"
                        f" {header.version}:{header.release}; only ORDERS messages are read",
                        severity=Severity.REVIEW,
                    )
                )
            self.problems += [f.problem for f in findings]
        self._messages.append(
            MessageReceipt(
                reference=header.reference,
                type=header.type,
                version=header.version,
                release=header.release,
                agency=header.agency,
                association=header.association,
                segment_count=len(message.segments),
                group_ref=message.group_ref,
                faults=tuple(f.fault for f in findings if f.fault is not None),
            )
        )

    def interchange(self, interchange: InterchangeDraft) -> None:
        envelope = [f.problem for f in interchange.findings]
        for order, group in self._pending:
            extra = envelope + ([f.problem for f in group.findings] if group is not None else [])
            self.orders.append(order.with_problems(*extra) if extra else order)
        self.problems += envelope + [f.problem for g in interchange.groups for f in g.findings]
        unb = interchange.header
        self.receipts.append(
            InterchangeReceipt(
                sender_id=unb.sender_id,
                recipient_id=unb.recipient_id,
                control_ref=unb.control_ref,
                syntax_id=unb.syntax_id,
                syntax_version=unb.syntax_version,
                sender_qualifier=unb.sender_qualifier,
                recipient_qualifier=unb.recipient_qualifier,
                prepared_at=unb.prepared_at,
                application_ref=unb.application_ref,
                ack_requested=unb.ack_requested,
                test=unb.test,
                messages=tuple(self._messages),
                groups=tuple(g.receipt() for g in interchange.groups),
                faults=tuple(f.fault for f in interchange.findings if f.fault is not None),
            )
        )
        self._messages, self._pending = [], []

    def result(self, outside: list[Problem]) -> ParseResult:
        return ParseResult(
            format="edifact",
            orders=tuple(self.orders),
            problems=tuple(outside + self.problems),
            interchanges=tuple(self.receipts),
            extra={"message_types": list(self.types)},
        )

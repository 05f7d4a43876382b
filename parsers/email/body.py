"""An order typed in an e-mail body: its lines, order number, dates, language and who wrote it."""

from __future__ import annotations

from datetime import date

from core.capture.domain.order import (
    CapturedLine,
    CapturedOrder,
    Evidence,
    Party,
    Problem,
    ProblemCode,
    Provenance,
    Severity,
)
from parsers.email import facts, fields
from parsers.email.clean import fresh_text
from parsers.email.lines import BodyLine, looks_like_item, read_line, table_rows
from parsers.email.mime import Mail


def read_body(mail: Mail, text: str, today: date) -> tuple[CapturedOrder | None, list[Problem]]:
    """The order in `text` (the body of `mail` or a forwarded part), and the lines not understood."""
    # the lines after a closing ("Gracias,") are read to tell a signature from a list that follows it,
    # and read again below as the body's rows: each text is read once (the reading depends on it only)
    read: dict[str, BodyLine | None] = {}

    def line_of(row: str) -> BodyLine | None:
        if row not in read:
            read[row] = read_line(row)
        return read[row]

    fresh = fresh_text(text, lambda row: line_of(row) is not None)
    rows = fresh.splitlines()
    po = fields.po_number(mail.subject, fresh)
    table = table_rows(rows)
    found: list[BodyLine] = []
    problems: list[Problem] = []
    for index, row in enumerate(rows):
        line = table.get(index) or line_of(row)
        if line is not None:
            found.append(line)
        elif looks_like_item(row, ignore=(po,) if po else ()):
            problems.append(
                Problem(
                    ProblemCode.UNREADABLE,
                    f"a line that looks like an order line was not understood: {row.strip()[:120]!r}",
                    field="lines",
                    severity=Severity.REVIEW,
                )
            )
    if not found:
        return None, problems
    sent = mail.date.date() if mail.date else None
    order_date = facts.order_date(fresh, sent or today) or sent
    evidence = [ev for i, line in enumerate(found) for ev in _line_evidence(i, line)]
    if po:
        evidence.append(Evidence("po_number", 0.95, Provenance(raw=po)))
    order = CapturedOrder(
        po_number=po,
        order_date=order_date,
        requested_delivery_date=fields.delivery_date(order_date or today, mail.subject, fresh),
        buyer=Party(name=mail.from_name or None, email=mail.from_addr or None),
        lines=tuple(
            CapturedLine(
                line_no=str(i),
                item_code=line.item_code,
                gtin=line.item_code if line.item_code and _is_gtin(line.item_code) else None,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
            )
            for i, line in enumerate(found, start=1)
        ),
        language=fields.language(f"{mail.subject}\n{fresh}"),
        kind=facts.kind(mail.subject),
        identifiers=facts.printed_identifiers(text),
        unread=facts.unread_delivery(f"{mail.subject}\n{fresh}", order_date or today),
        evidence=tuple(evidence),
        problems=tuple(problems),
    )
    return order, []


def _line_evidence(index: int, line: BodyLine) -> tuple[Evidence, ...]:
    where = Provenance(raw=line.raw)
    return (
        Evidence(f"lines[{index}].item_code", line.confidence, where),
        Evidence(f"lines[{index}].quantity", line.confidence, where),
    )


def _is_gtin(code: str) -> bool:
    """An EAN-8, UPC-12, EAN-13 or GTIN-14 with a valid check digit."""
    if not code.isdigit() or len(code) not in (8, 12, 13, 14):
        return False
    digits = [int(c) for c in code]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits[:-1])))
    return (10 - total % 10) % 10 == digits[-1]

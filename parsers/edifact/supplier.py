"""Reading a supplier's answers to our purchase orders: ORDRSP (confirmed lines and dates), DESADV (a
delivery on its way) and INVOIC (their invoice, or their credit note when its BGM says 381, 81 or 83,
naming the invoice it corrects in RFF IV), each naming our order in RFF ON. Only these three
message types are read here; an interchange holding anything else is not a supplier's answer and
goes to the order reader as before."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from pydifact.exceptions import EDISyntaxError, MissingImplementationWarning, ValidationError
from pydifact.segmentcollection import Interchange
from pydifact.segments import Segment

from core.kernel.errors import ParseError
from core.purchasing.domain.answers import AnswerKind, AnswerLine, LineAction, SupplierAnswer

KINDS = {"ORDRSP": AnswerKind.ORDRSP, "DESADV": AnswerKind.DESADV, "INVOIC": AnswerKind.INVOIC}
_QUANTITY = {
    AnswerKind.ORDRSP: ("113", "21"),
    AnswerKind.DESADV: ("12",),
    AnswerKind.INVOIC: ("47",),
    AnswerKind.CREDIT: ("47", "61"),  # invoiced (taken back), or returned
}
CREDIT_CODES = frozenset({"381", "81", "83"})  # BGM 1001: credit note, for goods and services or for price
_ACTIONS = {"2": LineAction.REFUSED, "7": LineAction.REFUSED, "3": LineAction.CHANGED}
_DELIVERY = ("2", "17", "69", "132", "11")


def decoded(content: bytes) -> str:
    head = content[:200]
    return content.decode("utf-8" if b"UNOW" in head or b"UNOY" in head else "latin-1")


def _part(element: object, index: int = 0) -> str:
    if isinstance(element, list):
        return str(element[index]) if index < len(element) and element[index] is not None else ""
    return str(element or "") if index == 0 else ""


def element_at(seg: Segment, index: int, part: int = 0) -> str:
    return _part(seg.elements[index], part) if index < len(seg.elements) else ""


def _day(seg: Segment) -> date | None:
    value = element_at(seg, 0, 1)
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8])) if len(value) >= 8 else None
    except ValueError:
        return None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ".")) if text else None
    except InvalidOperation:
        return None


def read_supplier_answers(content: bytes) -> list[SupplierAnswer]:
    """Every ORDRSP, DESADV and INVOIC of the interchange; [] when it holds another message type."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MissingImplementationWarning)
            interchange = Interchange.from_str(decoded(content).lstrip("\ufeff"))
            messages = list(interchange.get_messages())
    except (EDISyntaxError, ValidationError, ValueError) as exc:
        raise ParseError(f"the supplier's interchange cannot be read: {exc}") from exc
    sender = _part(interchange.sender) if isinstance(interchange.sender, list) else str(interchange.sender)
    if not messages or any(m.type not in KINDS for m in messages):
        return []
    return [_answer(KINDS[m.type], sender, list(m.segments)) for m in messages]


def _answer(kind: AnswerKind, sender: str, segments: Sequence[Segment]) -> SupplierAnswer:
    bgm = next((seg for seg in segments if seg.tag == "BGM"), None)
    if kind is AnswerKind.INVOIC and bgm is not None and element_at(bgm, 0) in CREDIT_CODES:
        kind = AnswerKind.CREDIT
    head: dict[str, object] = {}
    lines: list[dict[str, object]] = []
    summary = False
    for seg in segments:
        if seg.tag == "UNS":
            summary = True
        elif seg.tag == "LIN":
            code = element_at(seg, 1)
            lines.append(
                {
                    "line_no": element_at(seg, 0),
                    "action": _ACTIONS.get(code, LineAction.ACCEPTED),
                    "gtin": element_at(seg, 2),
                }
            )
        elif lines and not summary:
            _line_segment(kind, seg, lines[-1])
        else:
            _head_segment(seg, head, summary)
    if kind is AnswerKind.CREDIT:  # some write what a credit note takes back as negative amounts
        lines = [{**raw, **{k: abs(v) for k, v in raw.items() if isinstance(v, Decimal)}} for raw in lines]
        head = {k: abs(v) if isinstance(v, Decimal) else v for k, v in head.items()}
    return SupplierAnswer(
        kind=kind,
        sender_id=sender,
        reference=str(head.get("reference") or ""),
        po_number=str(head.get("po") or ""),
        issued=_opt_day(head.get("issued")),
        delivery_date=_opt_day(head.get("delivery")),
        refused=head.get("function") == "27",
        lines=tuple(_line(kind, raw) for raw in lines),
        currency=str(head["currency"]) if head.get("currency") else None,
        net=_opt_dec(head.get("net")),
        tax=_opt_dec(head.get("tax")),
        due_date=_opt_day(head.get("due")),
        corrects=str(head["corrects"])[:64] if head.get("corrects") else None,
    )


def _head_segment(seg: Segment, head: dict[str, object], summary: bool) -> None:
    if seg.tag == "BGM":
        head["reference"], head["function"] = element_at(seg, 1), element_at(seg, 2)
    elif seg.tag == "RFF" and element_at(seg, 0) == "ON":
        head["po"] = element_at(seg, 0, 1)
    elif seg.tag == "RFF" and element_at(seg, 0) == "IV":  # a credit note: the invoice it corrects
        head["corrects"] = element_at(seg, 0, 1)
    elif seg.tag == "DTM":
        qualifier = element_at(seg, 0)
        key = {"137": "issued", "13": "due"}.get(qualifier, "delivery" if qualifier in _DELIVERY else "")
        if key:
            head[key] = _day(seg)
    elif seg.tag == "CUX":
        head["currency"] = element_at(seg, 0, 1)
    elif seg.tag == "MOA" and summary:
        qualifier, amount = element_at(seg, 0), _decimal(element_at(seg, 0, 1))
        if qualifier == "79" or (qualifier == "125" and "net" not in head):
            head["net"] = amount
        elif qualifier == "176":
            head["tax"] = amount


def _line_segment(kind: AnswerKind, seg: Segment, line: dict[str, object]) -> None:
    if seg.tag == "PIA":
        for element in seg.elements[1:]:
            if _part(element, 1) == "SA":
                line["code"] = _part(element, 0)
            elif _part(element, 1) == "IN":
                line["sku"] = _part(element, 0)
    elif seg.tag == "QTY" and element_at(seg, 0) in _QUANTITY[kind]:
        rank = _QUANTITY[kind].index(element_at(seg, 0))
        if rank <= int(str(line.get("rank", 99))):
            line["quantity"], line["rank"] = _decimal(element_at(seg, 0, 1)), rank
    elif seg.tag == "DTM" and element_at(seg, 0) in _DELIVERY:
        line["delivery"] = _day(seg)
    elif seg.tag == "PRI" and element_at(seg, 0) in ("AAA", "AAB"):
        line["price"] = _decimal(element_at(seg, 0, 1))


def _line(kind: AnswerKind, raw: dict[str, object]) -> AnswerLine:
    number = str(raw.get("line_no") or "")
    action = raw["action"]
    assert isinstance(action, LineAction)
    return AnswerLine(
        line_no=int(number) if number.isdigit() else None,
        quantity=_opt_dec(raw.get("quantity")) or Decimal(0),
        sku=str(raw["sku"]) if raw.get("sku") else None,
        gtin=str(raw["gtin"]) if raw.get("gtin") else None,
        supplier_item_code=str(raw["code"]) if raw.get("code") else None,
        action=action,
        delivery_date=_opt_day(raw.get("delivery")),
        unit_price=_opt_dec(raw.get("price")),
    )


def _opt_day(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _opt_dec(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None

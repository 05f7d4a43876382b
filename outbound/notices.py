"""Lifecycle notices as plain text in the customer's language (Spanish or English): what the e-mail
channel writes (`outbound.email.notice`) and the fax channel puts on a page (`outbound.fax.notice`).
"""

from __future__ import annotations

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind, NoticeLine

TEXTS: dict[str, dict[str, str]] = {
    "es": {
        "subject": "Su pedido {po}: {what}",
        "greeting": "Estimado cliente {name}:",
        NoticeKind.ACCEPTED: "hemos aceptado su pedido {po}.",
        NoticeKind.CHANGED: "hemos modificado su pedido {po} como se indica.",
        NoticeKind.BACKORDERED: (
            "parte de su pedido {po} está pendiente de stock; se lo enviaremos en cuanto llegue."
        ),
        NoticeKind.SHIPPED: "su pedido {po} ha salido con {carrier}. Número de seguimiento: {tracking}.",
        NoticeKind.DELIVERED: "su pedido {po} ha sido entregado.",
        NoticeKind.CANCELLED: "su pedido {po} ha sido anulado.",
        "what." + NoticeKind.ACCEPTED: "aceptado",
        "what." + NoticeKind.CHANGED: "modificado",
        "what." + NoticeKind.BACKORDERED: "pendiente de stock",
        "what." + NoticeKind.SHIPPED: "enviado",
        "what." + NoticeKind.DELIVERED: "entregado",
        "what." + NoticeKind.CANCELLED: "anulado",
        "line": "  línea {pos}: {sku} {desc} — {qty}",
        # not "waiting"/"shipped": those keys are the NoticeKind sentences above
        "qty.waiting": "pendientes {qty}",
        "qty.shipped": "enviadas {qty}",
        "bye": "Atentamente,\nel equipo de pedidos",
    },
    "en": {
        "subject": "Your order {po}: {what}",
        "greeting": "Dear {name},",
        NoticeKind.ACCEPTED: "we have accepted your order {po}.",
        NoticeKind.CHANGED: "we have changed your order {po} as shown.",
        NoticeKind.BACKORDERED: (
            "part of your order {po} is waiting for stock; we will send it as soon as it arrives."
        ),
        NoticeKind.SHIPPED: "your order {po} has left with {carrier}. Tracking number: {tracking}.",
        NoticeKind.DELIVERED: "your order {po} has been delivered.",
        NoticeKind.CANCELLED: "your order {po} has been cancelled.",
        "what." + NoticeKind.ACCEPTED: "accepted",
        "what." + NoticeKind.CHANGED: "changed",
        "what." + NoticeKind.BACKORDERED: "waiting for stock",
        "what." + NoticeKind.SHIPPED: "shipped",
        "what." + NoticeKind.DELIVERED: "delivered",
        "what." + NoticeKind.CANCELLED: "cancelled",
        "line": "  line {pos}: {sku} {desc} — {qty}",
        "qty.waiting": "waiting {qty}",
        "qty.shipped": "shipped {qty}",
        "bye": "Kind regards,\nthe order desk",
    },
}


def _num(value: object) -> str:
    text = format(value, "f") if not isinstance(value, str) else value
    return text.rstrip("0").rstrip(".") if "." in text else text


def notice_text(notice: CustomerNotice) -> tuple[str, str]:
    """The subject and body of a notice, in the customer's language (English when not Spanish)."""
    words = TEXTS.get(notice.language[:2].lower(), TEXTS["en"])
    po = notice.order.po_number or f"#{notice.order.id}"
    shipment = notice.shipment
    carrier = f"{shipment.carrier} {shipment.service or ''}".strip() if shipment and shipment.carrier else ""
    values = {"po": po, "carrier": carrier, "tracking": (shipment.tracking_number if shipment else "") or ""}
    name = notice.customer.name if notice.customer else (notice.order.buyer_name or "")
    subject = words["subject"].format(po=po, what=words["what." + notice.kind])
    body = [words["greeting"].format(name=name), "", words[notice.kind].format(**values), ""]
    body += [_line(words, notice.kind, line) for line in notice.lines if _shown(notice.kind, line)]
    return subject, "\n".join([*body, "", words["bye"], ""])


def _shown(kind: NoticeKind, line: NoticeLine) -> bool:
    if kind is NoticeKind.BACKORDERED:
        return line.waiting > 0
    if kind is NoticeKind.SHIPPED:
        return line.shipped > 0
    return True


def _line(words: dict[str, str], kind: NoticeKind, line: NoticeLine) -> str:
    if kind is NoticeKind.BACKORDERED:
        qty = words["qty.waiting"].format(qty=_num(line.waiting))
    elif kind is NoticeKind.SHIPPED:
        qty = words["qty.shipped"].format(qty=_num(line.shipped))
    else:
        qty = f"{_num(line.ordered)} {line.unit or ''}".strip()
    return words["line"].format(
        pos=line.line_no or line.position, sku=line.sku or "", desc=line.description or "", qty=qty
    )

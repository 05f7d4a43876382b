"""Message Disposition Notifications (RFC 3798 as AS2 uses them, RFC 4130 7): the signed receipt we
send for each message, and reading the receipts partners send for ours.
"""

from __future__ import annotations

import base64
import email.utils
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from outbound.as2 import cms
from outbound.as2.errors import AuthenticationFailed, MalformedMessage
from outbound.as2.message import AS2_VERSION, Envelope, Outgoing, header, new_message_id, quote_id
from outbound.as2.mime import Entity, build_entity, entity_from, multipart, parse_entity, split_multipart
from outbound.as2.partners import Partner, Station
from outbound.as2.reading import verify_part

REPORTING_UA = "Comanda AS2"


@dataclass(frozen=True)
class Receipt:
    """An MDN as read: which message it answers, what happened to it, and the MIC the partner saw."""

    message_id: str
    original_message_id: str
    disposition: str  # e.g. "automatic-action/MDN-sent-automatically; processed/error: decryption-failed"
    error: str | None  # the error or failure text; None when the message was processed
    mic: str | None
    signed: bool

    @property
    def processed(self) -> bool:
        return self.error is None


def build_mdn(
    station: Station, envelope: Envelope, *, mic: str | None, error: str | None, detail: str, now: datetime
) -> Outgoing:
    """The MDN for `envelope`: processed, or processed/error: <error>; signed when the sender asked."""
    disposition = "automatic-action/MDN-sent-automatically; processed"
    if error:
        disposition += f"/error: {error}"
    fields = {
        "Reporting-UA": REPORTING_UA,
        "Original-Recipient": f"rfc822; {envelope.as2_to}",
        "Final-Recipient": f"rfc822; {station.as2_id}",
        "Original-Message-ID": envelope.message_id,
        "Disposition": disposition,
    }
    if mic:
        fields["Received-Content-MIC"] = mic
    human = build_entity(
        {"Content-Type": "text/plain; charset=utf-8", "Content-Transfer-Encoding": "8bit"},
        detail.encode("utf-8") + b"\r\n",
    )
    machine = build_entity(
        {"Content-Type": "message/disposition-notification", "Content-Transfer-Encoding": "7bit"},
        b"".join(f"{name}: {value}\r\n".encode() for name, value in fields.items()),
    )
    content_type, body = multipart("report", [human, machine], report_type="disposition-notification")
    request = envelope.mdn
    if request is not None and request.signed:
        digest = next((d for d in request.digests if d in cms.SIGNING_DIGESTS), "sha256")
        report = build_entity({"Content-Type": content_type}, body)
        signature = base64.encodebytes(cms.sign(report, station.certificate, station.key, digest))
        signature_part = build_entity(
            {
                "Content-Type": 'application/pkcs7-signature; name="smime.p7s"',
                "Content-Transfer-Encoding": "base64",
                "Content-Disposition": 'attachment; filename="smime.p7s"',
            },
            signature.replace(b"\n", b"\r\n"),
        )
        content_type, body = multipart(
            "signed",
            [report, signature_part],
            protocol="application/pkcs7-signature",
            micalg=cms.micalg(digest),
        )
    message_id = new_message_id(station.as2_id)
    headers = {
        "AS2-Version": AS2_VERSION,
        "AS2-From": quote_id(station.as2_id),
        "AS2-To": quote_id(envelope.as2_from),
        "Message-ID": message_id,
        "Subject": "Message Disposition Notification",
        "Date": email.utils.format_datetime(now),
        "MIME-Version": "1.0",
        "Content-Type": content_type,
    }
    return Outgoing(message_id=message_id, headers=headers, body=body, mic="")


def _top(headers: Mapping[str, str], body: bytes) -> Entity:
    return entity_from({"Content-Type": header(headers, "Content-Type") or "text/plain"}, body)


def is_mdn(headers: Mapping[str, str], body: bytes) -> bool:
    """Whether this POST carries an MDN (an asynchronous receipt) rather than a message."""
    top = _top(headers, body)
    if top.content_type == "multipart/report":
        return True
    if top.content_type != "multipart/signed":
        return False
    try:
        return parse_entity(split_multipart(top)[0]).content_type == "multipart/report"
    except MalformedMessage:
        return False


def read_mdn(headers: Mapping[str, str], body: bytes, partner: Partner) -> Receipt:
    """Read an MDN from `partner`; a signed one must verify with the partner's certificate, and one the
    agreement wants signed must be signed."""
    entity = _top(headers, body)
    signed = entity.content_type == "multipart/signed"
    if signed:
        parts = split_multipart(entity)
        if len(parts) != 2:
            raise MalformedMessage("a signed MDN must have the report and one signature")
        content, _ = verify_part(parts[0], parse_entity(parts[1]).decoded(), partner)
        entity = parse_entity(content)
    elif partner.mdn_signed:
        raise AuthenticationFailed(
            f"partner {partner.as2_id!r} sent an unsigned MDN where a signed one was asked"
        )
    if entity.content_type != "multipart/report":
        raise MalformedMessage(f"an MDN must be multipart/report, not {entity.content_type}")
    notes = [
        p
        for p in map(parse_entity, split_multipart(entity))
        if p.content_type == "message/disposition-notification"
    ]
    if not notes:
        raise MalformedMessage("the MDN has no message/disposition-notification part")
    fields = parse_entity(notes[0].decoded().lstrip(b"\r\n") + b"\r\n\r\n").headers
    disposition = " ".join(str(fields.get("Disposition", "")).split())
    original = str(fields.get("Original-Message-ID", "")).strip()
    if not disposition or not original:
        raise MalformedMessage("the MDN names no Disposition or no Original-Message-ID")
    mic = fields.get("Received-Content-MIC")
    return Receipt(
        message_id=(header(headers, "Message-ID") or "").strip(),
        original_message_id=original,
        disposition=disposition,
        error=disposition_error(disposition),
        mic=" ".join(str(mic).split()) if mic else None,
        signed=signed,
    )


def disposition_error(disposition: str) -> str | None:
    """None for "processed" (warnings included); else the error or failure text."""
    _, _, outcome = disposition.partition(";")
    kind, _, modifier = outcome.strip().partition("/")
    if kind.strip().lower() != "processed":
        return outcome.strip() or "no disposition type"
    name, _, text = modifier.partition(":")
    if name.strip().lower() in ("error", "failure"):
        return text.strip() or name.strip()
    return None


def same_mic(ours: str, theirs: str | None) -> bool:
    """MICs compare by digest value and algorithm, whatever the spacing or spelling (sha-256, sha256)."""
    if not theirs:
        return False
    value, _, algorithm = ours.partition(",")
    their_value, _, their_algorithm = theirs.partition(",")
    return value.strip() == their_value.strip() and cms.digest_name(algorithm) == cms.digest_name(
        their_algorithm
    )

"""Building an AS2 message (RFC 4130) and reading the AS2 headers of one that arrives.

Layers, inside out: the payload entity (application/edifact), optionally compressed (RFC 5402),
optionally signed (multipart/signed), optionally encrypted (application/pkcs7-mime). The MIC we
expect back in the MDN is computed over the bytes RFC 4130 7.3.1 names for that combination.
"""

from __future__ import annotations

import base64
import email.utils
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from outbound.as2 import cms
from outbound.as2.errors import NotForUs
from outbound.as2.mime import build_entity, multipart, parse_entity
from outbound.as2.partners import MdnMode, Partner

AS2_VERSION = "1.2"  # 1.2: the receiver understands compression
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+")


@dataclass(frozen=True)
class Outgoing:
    """A message ready to post: HTTP headers, body, and the MIC the partner's MDN must return."""

    message_id: str
    headers: dict[str, str]
    body: bytes
    mic: str


@dataclass(frozen=True)
class MdnRequest:
    """What the sender asked for in Disposition-Notification-To/-Options and Receipt-Delivery-Option."""

    signed: bool
    digests: tuple[str, ...]  # the requested MIC digests we know, in the sender's order
    url: str | None  # where to post the MDN (asynchronous); None: in the HTTP response


@dataclass(frozen=True)
class Envelope:
    """The AS2 headers of a message, read before anything is opened."""

    message_id: str
    as2_from: str
    as2_to: str
    subject: str
    mdn: MdnRequest | None


def header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def quote_id(as2_id: str) -> str:
    """An AS2 id as a header value: quoted unless it is a plain atom (RFC 4130 6.2)."""
    if _ATOM.fullmatch(as2_id):
        return as2_id
    return '"' + as2_id.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquote_id(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def new_message_id(station_id: str, unique: str | None = None) -> str:
    """A Message-ID under our AS2 id: random, or from `unique` when a retry must repeat it."""
    host = re.sub(r"[^A-Za-z0-9.-]", "-", station_id) or "as2"
    return f"<{unique or uuid.uuid4().hex}@{host}>"


def _part(content_type: str, filename: str, body: bytes, encoding: str = "binary") -> bytes:
    filename = re.sub(r'[^ -~]|["\\]', "_", filename)  # a header parameter: printable ASCII, unquoted
    headers = {
        "Content-Type": f'{content_type}; name="{filename}"' if "name=" not in content_type else content_type,
        "Content-Transfer-Encoding": encoding,
        "Content-Disposition": f'attachment; filename="{filename}"',
    }
    return build_entity(headers, body)


def build_message(
    partner: Partner,
    payload: bytes,
    *,
    filename: str,
    now: datetime,
    media_type: str = "application/edifact",
    subject: str = "EDI message",
    message_id: str | None = None,
) -> Outgoing:
    """The whole message as the partner's agreement asks: compressed, signed, encrypted or not."""
    station = partner.station
    entity = _part(media_type, filename, payload)
    mic_over = payload  # unsigned and unencrypted: the content without headers
    if partner.compress:
        entity = _part(
            "application/pkcs7-mime; smime-type=compressed-data", "smime.p7z", cms.compress(entity)
        )
        mic_over = parse_entity(entity).body
    if partner.sign:
        mic_over = entity
        signature = cms.sign(entity, station.certificate, station.key, partner.digest)
        lines = base64.encodebytes(signature).replace(b"\n", b"\r\n")
        signature_part = _part("application/pkcs7-signature", "smime.p7s", lines, "base64")
        content_type, body = multipart(
            "signed",
            [entity, signature_part],
            protocol="application/pkcs7-signature",
            micalg=cms.micalg(partner.digest),
        )
        entity = build_entity({"Content-Type": content_type}, body)
    if partner.encrypt:
        if not partner.sign:
            mic_over = entity  # encrypted, unsigned: the decrypted content with its headers
        entity = _part(
            "application/pkcs7-mime; smime-type=enveloped-data",
            "smime.p7m",
            cms.encrypt(entity, partner.certificates[:1], partner.cipher),
        )
    top = parse_entity(entity)
    message_id = message_id or new_message_id(station.as2_id)
    headers = {
        "AS2-Version": AS2_VERSION,
        "AS2-From": quote_id(station.as2_id),
        "AS2-To": quote_id(partner.as2_id),
        "Message-ID": message_id,
        "Subject": subject,
        "Date": email.utils.format_datetime(now),
        "MIME-Version": "1.0",
        **{name: str(value) for name, value in top.headers.items()},
        **mdn_request_headers(partner),
    }
    return Outgoing(
        message_id=message_id, headers=headers, body=top.body, mic=cms.mic(mic_over, partner.digest)
    )


def mdn_request_headers(partner: Partner) -> dict[str, str]:
    if partner.mdn is MdnMode.NONE:
        return {}
    asked = {"Disposition-Notification-To": partner.station.as2_id}
    if partner.mdn_signed:
        asked["Disposition-Notification-Options"] = (
            "signed-receipt-protocol=optional, pkcs7-signature; "
            f"signed-receipt-micalg=optional, {cms.micalg(partner.digest)}"
        )
    if partner.mdn is MdnMode.ASYNC:
        asked["Receipt-Delivery-Option"] = partner.async_mdn_url
    return asked


def read_envelope(headers: Mapping[str, str]) -> Envelope:
    """The AS2 headers of an arriving message; NotForUs when they are missing."""
    found = {name: header(headers, name) for name in ("Message-ID", "AS2-From", "AS2-To")}
    missing = [name for name, value in found.items() if not (value or "").strip()]
    if missing:
        raise NotForUs(f"not an AS2 message: no {', '.join(missing)} header")
    return Envelope(
        message_id=str(found["Message-ID"]).strip(),
        as2_from=unquote_id(str(found["AS2-From"])),
        as2_to=unquote_id(str(found["AS2-To"])),
        subject=header(headers, "Subject") or "",
        mdn=_mdn_request(headers),
    )


def _mdn_request(headers: Mapping[str, str]) -> MdnRequest | None:
    if not header(headers, "Disposition-Notification-To"):
        return None
    options: dict[str, list[str]] = {}
    for option in (header(headers, "Disposition-Notification-Options") or "").split(";"):
        name, _, values = option.partition("=")
        # the first value is the importance (required/optional), the rest the values themselves
        options[name.strip().lower()] = [v.strip().lower() for v in values.split(",")][1:]
    digests = tuple(d for v in options.get("signed-receipt-micalg", []) if (d := cms.digest_name(v)))
    url = (header(headers, "Receipt-Delivery-Option") or "").strip() or None
    return MdnRequest(
        signed="pkcs7-signature" in options.get("signed-receipt-protocol", []), digests=digests, url=url
    )

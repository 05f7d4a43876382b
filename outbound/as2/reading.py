"""Opening an arriving AS2 message: decrypt, verify, inflate, in whatever order the sender nested
them, then check the result against the partner's agreement and compute the MIC for the MDN.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from outbound.as2 import cms
from outbound.as2.errors import AuthenticationFailed, InsufficientSecurity, MalformedMessage
from outbound.as2.message import Envelope, header
from outbound.as2.mime import Entity, entity_from, parse_entity, split_multipart, to_crlf
from outbound.as2.partners import Partner

_PKCS7_MIME = ("application/pkcs7-mime", "application/x-pkcs7-mime")
_MAX_LAYERS = 6  # encryption, signature, compression, each perhaps twice: more is an attack


@dataclass(frozen=True)
class Received:
    """An opened message: the payload and how it travelled."""

    envelope: Envelope
    partner: Partner
    payload: bytes
    media_type: str
    filename: str | None
    signed: bool
    encrypted: bool
    compressed: bool
    mic: str  # the Received-Content-MIC to return


@dataclass
class _Opening:
    signed_part: bytes | None = None
    signer_digest: str | None = None
    decrypted: bytes | None = None
    compressed: bool = False


def open_message(envelope: Envelope, partner: Partner, headers: Mapping[str, str], body: bytes) -> Received:
    """Unwrap every layer; raises the As2Error that names what failed (and the MDN's disposition)."""
    top = {"Content-Type": header(headers, "Content-Type") or "application/octet-stream"}
    encoding = header(headers, "Content-Transfer-Encoding")
    if encoding:
        top["Content-Transfer-Encoding"] = encoding
    entity = entity_from(top, body)
    state = _Opening()
    for _ in range(_MAX_LAYERS):
        inner = _unwrap(entity, partner, state)
        if inner is None:
            break
        entity = inner
    else:
        raise MalformedMessage(f"more than {_MAX_LAYERS} layers of encryption, signature and compression")
    signed, encrypted = state.signed_part is not None, state.decrypted is not None
    if partner.require_signature and not signed:
        raise InsufficientSecurity(
            f"partner {partner.as2_id!r} must sign its messages; this one is not signed"
        )
    if partner.require_encryption and not encrypted:
        raise InsufficientSecurity(f"partner {partner.as2_id!r} must encrypt its messages; this one is not")
    digest = next(iter(envelope.mdn.digests), None) if envelope.mdn else None
    digest = digest or state.signer_digest or "sha256"
    # RFC 4130 7.3.1: what was signed; else the decrypted entity with its headers; else the body as sent
    mic_over = state.signed_part if signed else state.decrypted if encrypted else body
    assert mic_over is not None
    return Received(
        envelope=envelope,
        partner=partner,
        payload=entity.decoded(),
        media_type=entity.content_type,
        filename=entity.filename,
        signed=signed,
        encrypted=encrypted,
        compressed=state.compressed,
        mic=cms.mic(mic_over, digest),
    )


def _unwrap(entity: Entity, partner: Partner, state: _Opening) -> Entity | None:
    """The entity inside this layer, or None when this is the payload itself."""
    if entity.content_type in _PKCS7_MIME:
        kind = (entity.param("smime-type") or "").lower()
        if kind == "compressed-data" or (not kind and (entity.filename or "").endswith(".p7z")):
            state.compressed = True
            return parse_entity(cms.decompress(entity.decoded()))
        if kind not in ("", "enveloped-data"):
            raise MalformedMessage(f"application/pkcs7-mime of smime-type {kind!r} is not an AS2 layer")
        decrypted = cms.decrypt(entity.decoded(), partner.station.key_pairs)
        if state.decrypted is None:
            state.decrypted = decrypted
        return parse_entity(decrypted)
    if entity.content_type == "multipart/signed":
        parts = split_multipart(entity)
        if len(parts) != 2:
            raise MalformedMessage(
                f"multipart/signed with {len(parts)} parts instead of content and signature"
            )
        signature = parse_entity(parts[1])
        if signature.content_type not in ("application/pkcs7-signature", "application/x-pkcs7-signature"):
            raise MalformedMessage(f"the signature part is {signature.content_type}")
        content, state.signer_digest = verify_part(parts[0], signature.decoded(), partner)
        state.signed_part = state.signed_part or content
        return parse_entity(content)
    return None


def verify_part(content: bytes, signature: bytes, partner: Partner) -> tuple[bytes, str]:
    """Verify a signed part as it came; if that fails and it has bare LF line ends, as its canonical
    CRLF form (some senders sign canonical text but send it with LF). Returns the bytes that verified."""
    try:
        return content, cms.verify(content, signature, partner.certificates)[1]
    except AuthenticationFailed:
        canonical = to_crlf(content)
        if canonical == content:
            raise
        try:
            return canonical, cms.verify(canonical, signature, partner.certificates)[1]
        except AuthenticationFailed:
            pass
        raise

"""CMS (RFC 5652) for AS2: detached signatures, envelopes, compression (RFC 3274) and MICs.

Signing and enveloping use `cryptography`'s PKCS#7 builders; `cryptography` cannot verify a CMS
signature, so verification reads the SignedData with `asn1crypto` and checks it with the partner's
pinned certificate. Only certificates the operator configured are trusted, never ones a message carries.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from outbound.as2.errors import AuthenticationFailed, DecompressionFailed, DecryptionFailed, MalformedMessage

# digest name as AS2 headers write it (RFC 5751 micalg) -> hashlib / cryptography name
_HASHES: dict[str, Any] = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
SIGNING_DIGESTS = ("sha224", "sha256", "sha384", "sha512")  # SHA-1 is read, never written
CIPHERS: dict[str, Any] = {"aes128-cbc": algorithms.AES128, "aes256-cbc": algorithms.AES256}


def digest_name(text: str) -> str | None:
    """`sha-256`, `SHA256`, `sha256` -> `sha256`; None for a digest we do not know."""
    name = text.strip().lower().replace("-", "")
    return name if name in _HASHES else None


def micalg(name: str) -> str:
    """The RFC 5751 spelling of a digest for micalg and Received-Content-MIC (`sha-256`)."""
    return "sha1" if name == "sha1" else f"sha-{name[3:]}"


def mic(data: bytes, digest: str) -> str:
    """The Received-Content-MIC value for these bytes: `base64 digest, algorithm`."""
    value = base64.b64encode(hashlib.new(digest, data).digest()).decode("ascii")
    return f"{value}, {micalg(digest)}"


def sign(data: bytes, certificate: x509.Certificate, key: Any, digest: str) -> bytes:
    """A detached CMS signature (DER) over exactly these bytes."""
    if digest not in SIGNING_DIGESTS:
        raise ValueError(f"we do not sign with {digest}")
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(certificate, key, _HASHES[digest]())
    options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    return builder.sign(serialization.Encoding.DER, options)


def encrypt(data: bytes, recipients: Sequence[x509.Certificate], cipher: str) -> bytes:
    """A CMS EnvelopedData (DER) of these bytes for the recipients' RSA keys."""
    builder = pkcs7.PKCS7EnvelopeBuilder().set_data(data).set_content_encryption_algorithm(CIPHERS[cipher])
    for certificate in recipients:
        builder = builder.add_recipient(certificate)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


def decrypt(der: bytes, key_pairs: Iterable[tuple[x509.Certificate, Any]]) -> bytes:
    """Open an EnvelopedData with whichever of our key pairs it was made for."""
    recipients = _recipients(der)
    for certificate, key in key_pairs:
        if not _identifiers(certificate) & recipients.keys():
            continue
        try:
            return pkcs7.pkcs7_decrypt_der(der, certificate, key, [])
        except UnsupportedAlgorithm as exc:
            raise DecryptionFailed(f"encrypted with an algorithm we do not accept: {exc}") from exc
        except ValueError as exc:
            raise DecryptionFailed(f"the envelope for our certificate does not open: {exc}") from exc
    named = "; ".join(sorted(recipients.values())) or "no recipient"
    raise DecryptionFailed(f"encrypted for a certificate that is not ours ({named})")


def _recipients(der: bytes) -> dict[tuple[Any, ...], str]:
    """Each recipient of an envelope: its identifier key, and how to name it in an error."""
    try:
        info = asn1_cms.ContentInfo.load(der)
        if info["content_type"].native != "enveloped_data":
            raise DecryptionFailed(f"expected enveloped data, found {info['content_type'].native}")
        # key transport (RSA) only: key agreement (EC) recipients are none we could be
        rids = [r.chosen["rid"] for r in info["content"]["recipient_infos"] if r.name == "ktri"]
        return {_sid_key(rid): _describe(rid) for rid in rids}
    except (ValueError, TypeError, KeyError) as exc:
        raise DecryptionFailed("the encrypted part is not a CMS envelope") from exc


def _sid_key(sid: Any) -> tuple[Any, ...]:
    """A signer's or recipient's identifier as a comparable key (issuer and serial, or key id)."""
    if sid.name == "issuer_and_serial_number":
        return ("issuer", sid.chosen["issuer"].hashable, sid.chosen["serial_number"].native)
    return ("key", sid.chosen.native)


def _identifiers(certificate: x509.Certificate) -> set[tuple[Any, ...]]:
    """Both ways a CMS structure may name this certificate."""
    loaded = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    keys: set[tuple[Any, ...]] = {("issuer", loaded.issuer.hashable, loaded.serial_number)}
    if loaded.key_identifier is not None:
        keys.add(("key", loaded.key_identifier))
    return keys


def _describe(sid: Any) -> str:
    if sid.name == "issuer_and_serial_number":
        issuer = ", ".join(f"{k}={v}" for k, v in sid.chosen["issuer"].native.items())
        return f"serial {sid.chosen['serial_number'].native:x} issued by {issuer}"
    return f"key id {sid.chosen.native.hex()}"


def compress(data: bytes) -> bytes:
    """A CMS CompressedData (RFC 3274, zlib) of these bytes."""
    compressed = asn1_cms.CompressedData(
        {
            "version": "v0",
            "compression_algorithm": {"algorithm": "zlib"},
            "encap_content_info": {"content_type": "data", "content": zlib.compress(data)},
        }
    )
    return bytes(asn1_cms.ContentInfo({"content_type": "compressed_data", "content": compressed}).dump())


def decompress(der: bytes, limit: int = 256 * 1024 * 1024) -> bytes:
    """Inflate a CompressedData, refusing more than `limit` bytes (a small message may inflate to
    gigabytes)."""
    try:
        info = asn1_cms.ContentInfo.load(der)
        if info["content_type"].native != "compressed_data":
            raise DecompressionFailed(f"expected compressed data, found {info['content_type'].native}")
        data = info["content"]["encap_content_info"]["content"].native
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, limit)
    except (ValueError, TypeError, KeyError, zlib.error) as exc:
        raise DecompressionFailed(f"compressed data does not inflate: {exc}") from exc
    if inflater.unconsumed_tail:
        raise DecompressionFailed(f"compressed data inflates to more than {limit} bytes")
    return out


def verify(
    data: bytes, signature: bytes, trusted: Sequence[x509.Certificate]
) -> tuple[x509.Certificate, str]:
    """Check a detached signature over `data`; returns the trusted certificate that made it and the
    signer's digest. Raises AuthenticationFailed when it does not hold."""
    try:
        info = asn1_cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise MalformedMessage(f"expected a signature, found {info['content_type'].native}")
        signers = list(info["content"]["signer_infos"])
    except (ValueError, TypeError, KeyError) as exc:
        raise MalformedMessage("the signature part is not a CMS SignedData") from exc
    pinned = [(cert, _identifiers(cert)) for cert in trusted]
    strangers = []
    for signer in signers:
        try:  # asn1crypto parses lazily: a broken SignerInfo shows only when it is read
            sid = _sid_key(signer["sid"])
            match = next((cert for cert, ids in pinned if sid in ids), None)
            if match is None:
                strangers.append(_describe(signer["sid"]))
                continue
            return match, _check(signer, data, match)
        except (ValueError, TypeError, KeyError) as exc:
            raise MalformedMessage(f"the signature cannot be read: {exc}") from exc
    raise AuthenticationFailed(
        f"signed with a certificate that is not the partner's ({'; '.join(strangers)})"
    )


def _check(signer: Any, data: bytes, certificate: x509.Certificate) -> str:
    """Verify one SignerInfo over `data`; returns its digest name."""
    digest = digest_name(signer["digest_algorithm"]["algorithm"].native)
    if digest is None:
        raise AuthenticationFailed(
            f"signed with an unknown digest {signer['digest_algorithm']['algorithm'].native}"
        )
    attributes = signer["signed_attrs"]
    signed = data
    if len(attributes):
        found = {attr["type"].native: attr["values"][0].native for attr in attributes}
        if found.get("message_digest") != hashlib.new(digest, data).digest():
            raise AuthenticationFailed("the content does not match its signature (its digest differs)")
        # the signature covers the attributes as a SET OF, not under their [0] IMPLICIT tag
        signed = b"\x31" + attributes.dump()[1:]
    try:
        _verify_raw(certificate.public_key(), signer, signed, _HASHES[digest]())
    except InvalidSignature as exc:
        raise AuthenticationFailed("the signature does not verify with the partner's certificate") from exc
    return digest


def _verify_raw(public_key: Any, signer: Any, signed: bytes, digest: hashes.HashAlgorithm) -> None:
    algorithm = signer["signature_algorithm"]
    value = signer["signature"].native
    if isinstance(public_key, rsa.RSAPublicKey):
        pad: padding.AsymmetricPadding = padding.PKCS1v15()
        if algorithm.signature_algo == "rsassa_pss":
            params = algorithm["parameters"]
            mgf_hash = _HASHES[
                digest_name(params["mask_gen_algorithm"]["parameters"]["algorithm"].native) or ""
            ]
            pad = padding.PSS(mgf=padding.MGF1(mgf_hash()), salt_length=params["salt_length"].native)
        public_key.verify(value, signed, pad, digest)
    elif isinstance(public_key, ec.EllipticCurvePublicKey):
        public_key.verify(value, signed, ec.ECDSA(digest))
    else:
        raise AuthenticationFailed(f"signatures with {type(public_key).__name__} keys are not supported")

"""CMS primitives: signatures verify only over the signed bytes and only with a pinned certificate,
envelopes open only with the recipient's key, compression round-trips within its limit, and the
MIC is the base64 digest the RFC names."""

from __future__ import annotations

import base64
import hashlib
import zlib

import pytest
from asn1crypto import cms as asn1_cms
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.serialization import pkcs7

from outbound.as2 import cms
from outbound.as2.errors import AuthenticationFailed, DecompressionFailed, DecryptionFailed
from tests.unit.as2.keys import key_pair

ENTITY = (
    b"Content-Type: application/edifact\r\n\r\nUNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER'UNH+1+ORDERS:D:96A:UN'"
)


def test_a_signature_verifies_with_the_signers_certificate_and_names_its_digest() -> None:
    certificate, key = key_pair("SIGNER")
    signature = cms.sign(ENTITY, certificate, key, "sha384")

    signer, digest = cms.verify(ENTITY, signature, [key_pair("OTHER")[0], certificate])

    assert signer == certificate
    assert digest == "sha384"


def test_one_changed_byte_breaks_the_signature() -> None:
    certificate, key = key_pair("SIGNER")
    signature = cms.sign(ENTITY, certificate, key, "sha256")
    tampered = ENTITY.replace(b"ORDERS", b"ORDERX")

    with pytest.raises(AuthenticationFailed, match="digest differs"):
        cms.verify(tampered, signature, [certificate])


def test_a_signature_by_a_certificate_not_pinned_is_refused_even_though_it_carries_its_certificate() -> None:
    certificate, key = key_pair("SIGNER")
    signature = cms.sign(ENTITY, certificate, key, "sha256")  # the SignedData includes the signer's cert

    with pytest.raises(AuthenticationFailed, match=r"not the partner.s .*common_name=SIGNER"):
        cms.verify(ENTITY, signature, [key_pair("OTHER")[0]])


def test_a_forged_signature_value_is_caught_after_the_digest_matches() -> None:
    certificate, key = key_pair("SIGNER")
    info = asn1_cms.ContentInfo.load(cms.sign(ENTITY, certificate, key, "sha256"))
    signer = info["content"]["signer_infos"][0]
    value = bytearray(signer["signature"].native)
    value[10] ^= 0xFF
    signer["signature"] = bytes(value)

    with pytest.raises(AuthenticationFailed, match="does not verify"):
        cms.verify(ENTITY, info.dump(force=True), [certificate])


@pytest.mark.parametrize("rsa_padding", ["pss", "ecdsa"])
def test_pss_and_ecdsa_signatures_verify(rsa_padding: str) -> None:
    if rsa_padding == "ecdsa":
        certificate, key = key_pair("EC-SIGNER", "ec")
        builder = pkcs7.PKCS7SignatureBuilder().set_data(ENTITY).add_signer(certificate, key, hashes.SHA256())
    else:
        certificate, key = key_pair("SIGNER")
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
        builder = (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(ENTITY)
            .add_signer(certificate, key, hashes.SHA256(), rsa_padding=pss)
        )
    options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    signature = builder.sign(serialization.Encoding.DER, options)

    assert cms.verify(ENTITY, signature, [certificate])[0] == certificate
    with pytest.raises(AuthenticationFailed):
        cms.verify(ENTITY + b"x", signature, [certificate])


@pytest.mark.parametrize(("cipher", "oid_name"), [("aes128-cbc", "aes128_cbc"), ("aes256-cbc", "aes256_cbc")])
def test_an_envelope_opens_with_the_recipients_key_and_uses_the_agreed_cipher(
    cipher: str, oid_name: str
) -> None:
    recipient = key_pair("RECIPIENT")

    envelope = cms.encrypt(ENTITY, [recipient[0]], cipher)

    algorithm = asn1_cms.ContentInfo.load(envelope)["content"]["encrypted_content_info"][
        "content_encryption_algorithm"
    ]
    assert algorithm["algorithm"].native == oid_name
    assert ENTITY not in envelope
    assert cms.decrypt(envelope, [key_pair("OLD"), recipient]) == ENTITY  # found among several key pairs


def test_an_envelope_for_someone_else_names_who_it_was_for() -> None:
    envelope = cms.encrypt(ENTITY, [key_pair("SOMEONE-ELSE")[0]], "aes256-cbc")

    with pytest.raises(DecryptionFailed, match=r"not ours.*common_name=SOMEONE-ELSE"):
        cms.decrypt(envelope, [key_pair("RECIPIENT")])


def test_garbage_is_no_envelope() -> None:
    with pytest.raises(DecryptionFailed, match="not a CMS envelope"):
        cms.decrypt(b"\x30\x03\x02\x01\x00 not der", [key_pair("RECIPIENT")])


def test_compression_round_trips_and_is_zlib_inside_compressed_data() -> None:
    packed = cms.compress(ENTITY * 50)

    info = asn1_cms.ContentInfo.load(packed)
    assert info["content_type"].native == "compressed_data"
    assert zlib.decompress(info["content"]["encap_content_info"]["content"].native) == ENTITY * 50
    assert len(packed) < len(ENTITY * 50) / 5
    assert cms.decompress(packed) == ENTITY * 50


def test_decompression_stops_at_its_limit() -> None:
    with pytest.raises(DecompressionFailed, match="more than 1000 bytes"):
        cms.decompress(cms.compress(b"0" * 100_000), limit=1000)


def test_the_mic_is_the_base64_digest_and_the_rfc_5751_algorithm_name() -> None:
    assert (
        cms.mic(ENTITY, "sha256") == base64.b64encode(hashlib.sha256(ENTITY).digest()).decode() + ", sha-256"
    )
    assert cms.mic(ENTITY, "sha1").endswith(", sha1")
    assert [cms.digest_name(n) for n in ("sha-256", "SHA256", " sha384", "md5")] == [
        "sha256",
        "sha256",
        "sha384",
        None,
    ]


def test_we_never_sign_with_sha1() -> None:
    certificate, key = key_pair("SIGNER")
    with pytest.raises(ValueError, match="sha1"):
        cms.sign(ENTITY, certificate, key, "sha1")

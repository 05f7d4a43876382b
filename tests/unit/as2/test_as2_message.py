"""Building and opening AS2 messages: every combination the agreement allows round-trips, the MIC
both sides compute is the one RFC 4130 7.3.1 names, and each way a message can be wrong is named."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7

from outbound.as2.errors import AuthenticationFailed, DecryptionFailed, InsufficientSecurity, NotForUs
from outbound.as2.message import build_message, quote_id, read_envelope, unquote_id
from outbound.as2.partners import MdnMode
from outbound.as2.reading import open_message
from tests.unit.as2.keys import NOW, agreement, books, key_pair, station

PAYLOAD = b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'UNH+1+ORDERS:D:96A:UN'"


def sha256_mic(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode() + ", sha-256"


def first_part(content_type: str, body: bytes) -> bytes:
    """The first part of a multipart body, cut out by RFC 2046's rule, independently of outbound.as2."""
    boundary = re.search(r'boundary="([^"]+)"', content_type).group(1).encode()  # type: ignore[union-attr]
    return body.split(b"--" + boundary)[1][2:-2]


@pytest.mark.parametrize(("sign", "encrypt", "compress"), list(itertools.product([True, False], repeat=3)))
def test_every_combination_round_trips_and_both_sides_agree_on_the_mic(
    sign: bool, encrypt: bool, compress: bool
) -> None:
    retailer, us = books(
        sign=sign, encrypt=encrypt, compress=compress, require_signature=sign, require_encryption=encrypt
    )
    sent = build_message(us, PAYLOAD, filename="ORDERS_77.edi", now=NOW)

    received = open_message(read_envelope(sent.headers), retailer, sent.headers, sent.body)

    assert received.payload == PAYLOAD
    assert (received.signed, received.encrypted, received.compressed) == (sign, encrypt, compress)
    assert received.filename == "ORDERS_77.edi"
    assert received.media_type == "application/edifact"
    assert received.mic == sent.mic
    assert (PAYLOAD in sent.body) == (not encrypt and not compress)


def test_a_signed_message_s_mic_is_over_the_signed_entity_with_its_headers() -> None:
    _, us = books(encrypt=False)
    sent = build_message(us, PAYLOAD, filename="ORDERS_77.edi", now=NOW)

    signed_entity = first_part(sent.headers["Content-Type"], sent.body)

    assert signed_entity.startswith(b"Content-Type: application/edifact")
    assert signed_entity.endswith(b"\r\n\r\n" + PAYLOAD)
    assert sent.mic == sha256_mic(signed_entity)


def test_an_unsigned_unencrypted_message_s_mic_is_over_the_content_alone() -> None:
    _, us = books(sign=False, encrypt=False)
    assert build_message(us, PAYLOAD, filename="o.edi", now=NOW).mic == sha256_mic(PAYLOAD)


def test_an_encrypted_unsigned_message_s_mic_is_over_the_decrypted_entity_with_headers() -> None:
    retailer, us = books(sign=False)
    sent = build_message(us, PAYLOAD, filename="o.edi", now=NOW)

    entity = pkcs7.pkcs7_decrypt_der(sent.body, *retailer.station.key_pairs[0], [])

    assert entity.endswith(b"\r\n\r\n" + PAYLOAD) and entity.startswith(b"Content-Type:")
    assert sent.mic == sha256_mic(entity)


def test_the_as2_headers_say_who_what_and_how_to_answer() -> None:
    _, us = books(mdn=MdnMode.ASYNC, async_mdn_url="https://as2.example.test/as2", digest="sha384")
    headers = build_message(us, PAYLOAD, filename="o.edi", now=NOW).headers

    assert (headers["AS2-From"], headers["AS2-To"], headers["AS2-Version"]) == ("RETAILER", "COMANDA", "1.2")
    assert re.fullmatch(r"<[0-9a-f]{32}@RETAILER>", headers["Message-ID"])
    assert headers["Content-Type"].startswith("application/pkcs7-mime; smime-type=enveloped-data")
    assert headers["Disposition-Notification-To"] == "RETAILER"
    assert "signed-receipt-micalg=optional, sha-384" in headers["Disposition-Notification-Options"]
    assert headers["Receipt-Delivery-Option"] == "https://as2.example.test/as2"
    envelope = read_envelope(headers)
    assert envelope.mdn is not None
    assert (envelope.mdn.signed, envelope.mdn.digests, envelope.mdn.url) == (
        True,
        ("sha384",),
        "https://as2.example.test/as2",
    )


def test_no_mdn_asked_means_no_disposition_headers() -> None:
    _, us = books(mdn=MdnMode.NONE)
    headers = build_message(us, PAYLOAD, filename="o.edi", now=NOW).headers
    assert "Disposition-Notification-To" not in headers
    assert read_envelope(headers).mdn is None


def test_an_as2_id_with_spaces_travels_quoted() -> None:
    assert quote_id('Big "Retail" Co') == '"Big \\"Retail\\" Co"'
    assert unquote_id(quote_id('Big "Retail" Co')) == 'Big "Retail" Co'
    assert quote_id("RETAILER-01") == "RETAILER-01"
    retailer, us = books(ours="COMANDA ES", theirs="Big Retail")
    sent = build_message(us, PAYLOAD, filename="o.edi", now=NOW)
    envelope = read_envelope(sent.headers)
    assert (envelope.as2_from, envelope.as2_to) == ("Big Retail", "COMANDA ES")
    assert open_message(envelope, retailer, sent.headers, sent.body).payload == PAYLOAD


def test_missing_as2_headers_are_not_for_us() -> None:
    with pytest.raises(NotForUs, match="AS2-To"):
        read_envelope({"AS2-From": "X", "Message-ID": "<1@x>"})


def test_one_changed_byte_in_a_signed_payload_is_an_authentication_failure() -> None:
    retailer, us = books(encrypt=False, require_encryption=False)
    sent = build_message(us, PAYLOAD, filename="o.edi", now=NOW)
    tampered = sent.body.replace(b"ORDERS:D:96A", b"ORDERS:D:01B")

    with pytest.raises(AuthenticationFailed):
        open_message(read_envelope(sent.headers), retailer, sent.headers, tampered)


def test_a_message_encrypted_for_another_certificate_cannot_be_decrypted() -> None:
    retailer, us = books()
    us = replace(us, certificates=(key_pair("SOMEONE-ELSE")[0],))
    sent = build_message(us, PAYLOAD, filename="o.edi", now=NOW)

    with pytest.raises(DecryptionFailed, match="not ours"):
        open_message(read_envelope(sent.headers), retailer, sent.headers, sent.body)


def test_after_a_certificate_change_the_old_key_still_decrypts() -> None:
    renewed = station("COMANDA-2027", "COMANDA-2026")
    old_view = agreement(station("RETAILER"), station("COMANDA-2026"))  # the partner still has our old cert
    sent = build_message(replace(old_view, as2_id="COMANDA-2027"), PAYLOAD, filename="o.edi", now=NOW)
    ours = agreement(renewed, station("RETAILER"))

    assert open_message(read_envelope(sent.headers), ours, sent.headers, sent.body).payload == PAYLOAD


def test_a_signature_by_someone_the_partner_file_does_not_name_is_refused() -> None:
    retailer, us = books()
    impostor = replace(us, station=replace(us.station, key_pairs=(key_pair("IMPOSTOR"),)))
    sent = build_message(impostor, PAYLOAD, filename="o.edi", now=NOW)

    with pytest.raises(AuthenticationFailed, match="not the partner's"):
        open_message(read_envelope(sent.headers), retailer, sent.headers, sent.body)


@pytest.mark.parametrize(("sign", "encrypt", "missing"), [(False, True, "sign"), (True, False, "encrypt")])
def test_a_message_weaker_than_the_agreement_is_refused(sign: bool, encrypt: bool, missing: str) -> None:
    retailer, us = books(sign=sign, encrypt=encrypt)
    sent = build_message(us, PAYLOAD, filename="o.edi", now=NOW)

    with pytest.raises(InsufficientSecurity, match=f"must {missing}"):
        open_message(read_envelope(sent.headers), retailer, sent.headers, sent.body)


def test_a_signed_part_sent_with_bare_line_feeds_verifies_in_its_canonical_form() -> None:
    retailer, us = books(encrypt=False, require_encryption=False)
    payload = PAYLOAD.replace(b"'", b"'\r\n")
    sent = build_message(us, payload, filename="o.edi", now=NOW)
    part = first_part(sent.headers["Content-Type"], sent.body)
    relaxed = sent.body.replace(part, part.replace(b"\r\n", b"\n"))  # a gateway rewrote the line ends

    received = open_message(read_envelope(sent.headers), retailer, sent.headers, relaxed)

    assert received.payload == payload
    assert received.mic == sent.mic  # the MIC of what was signed, not of what arrived

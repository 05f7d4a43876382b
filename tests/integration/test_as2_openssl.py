"""OpenSSL as the independent judge of our CMS: it must decrypt and verify what we send, in every
combination an agreement allows, and we must open what it makes."""

from __future__ import annotations

import re
import shlex
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from outbound.as2 import cms
from outbound.as2.errors import AuthenticationFailed, DecryptionFailed
from outbound.as2.message import build_message, read_envelope
from outbound.as2.partners import load_partners
from outbound.as2.reading import open_message
from tests.integration.as2_station import OpenSslStation, mic_of, require_openssl, split_signed
from tests.unit.as2.keys import NOW, books, write_pem

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _openssl() -> None:
    require_openssl()


PAYLOAD = b"UNA:+.? 'UNB+UNOC:3+8437000100010:14+8400000000001:14+261126:1000+91'UNH+1+INVOIC:D:96A:UN'"


@pytest.fixture
def retailer(tmp_path: Path) -> OpenSslStation:
    """The retailer's side as OpenSSL sees it: its key pair, and our certificate as its partner's."""
    our_cert, _ = write_pem(tmp_path, "COMANDA")
    cert, key = write_pem(tmp_path, "RETAILER")
    return OpenSslStation(tmp_path, "RETAILER", cert, key, "COMANDA", our_cert)


@pytest.mark.parametrize(
    ("cipher", "openssl_name"), [("aes128-cbc", "aes-128-cbc"), ("aes256-cbc", "aes-256-cbc")]
)
@pytest.mark.parametrize("digest", ["sha256", "sha384", "sha512"])
def test_openssl_decrypts_and_verifies_what_we_send(
    retailer: OpenSslStation, cipher: str, openssl_name: str, digest: str
) -> None:
    us_to_them, _ = books(cipher=cipher, digest=digest)
    message = build_message(us_to_them, PAYLOAD, filename="INVOIC_91.edi", now=NOW)

    printed = retailer.openssl("-cmsout", "-print", "-inform", "DER", data=message.body).decode()
    assert re.search(rf"contentEncryptionAlgorithm:\s+algorithm: {openssl_name}", printed)
    signed = retailer.decrypt(message.body)
    head, body = signed.split(b"\r\n\r\n", 1)
    content_type = head.decode().split(": ", 1)[1]
    assert f'micalg="{cms.micalg(digest)}"' in content_type
    content = retailer.verify_smime(content_type, body)  # OpenSSL's own S/MIME reader
    assert content.endswith(b"\r\n\r\n" + PAYLOAD)
    assert b"Content-Type: application/edifact" in content
    signed_part, _ = split_signed(content_type, body)
    assert message.mic == cms.mic(signed_part, digest)  # the MIC is over the signed entity, headers and all


def test_openssl_reads_a_signed_only_message(retailer: OpenSslStation) -> None:
    us_to_them, _ = books(encrypt=False)
    message = build_message(us_to_them, PAYLOAD, filename="INVOIC_91.edi", now=NOW)

    content = retailer.verify_smime(message.headers["Content-Type"], message.body)

    assert content.endswith(PAYLOAD)
    assert message.mic == mic_of(content)


def test_openssl_decrypts_an_encrypted_only_message(retailer: OpenSslStation) -> None:
    us_to_them, _ = books(sign=False)
    message = build_message(us_to_them, PAYLOAD, filename="INVOIC_91.edi", now=NOW)

    entity = retailer.decrypt(message.body)

    assert entity.endswith(b"\r\n\r\n" + PAYLOAD)
    assert message.mic == mic_of(entity)  # unsigned, encrypted: the decrypted entity with its headers


def _openssl_message(retailer: OpenSslStation, *, sign: bool, encrypt: bool, cipher: str = "-aes-256-cbc"):
    entity = b"Content-Type: application/edifact\r\n\r\n" + PAYLOAD
    data, content_type = entity, "application/edifact"
    if sign:
        data = retailer.sign(entity)
        head, data = data.split(b"\r\n\r\n", 1)
        content_type = re.search(rb"Content-Type: (.*)", head).group(1).decode().strip()  # type: ignore[union-attr]
        if encrypt:
            data = head + b"\r\n\r\n" + data
    if encrypt:
        data = retailer.openssl(
            "-encrypt", "-binary", cipher, "-outform", "DER", "-recip", str(retailer.partner_cert), data=data
        )
        content_type = "application/pkcs7-mime; smime-type=enveloped-data"
    headers = {
        "AS2-From": "RETAILER",
        "AS2-To": "COMANDA",
        "Message-ID": "<1@retailer>",
        "Content-Type": content_type,
    }
    headers["Disposition-Notification-To"] = "RETAILER"
    return headers, data, entity


@pytest.mark.parametrize(
    ("sign", "encrypt", "cipher"),
    [
        (True, True, "-aes-256-cbc"),
        (True, True, "-aes-128-cbc"),
        (True, False, ""),
        (False, True, "-aes-128-cbc"),
    ],
)
def test_we_open_what_openssl_makes(retailer: OpenSslStation, sign: bool, encrypt: bool, cipher: str) -> None:
    them, _ = books(require_signature=sign, require_encryption=encrypt)
    headers, body, entity = _openssl_message(retailer, sign=sign, encrypt=encrypt, cipher=cipher)

    received = open_message(read_envelope(headers), them, headers, body)

    assert received.payload == PAYLOAD
    assert (received.signed, received.encrypted) == (sign, encrypt)
    if sign or encrypt:  # what was signed, or the decrypted entity: here both are the entity itself
        assert received.mic == mic_of(entity)


def test_a_message_openssl_signed_with_a_key_we_do_not_pin_is_refused(
    retailer: OpenSslStation, tmp_path: Path
) -> None:
    retailer.cert, retailer.key = write_pem(tmp_path, "SOMEONE-ELSE")
    them, _ = books(require_encryption=False)
    headers, body, _ = _openssl_message(retailer, sign=True, encrypt=False)

    with pytest.raises(AuthenticationFailed, match="not the partner's"):
        open_message(read_envelope(headers), them, headers, body)


def test_an_envelope_in_3des_is_refused_by_name(retailer: OpenSslStation) -> None:
    them, _ = books(require_signature=False)
    headers, body, _ = _openssl_message(retailer, sign=False, encrypt=True, cipher="-des3")

    with pytest.raises(DecryptionFailed, match="algorithm we do not accept"):
        open_message(read_envelope(headers), them, headers, body)


def documented_commands() -> list[list[str]]:
    """The shell commands docs/as2.md shows, one argument list per command."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "as2.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    return [shlex.split(line) for block in blocks for line in block.replace("\\\n", " ").splitlines() if line]


def test_the_documented_commands_make_a_key_pair_we_load_and_read_a_message_we_sent(tmp_path: Path) -> None:
    make_key, decrypt, verify = documented_commands()
    subprocess.run(make_key, cwd=tmp_path, check=True, capture_output=True)
    cert, _ = write_pem(tmp_path, "RETAILER-EU")
    cert.rename(tmp_path / "retailer-eu.pem")
    (tmp_path / "as2.toml").write_text(
        '[[station]]\nas2_id = "COMANDA"\ncertificate = "comanda.pem"\nkey = "comanda.key"\n\n'
        '[[partner]]\nas2_id = "RETAILER-EU"\ncertificates = ["retailer-eu.pem"]\n',
        encoding="utf-8",
    )
    ours = load_partners(tmp_path / "as2.toml", env={}).partners[0]
    retailer_side, _ = books(ours="RETAILER-EU", theirs="COMANDA")
    retailer_side = replace(retailer_side, certificates=(ours.station.certificate,))  # the pair the doc made
    message = build_message(retailer_side, PAYLOAD, filename="ORDERS.edi", now=NOW)
    (tmp_path / "message.p7m").write_bytes(message.body)

    subprocess.run(decrypt, cwd=tmp_path, check=True, capture_output=True)
    subprocess.run(verify, cwd=tmp_path, check=True, capture_output=True)

    assert (tmp_path / "payload.mime").read_bytes().endswith(b"\r\n\r\n" + PAYLOAD)
    assert (
        open_message(read_envelope(message.headers), ours, message.headers, message.body).payload == PAYLOAD
    )

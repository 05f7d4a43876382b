"""The partner file: the example in docs/as2.md loads as written, and each mistake an operator can
make stops the load with the file, the partner and the setting named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from core.kernel.errors import ConfigError
from outbound.as2.errors import NotForUs, UnknownPartner
from outbound.as2.partners import MdnMode, load_partners
from tests.unit.as2.keys import key_pair, write_pem

DOC = Path(__file__).resolve().parents[3] / "docs" / "as2.md"


def documented_example() -> str:
    return re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL).group(1)  # type: ignore[union-attr]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("COMANDA", "RETAILER-EU"):
        write_pem(tmp_path, name)
    (tmp_path / "COMANDA.pem").rename(tmp_path / "comanda.pem")
    (tmp_path / "COMANDA.key").rename(tmp_path / "comanda.key")
    (tmp_path / "RETAILER-EU.pem").rename(tmp_path / "retailer-eu.pem")
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "as2.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_documented_example_loads_as_written(folder: Path) -> None:
    book = load_partners(write(folder, documented_example()), env={})

    partner = book.partner("RETAILER-EU", "COMANDA")
    assert partner.station.as2_id == "COMANDA"
    assert partner.station.certificate == key_pair("COMANDA")[0]
    assert partner.certificates == (key_pair("RETAILER-EU")[0],)
    assert (partner.url, partner.edi_ids, partner.mdn, partner.cipher) == (
        "https://as2.retailer.example/as2",
        ("8400000000001",),
        MdnMode.SYNC,
        "aes256-cbc",
    )
    assert book.for_edi_id("8400000000001") is partner
    with pytest.raises(UnknownPartner):
        book.partner("SOMEONE", "COMANDA")
    with pytest.raises(NotForUs):
        book.partner("RETAILER-EU", "NOT-US")


MINIMAL = """
[[station]]
as2_id = "COMANDA"
certificate = "comanda.pem"
key = "comanda.key"

[[partner]]
as2_id = "RETAILER-EU"
certificates = ["retailer-eu.pem"]
"""


def test_a_minimal_partner_gets_the_safe_defaults(folder: Path) -> None:
    partner = load_partners(write(folder, MINIMAL), env={}).partners[0]
    assert (partner.sign, partner.encrypt, partner.require_signature, partner.require_encryption) == (
        True,
    ) * 4
    assert (partner.digest, partner.mdn, partner.mdn_signed, partner.compress) == (
        "sha256",
        MdnMode.SYNC,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('certificates = ["retailer-eu.pem"]', 'certificates = ["missing.pem"]'),
            "partner 'RETAILER-EU'.*missing.pem",
        ),
        (('certificates = ["retailer-eu.pem"]', "certificates = []"), "at least one PEM"),
        (('certificates = ["retailer-eu.pem"]', 'certificates = ["comanda.key"]'), "not a PEM certificate"),
        (('key = "comanda.key"', 'key = "comanda.pem"'), "station #1: the key does not load"),
        (("[[partner]]", '[[partner]]\nmdn = "later"'), "mdn must be sync, async or none"),
        (("[[partner]]", '[[partner]]\nmdn = "async"\nurl = "https://x.test/as2"'), "async_mdn_url"),
        (("[[partner]]", '[[partner]]\ndigest = "md5"'), "digest must be one of"),
        (("[[partner]]", '[[partner]]\ncipher = "des-ede3-cbc"'), "cipher must be one of"),
        (("[[partner]]", '[[partner]]\nurl = "ftp://x.test"'), "url must be"),
        (("[[partner]]", "[[partner]]\nencrypt_with = true"), r"unknown setting\(s\) \['encrypt_with'\]"),
        (("[[partner]]", '[[partner]]\nstation = "OTHER"'), "station must name one of"),
        (('as2_id = "RETAILER-EU"', 'as2_id = "RETAILER\\u00c9"'), "printable ASCII"),
        (("[[station]]", "[[stations]]"), "no \\[\\[station\\]\\]"),
        (("[[partner]]", "[[partner"), "as2.toml"),
    ],
)
def test_each_mistake_is_named(folder: Path, change: tuple[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_partners(write(folder, MINIMAL.replace(*change, 1)), env={})


def test_a_key_that_is_not_the_certificate_s_is_refused(folder: Path) -> None:
    write_pem(folder, "OTHER")
    text = MINIMAL.replace('key = "comanda.key"', 'key = "OTHER.key"')
    with pytest.raises(ConfigError, match="does not belong to the certificate"):
        load_partners(write(folder, text), env={})


def test_an_encrypted_key_reads_its_password_from_the_named_variable(folder: Path) -> None:
    _, key = key_pair("COMANDA")
    locked = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"s3cret-pw"),
    )
    (folder / "comanda.key").write_bytes(locked)
    text = MINIMAL.replace('key = "comanda.key"', 'key = "comanda.key"\nkey_password_env = "AS2_PW"')
    path = write(folder, text)

    assert load_partners(path, env={"AS2_PW": "s3cret-pw"}).stations["COMANDA"].key is not None
    with pytest.raises(ConfigError, match="AS2_PW"):
        load_partners(path, env={})
    with pytest.raises(ConfigError, match="the key does not load"):
        load_partners(path, env={"AS2_PW": "wrong"})


def test_an_old_key_pair_is_kept_for_decryption_after_the_current_one(folder: Path) -> None:
    write_pem(folder, "COMANDA-OLD")
    text = MINIMAL.replace(
        'key = "comanda.key"',
        'key = "comanda.key"\nprevious = [{certificate = "COMANDA-OLD.pem", key = "COMANDA-OLD.key"}]',
    )
    station = load_partners(write(folder, text), env={}).stations["COMANDA"]
    assert [pair[0] for pair in station.key_pairs] == [key_pair("COMANDA")[0], key_pair("COMANDA-OLD")[0]]
    assert station.certificate == key_pair("COMANDA")[0]

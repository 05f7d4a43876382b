"""Certificates, key pairs, stations and partner books made fresh for each test run (never committed)."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from outbound.as2.partners import Partner, PartnerBook, Station

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@functools.cache
def key_pair(name: str, kind: str = "rsa") -> tuple[x509.Certificate, Any]:
    """A self-signed certificate and its key; cached per name, since RSA keys are slow to make."""
    key: Any = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test")]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return certificate, key


def station(as2_id: str, *older: str) -> Station:
    """Our identity `as2_id`, with the key pairs named in `older` still able to decrypt."""
    return Station(as2_id=as2_id, key_pairs=(key_pair(as2_id), *(key_pair(name) for name in older)))


def agreement(us: Station, them: Station, **terms: Any) -> Partner:
    """How `us` sees `them`: their id and current certificate, our station, and the terms."""
    return replace(
        Partner(
            as2_id=them.as2_id, station=us, certificates=(them.certificate,), url="http://127.0.0.1:9/as2"
        ),
        **terms,
    )


def books(ours: str = "COMANDA", theirs: str = "RETAILER", **terms: Any) -> tuple[Partner, Partner]:
    """Both sides of one agreement: (the retailer as we see it, us as the retailer sees us)."""
    us, them = station(ours), station(theirs)
    return agreement(us, them, **terms), agreement(them, us, **terms)


def book_of(*partners: Partner) -> PartnerBook:
    stations = {p.station.as2_id: p.station for p in partners}
    return PartnerBook(stations=stations, partners=partners)


def write_pem(folder: Path, name: str) -> tuple[Path, Path]:
    """The certificate and (unencrypted) key of `name` as PEM files; returns their paths."""
    certificate, key = key_pair(name)
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path

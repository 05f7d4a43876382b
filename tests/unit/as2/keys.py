"""Certificates, key pairs, stations and partner books made fresh for each test run (never committed)."""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from outbound.as2.partners import Partner, PartnerBook, Station
from samples.demo.as2 import self_signed

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@functools.cache
def key_pair(name: str, kind: str = "rsa") -> tuple[x509.Certificate, Any]:
    """A self-signed certificate and its key; cached per name, since RSA keys are slow to make."""
    key: Any = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    certificate = self_signed(key, name, "Test", days=365)
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

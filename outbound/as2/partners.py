"""Trading partners and our stations, as the operator writes them in a TOML file (docs/as2.md).

A station is one of our AS2 identities with its key pairs (the first signs and is the one partners
encrypt for; later ones still decrypt during a certificate change). A partner is the other side: its
AS2 id, its pinned certificates, its URL and what the agreement asks for.
"""

from __future__ import annotations

import enum
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from core.kernel.errors import ConfigError
from outbound.as2.cms import CIPHERS, SIGNING_DIGESTS, digest_name
from outbound.as2.errors import NotForUs, UnknownPartner

KeyPair = tuple[x509.Certificate, Any]


class MdnMode(enum.StrEnum):
    """How the partner wants its receipt for the messages we send."""

    SYNC = "sync"  # in the HTTP response
    ASYNC = "async"  # posted later to our AS2 URL
    NONE = "none"


@dataclass(frozen=True)
class Station:
    """One of our AS2 identities."""

    as2_id: str
    key_pairs: tuple[KeyPair, ...]  # first: the current one

    @property
    def certificate(self) -> x509.Certificate:
        return self.key_pairs[0][0]

    @property
    def key(self) -> Any:
        return self.key_pairs[0][1]


@dataclass(frozen=True)
class Partner:
    """A trading partner and the agreement with it; `station` is the identity we use towards it."""

    as2_id: str
    station: Station
    certificates: tuple[x509.Certificate, ...]  # theirs, pinned; the first is the one we encrypt for
    url: str = ""
    name: str = ""
    edi_ids: tuple[str, ...] = ()  # the EDIFACT ids (UNB) whose answers go to this partner
    sign: bool = True
    encrypt: bool = True
    compress: bool = False
    mdn: MdnMode = MdnMode.SYNC
    mdn_signed: bool = True
    digest: str = "sha256"
    cipher: str = "aes256-cbc"
    require_signature: bool = True
    require_encryption: bool = True
    timeout: float = 60.0
    async_mdn_url: str = ""  # where the partner should post async MDNs: our public AS2 URL


@dataclass(frozen=True)
class PartnerBook:
    """Every station and partner, found by AS2 id or by EDIFACT id."""

    stations: Mapping[str, Station]
    partners: tuple[Partner, ...] = field(default=())

    def station(self, as2_id: str) -> Station:
        if as2_id not in self.stations:
            raise NotForUs(f"AS2-To {as2_id!r} is not one of our AS2 ids")
        return self.stations[as2_id]

    def partner(self, as2_from: str, as2_to: str) -> Partner:
        """The partner sending as `as2_from` to our station `as2_to`."""
        self.station(as2_to)
        for partner in self.partners:
            if partner.as2_id == as2_from and partner.station.as2_id == as2_to:
                return partner
        raise UnknownPartner(f"AS2-From {as2_from!r} is no partner of our station {as2_to!r}")

    def for_edi_id(self, edi_id: str) -> Partner:
        for partner in self.partners:
            if edi_id in partner.edi_ids or edi_id == partner.as2_id:
                return partner
        raise UnknownPartner(f"no AS2 partner answers for EDI id {edi_id!r}")


def load_partners(path: Path, env: Mapping[str, str] | None = None) -> PartnerBook:
    """Read the partner file; relative paths in it are relative to the file. Raises ConfigError."""
    env = os.environ if env is None else env
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    reader = _Reader(path, env)
    stations = {}
    for number, table in enumerate(data.get("station", []), 1):
        station = reader.station(table, f"station #{number}")
        stations[station.as2_id] = station
    if not stations:
        raise ConfigError(f"{path}: no [[station]] (our AS2 id and key pair)")
    partners = tuple(
        reader.partner(table, stations, f"partner #{number}")
        for number, table in enumerate(data.get("partner", []), 1)
    )
    return PartnerBook(stations=stations, partners=partners)


class _Reader:
    def __init__(self, path: Path, env: Mapping[str, str]) -> None:
        self.path = path
        self.env = env

    def fail(self, where: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: {where}: {message}")

    def text(self, table: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or (not value and default is None):
            raise self.fail(where, f"{key} must be a non-empty string")
        return value

    def file(self, name: str, where: str) -> bytes:
        target = self.path.parent / name
        try:
            return target.read_bytes()
        except OSError as exc:
            raise self.fail(where, f"cannot read {target}: {exc.strerror}") from exc

    def certificate(self, name: str, where: str) -> x509.Certificate:
        try:
            return x509.load_pem_x509_certificate(self.file(name, where))
        except ValueError as exc:
            raise self.fail(where, f"{name} is not a PEM certificate") from exc

    def key_pair(self, table: Mapping[str, Any], where: str) -> KeyPair:
        certificate = self.certificate(self.text(table, "certificate", where), where)
        secret_name = table.get("key_password_env")
        password = None
        if secret_name:
            if secret_name not in self.env:
                raise self.fail(
                    where, f"the environment variable {secret_name} (the key's password) is not set"
                )
            password = self.env[secret_name].encode("utf-8")
        try:
            key = load_pem_private_key(self.file(self.text(table, "key", where), where), password)
        except (ValueError, TypeError) as exc:
            raise self.fail(where, f"the key does not load: {exc}") from exc
        if key.public_key() != certificate.public_key():
            raise self.fail(where, "the key does not belong to the certificate")
        return certificate, key

    def station(self, table: Mapping[str, Any], where: str) -> Station:
        as2_id = _as2_id(self.text(table, "as2_id", where), self.fail, where)
        pairs = [self.key_pair(table, where)]
        pairs += [self.key_pair(old, f"{where} previous") for old in table.get("previous", [])]
        return Station(as2_id=as2_id, key_pairs=tuple(pairs))

    def partner(self, table: Mapping[str, Any], stations: Mapping[str, Station], where: str) -> Partner:
        as2_id = _as2_id(self.text(table, "as2_id", where), self.fail, where)
        where = f"partner {as2_id!r}"
        ours = table.get("station") or (next(iter(stations)) if len(stations) == 1 else "")
        if ours not in stations:
            raise self.fail(where, f"station must name one of {sorted(stations)}")
        certificates = tuple(self.certificate(name, where) for name in table.get("certificates", []))
        if not certificates:
            raise self.fail(where, "certificates must list at least one PEM file")
        options = {key: table[key] for key in _OPTIONS if key in table}
        try:
            partner = Partner(as2_id=as2_id, station=stations[ours], certificates=certificates, **options)
        except TypeError as exc:
            raise self.fail(where, str(exc)) from exc
        return self._checked(partner, table, where)

    def _checked(self, partner: Partner, table: Mapping[str, Any], where: str) -> Partner:
        unknown = set(table) - set(_OPTIONS) - {"as2_id", "station", "certificates"}
        if unknown:
            raise self.fail(where, f"unknown setting(s) {sorted(unknown)}")
        try:
            mode = MdnMode(partner.mdn)
        except ValueError as exc:
            raise self.fail(where, "mdn must be sync, async or none") from exc
        digest = digest_name(partner.digest)
        if digest not in SIGNING_DIGESTS:
            raise self.fail(where, f"digest must be one of {list(SIGNING_DIGESTS)}")
        if partner.cipher not in CIPHERS:
            raise self.fail(where, f"cipher must be one of {sorted(CIPHERS)}")
        if (partner.url or mode is MdnMode.ASYNC) and not partner.url.startswith(("http://", "https://")):
            raise self.fail(where, "url must be the partner's http:// or https:// AS2 address")
        if mode is MdnMode.ASYNC and not partner.async_mdn_url.startswith(("http://", "https://")):
            raise self.fail(where, "mdn = async needs async_mdn_url, our own public AS2 address")
        return replace(partner, mdn=mode, digest=digest, edi_ids=tuple(partner.edi_ids))


_OPTIONS = (
    *("url", "name", "edi_ids", "sign", "encrypt", "compress", "mdn", "mdn_signed", "digest", "cipher"),
    *("require_signature", "require_encryption", "timeout", "async_mdn_url"),
)


def _as2_id(value: str, fail: Any, where: str) -> str:
    """RFC 4130 6.2: 1 to 128 printable ASCII characters."""
    if not 1 <= len(value) <= 128 or not all(" " <= ch <= "~" for ch in value):
        raise fail(where, f"AS2 id {value!r} must be 1 to 128 printable ASCII characters")
    return value

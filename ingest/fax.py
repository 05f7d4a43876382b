"""Fax intake: the sidecar a fax server writes beside a received fax, read into the arrival's envelope.

A fax server drops each received fax (TIFF or PDF) into `var/inbox/fax/`, optionally with a sidecar
of the same name (`fax0001.tif` + `fax0001.json`, or `fax0001.tif.json`).  The sidecar is taken with
its fax and never read as a document.  Two forms are understood:

- JSON: {"sender": "+34 912 345 678", "id": "000123", ...}; the number may also be under "caller_id",
  "cid_number", "from", "tsi" or "remote_id", the id under "job_id", "commid" or "fax_id".
- `.info`, "Key: value" lines as HylaFAX's `faxinfo` prints them and a faxrcvd script can save:
  "Sender: +34912345678", "CIDNumber: 912345678", "CommID: 000000123".

The network's caller id is preferred over the sending machine's own id (TSI), which its owner types
in.  Write the sidecar before the fax, or rename both into place: a fax is taken as soon as it stops
changing, with whatever sidecar is there then.  Without a sidecar, the number comes from the fax
header line (see parsers.ocr.faxheader).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from core.capture.domain.documents import InboundDocument
from core.kernel.domain.phone import normalise_phone

log = logging.getLogger(__name__)

SIDECAR_SUFFIXES = (".json", ".info")
MAX_SIDECAR_BYTES = 64 * 1024
# Keys naming the sending number, best first: the network's caller id, then the machine's own id.
NUMBER_KEYS = ("caller_id", "callerid", "cid_number", "cidnumber", "sender", "from", "tsi", "remote_id")
ID_KEYS = ("id", "job_id", "jobid", "commid", "comm_id", "fax_id")


@dataclass(frozen=True)
class FaxMeta:
    """What a sidecar says about its fax."""

    sender: str | None = None
    external_id: str | None = None


def _key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _fields(path: Path) -> dict[str, str]:
    raw = path.read_bytes()[:MAX_SIDECAR_BYTES].decode("utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("the JSON sidecar is not an object")
        return {_key(str(k)): str(v) for k, v in data.items() if isinstance(v, str | int) and str(v).strip()}
    out: dict[str, str] = {}
    for line in raw.splitlines():
        key, sep, value = line.partition(":")
        if sep and value.strip():
            out.setdefault(_key(key), value.strip())
    return out


def read_sidecar(path: Path, default_country: str = "ES") -> FaxMeta:
    """The sending number (normalised where it is a plausible number) and the fax server's id."""
    fields = _fields(path)
    sender = None
    for key in NUMBER_KEYS:
        value = fields.get(key)
        if value:
            sender = normalise_phone(value, default_country) or value[:64]
            if normalise_phone(value, default_country):
                break
    external_id = next((fields[k][:256] for k in ID_KEYS if fields.get(k)), None)
    return FaxMeta(sender=sender, external_id=external_id)


class FaxSidecars:
    """Finds and reads the sidecar of a fax in a watched folder (a folder watcher's companion files)."""

    def __init__(self, default_country: str = "ES") -> None:
        self.default_country = default_country

    def is_sidecar(self, path: Path) -> bool:
        return path.suffix.lower() in SIDECAR_SUFFIXES

    def sidecars_of(self, path: Path) -> list[Path]:
        names = [path.with_suffix(s) for s in SIDECAR_SUFFIXES] + [
            path.with_name(path.name + s) for s in SIDECAR_SUFFIXES
        ]
        return [p for p in dict.fromkeys(names) if p != path and p.is_file()]

    def attach(self, path: Path, doc: InboundDocument) -> tuple[InboundDocument, list[Path]]:
        """The arrival with the sidecar's sender and id, and the sidecars to remove once it is stored.

        A sidecar that cannot be read is left where it is (and logged); the fax is taken anyway.
        """
        taken: list[Path] = []
        for sidecar in self.sidecars_of(path):
            try:
                meta = read_sidecar(sidecar, self.default_country)
            except (OSError, ValueError) as exc:
                log.warning("cannot read the sidecar %s of %s: %s", sidecar, path, exc)
                continue
            doc = replace(
                doc,
                sender=doc.sender or meta.sender,
                external_id=doc.external_id or meta.external_id,
            )
            taken.append(sidecar)
        return doc, taken

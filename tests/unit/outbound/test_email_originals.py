"""The reply's drafting and rendering read the answered e-mail's headers once between them: what was
read of the bytes behind a SHA-256 is kept (those bytes never change), the last few hundred only."""

from __future__ import annotations

import hashlib

from outbound.email.compose import read_original
from outbound.email.reply import _Originals

RAW = (
    b"From: =?utf-8?q?Mar=C3=ADa_Nu=C3=B1ez?= <compras@ferreteria-nunez.es>\r\n"
    b"Subject: =?utf-8?q?Pedido_de_tornillos_urgente_-_a=C3=B1o_2026?=\r\n"
    b"Message-ID: <pedido-7@ferreteria-nunez.es>\r\n"
    b"References: <a@x.es> <b@x.es>\r\n"
    b"\r\n"
    b"10 cajas TOR-M8-40\r\n"
)


class _Blobs:
    def __init__(self, stored: dict[str, bytes]) -> None:
        self.stored = stored
        self.fetched: list[str] = []

    def get(self, sha256: str) -> bytes:
        self.fetched.append(sha256)
        return self.stored[sha256]


class _Uow:
    def __init__(self, blobs: _Blobs) -> None:
        self.blobs = blobs
        self.master = None


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def test_the_headers_are_read_once_and_are_those_of_the_stored_message() -> None:
    blobs = _Blobs({_sha(RAW): RAW})
    originals = _Originals()
    first = originals.read(_Uow(blobs), _sha(RAW))  # type: ignore[arg-type]
    again = originals.read(_Uow(blobs), _sha(RAW))  # type: ignore[arg-type]
    assert blobs.fetched == [_sha(RAW)]
    assert first == again == read_original(RAW)
    assert first.from_name == "María Nuñez"
    assert first.subject == "Pedido de tornillos urgente - año 2026"
    assert first.message_id == "<pedido-7@ferreteria-nunez.es>"


def test_only_the_last_ones_are_kept() -> None:
    raws = [RAW.replace(b"pedido-7", f"pedido-{i}".encode()) for i in range(3)]
    blobs = _Blobs({_sha(r): r for r in raws})
    originals = _Originals(size=2)
    for raw in raws:
        originals.read(_Uow(blobs), _sha(raw))  # type: ignore[arg-type]
    originals.read(_Uow(blobs), _sha(raws[2]))  # type: ignore[arg-type]
    originals.read(_Uow(blobs), _sha(raws[0]))  # type: ignore[arg-type]  # pushed out: read again
    assert blobs.fetched == [_sha(raws[0]), _sha(raws[1]), _sha(raws[2]), _sha(raws[0])]
    assert originals.read(_Uow(blobs), _sha(raws[0])).message_id == "<pedido-0@ferreteria-nunez.es>"  # type: ignore[arg-type]

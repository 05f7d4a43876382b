"""The demo's AS2 trading partner: Ferretería Núñez's AS2 station, as a large retailer runs one.

On the first run the demo makes two key pairs under the data dir (ours, `COMANDA-DEMO`, and the
partner's, `NUNEZ-AS2`) and writes the partner file our AS2 channel reads (`OMS_AS2_PARTNERS`'s
format, docs/as2.md). While the demo runs, the partner's station listens on loopback for our answers
(ORDRSP, DESADV, INVOIC), decrypting them, checking our signature and answering with a signed MDN, and
sends its order as a signed and encrypted ORDERS interchange to our AS2 endpoint. Both sides use
`outbound.as2`'s message layer, each with its own keys and partner book.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from outbound.as2.client import As2Client, Post
from outbound.as2.journal import FileJournal, SentRecord
from outbound.as2.partners import MdnMode, Partner, PartnerBook, Station
from outbound.as2.receiver import As2Arrival, As2Receiver

OURS, THEIRS = "COMANDA-DEMO", "NUNEZ-AS2"
GLN = "8437000100010"  # Ferretería Núñez (C-1001) in the demo master data
US_GLN = "8437000999997"
FOLDER = "demo-as2"  # under the data dir


def self_signed(key: Any, name: str, organisation: str, days: int) -> x509.Certificate:
    """A self-signed certificate for `key` (RSA or EC) as `name`, valid from yesterday for `days` days."""
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def _make_key_pair(folder: Path, name: str) -> None:
    """A key pair as `name`.pem (certificate) and `name`.key, unless there already."""
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    if cert_path.exists() and key_path.exists():
        return
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = self_signed(key, name, "Comanda demo", days=3650)
    folder.mkdir(parents=True, exist_ok=True)
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _station(folder: Path, name: str) -> Station:
    certificate = x509.load_pem_x509_certificate((folder / f"{name}.pem").read_bytes())
    key = serialization.load_pem_private_key((folder / f"{name}.key").read_bytes(), None)
    return Station(name, ((certificate, key),))


def orders_interchange(day: date, reference: str, po: str) -> bytes:
    """Ferretería Núñez's ORDERS over AS2: gloves and a wrench by GTIN, dated `day` (lines of their
    own: the same lines as the folder EDIFACT order would be held as that order sent twice)."""
    delivery = day + timedelta(days=5)
    segments = [
        "UNA:+.? ",
        f"UNB+UNOC:3+{GLN}:14+{US_GLN}:14+{day:%y%m%d}:0900+{reference}++ORDERS",
        "UNH+1+ORDERS:D:96A:UN:EAN008",
        f"BGM+220+{po}+9",
        f"DTM+137:{day:%Y%m%d}:102",
        f"DTM+2:{delivery:%Y%m%d}:102",
        f"NAD+BY+{GLN}::9++Ferretería Núñez S.L.+Calle Mayor 12+Madrid++28013+ES",
        f"NAD+SU+{US_GLN}::9",
        "CUX+2:EUR:9",
        "LIN+1++8437000100171:EN",
        "IMD+F++:::Guantes de nitrilo talla L (caja 100)",
        "QTY+21:2:CT",
        "PRI+AAA:8.50",
        "LIN+2++8437000100195:EN",
        "IMD+F++:::Llave ajustable 250 mm",
        "QTY+21:1:PCE",
        "PRI+AAA:12.80",
        "UNS+S",
        "CNT+2:2",
    ]
    segments.append(f"UNT+{len(segments) - 1}+1")
    segments.append(f"UNZ+1+{reference}")
    return ("'\r\n".join(segments) + "'\r\n").encode("latin-1")


LINES = (("GUA-NIT-L", Decimal(2)), ("LLA-AJ-250", Decimal(1)))


@dataclass
class DemoPartner:
    """Ferretería Núñez's AS2 station: listens on loopback for what we send, and sends its orders to us."""

    folder: Path
    received: list[As2Arrival] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        """Make the key pairs if this is the first run and start listening; returns the station's URL."""
        _make_key_pair(self.folder, OURS)
        _make_key_pair(self.folder, THEIRS)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self._receiver))
        threading.Thread(target=self._server.serve_forever, name="demo-as2-partner", daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}/as2"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def partner_file(self, url: str) -> Path:
        """Our side of the agreement, as the operator writes it: our station and this partner."""
        path = self.folder / "partners.toml"
        path.write_text(
            f'[[station]]\nas2_id = "{OURS}"\ncertificate = "{OURS}.pem"\nkey = "{OURS}.key"\n\n'
            f'[[partner]]\nas2_id = "{THEIRS}"\nname = "Ferretería Núñez (AS2)"\nurl = "{url}"\n'
            f'certificates = ["{THEIRS}.pem"]\nedi_ids = ["{GLN}"]\nmdn = "sync"\n',
            encoding="utf-8",
        )
        return path

    def _us(self, our_url: str) -> Partner:
        """Us, as their station sees us."""
        ours = _station(self.folder, OURS)
        return Partner(OURS, _station(self.folder, THEIRS), (ours.certificate,), our_url, mdn=MdnMode.SYNC)

    def _book(self) -> PartnerBook:
        us = self._us("http://127.0.0.1/as2")
        return PartnerBook({THEIRS: us.station}, (us,))

    def _receiver(self) -> As2Receiver:
        def take(arrival: As2Arrival) -> int:
            self.received.append(arrival)
            return len(self.received)

        return As2Receiver(self._book(), FileJournal(self.folder / "partner-journal"), take, _now)

    def send(self, post: Post, our_url: str, payload: bytes, filename: str) -> SentRecord:
        """Post `payload` to us, signed and encrypted, asking for a signed MDN in the reply."""
        us = self._us(our_url)
        book = PartnerBook({THEIRS: us.station}, (us,))
        client = As2Client(book, FileJournal(self.folder / "partner-journal"), _now, post)
        return client.send(us, payload, filename)


def _now() -> datetime:
    return datetime.now(UTC)


def _handler(receiver: Callable[[], As2Receiver]) -> Any:
    station = receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            reply = station.receive(headers, body)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the demo prints its own steps

    return Handler

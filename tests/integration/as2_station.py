"""A second AS2 station for tests, independent of `outbound.as2`: OpenSSL's `cms` command does every
signature, encryption and verification, http.server speaks HTTP, and the MIME around them is written
here by hand from RFC 4130. Sharing no code with the station under test, a misreading of the RFC on
our side cannot pass by being made twice.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.request
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CRLF = b"\r\n"


def require_openssl() -> None:
    """Skip without the openssl command, except on CI, where its absence is a failure."""
    if shutil.which("openssl") is None:
        message = "the openssl command is not installed (Debian package openssl)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def mic_of(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + ", sha-256"


def split_signed(content_type: str, body: bytes) -> tuple[bytes, bytes]:
    """RFC 2046: each part lies between the CRLF that ends a delimiter line and the CRLF before the next."""
    boundary = re.search(r'boundary="?([^";]+)"?', content_type)
    assert boundary, content_type
    segments = body.split(b"--" + boundary.group(1).encode("ascii"))
    content, signature = (segment[2:-2] for segment in segments[1:3])
    signature_body = signature.split(CRLF + CRLF, 1)[1]
    return content, base64.b64decode(signature_body)


def fields_of(report: bytes) -> dict[str, str]:
    """The Name: value lines of a disposition notification, wherever they stand in the report."""
    found = re.findall(rb"^([A-Za-z-]+): *(.*?)\r?$", report, flags=re.MULTILINE)
    return {name.decode().lower(): value.decode() for name, value in found}


@dataclass
class Received:
    message_id: str
    payload: bytes
    mic: str


@dataclass
class OpenSslStation:
    """One AS2 identity: its certificate and key, the partner it talks to, and what it received."""

    folder: Path
    as2_id: str
    cert: Path
    key: Path
    partner_id: str
    partner_cert: Path
    disposition: str = "processed"  # what its MDNs say; a test may make it refuse
    inbox: list[Received] = field(default_factory=list)
    mdns: dict[str, dict[str, str]] = field(default_factory=dict)  # async MDNs by Original-Message-ID
    sent: list[tuple[dict[str, str], bytes]] = field(default_factory=list)  # what it posted: headers, body
    url: str = ""
    _server: ThreadingHTTPServer | None = None

    def openssl(self, *args: str, data: bytes = b"") -> bytes:
        with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as source:
            source.write(data)
        out = self.folder / f"out-{uuid.uuid4().hex}"
        result = subprocess.run(
            ["openssl", "cms", *args, "-in", source.name, "-out", str(out)], capture_output=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"openssl cms {args[0]} failed: {result.stderr.decode(errors='replace')}")
        return out.read_bytes()

    def sign(self, entity: bytes) -> bytes:
        """An S/MIME multipart/signed (headers and body), CRLF throughout."""
        return self.openssl(
            "-sign",
            "-binary",
            "-crlfeol",
            "-md",
            "sha256",
            "-signer",
            str(self.cert),
            "-inkey",
            str(self.key),
            data=entity,
        )

    def verify_smime(self, content_type: str, body: bytes) -> bytes:
        """Verify a signed S/MIME entity against the partner's certificate; the content that was signed."""
        smime = b"Content-Type: " + content_type.encode() + CRLF + CRLF + body
        return self.openssl(
            "-verify", "-inform", "SMIME", "-CAfile", str(self.partner_cert), "-purpose", "any", data=smime
        )

    def decrypt(self, envelope: bytes) -> bytes:
        """Open a DER EnvelopedData with the station's key; the entity inside, byte for byte."""
        key = ["-recip", str(self.cert), "-inkey", str(self.key)]
        return self.openssl("-decrypt", "-inform", "DER", "-binary", *key, data=envelope)

    # --- receiving -------------------------------------------------------------------------------

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if path == "/mdn":
            report = self.verify_smime(headers["content-type"], body)
            found = fields_of(report)
            self.mdns[found["original-message-id"]] = found
            return 200, {}, b""
        signed = self.decrypt(body)
        head, signed_body = signed.split(CRLF + CRLF, 1)
        content_type = re.search(rb"(?im)^content-type: *(.*)$", head).group(1).decode().strip()  # type: ignore[union-attr]
        content, signature = split_signed(content_type, signed_body)
        with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as part:
            part.write(content)
        self.openssl(
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-content",
            part.name,
            "-CAfile",
            str(self.partner_cert),
            "-purpose",
            "any",
            data=signature,
        )
        message_id = headers["message-id"]
        mic = mic_of(content)
        self.inbox.append(Received(message_id, content.split(CRLF + CRLF, 1)[1], mic))
        mdn_headers, mdn_body = self.mdn(message_id, mic)
        if headers.get("receipt-delivery-option"):
            url = headers["receipt-delivery-option"]
            threading.Thread(target=self.post, args=(url, mdn_headers, mdn_body), daemon=True).start()
            return 200, {}, b""
        return 200, mdn_headers, mdn_body

    def mdn(self, message_id: str, mic: str) -> tuple[dict[str, str], bytes]:
        report = (
            b'Content-Type: multipart/report; report-type=disposition-notification; boundary="rpt"\r\n\r\n'
            b"--rpt\r\nContent-Type: text/plain\r\n\r\nYour message was received.\r\n"
            b"--rpt\r\nContent-Type: message/disposition-notification\r\n\r\n"
            + f"Reporting-UA: openssl-station\r\nOriginal-Recipient: rfc822; {self.as2_id}\r\n"
            f"Final-Recipient: rfc822; {self.as2_id}\r\nOriginal-Message-ID: {message_id}\r\n"
            f"Disposition: automatic-action/MDN-sent-automatically; {self.disposition}\r\n"
            f"Received-Content-MIC: {mic}\r\n".encode()
            + b"\r\n--rpt--\r\n"
        )
        head, body = self.sign(report).split(CRLF + CRLF, 1)
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        headers.update(self.as2_headers())
        return headers, body

    # --- sending ---------------------------------------------------------------------------------

    def as2_headers(self) -> dict[str, str]:
        return {
            "AS2-Version": "1.2",
            "AS2-From": self.as2_id,
            "AS2-To": self.partner_id,
            "Message-ID": f"<{uuid.uuid4().hex}@openssl-station>",
            "Date": formatdate(usegmt=True),
        }

    def send(
        self, url: str, payload: bytes, async_mdn: bool = False
    ) -> tuple[str, str, int, dict[str, str], bytes]:
        """Sign, encrypt and post one EDIFACT payload; returns (Message-ID, the MIC it expects back,
        and the HTTP answer)."""
        entity = (
            b"Content-Type: application/edifact\r\n"
            + b'Content-Disposition: attachment; filename="order.edi"'
        )
        entity += CRLF + CRLF + payload
        envelope = self.openssl(
            "-encrypt",
            "-binary",
            "-aes-256-cbc",
            "-outform",
            "DER",
            "-recip",
            str(self.partner_cert),
            data=self.sign(entity),
        )
        headers = self.as2_headers() | {
            "Subject": "order",
            "MIME-Version": "1.0",
            "Content-Type": 'application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
            "Content-Transfer-Encoding": "binary",
            "Disposition-Notification-To": self.as2_id,
            "Disposition-Notification-Options": (
                "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256"
            ),
        }
        if async_mdn:
            headers["Receipt-Delivery-Option"] = self.url + "/mdn"
        self.sent.append((headers, envelope))
        status, answer_headers, answer = self.post(url, headers, envelope)
        return headers["Message-ID"], mic_of(entity), status, answer_headers, answer

    def post(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()

    # --- serving ---------------------------------------------------------------------------------

    def start(self) -> str:
        station = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    status, answer_headers, answer = station.handle(self.path, headers, body)
                except Exception as exc:
                    status, answer_headers, answer = 500, {}, str(exc).encode()
                self.send_response(status)
                for name, value in answer_headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

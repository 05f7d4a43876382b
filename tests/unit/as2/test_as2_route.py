"""`POST /as2` as the web app serves the AS2 channel's endpoint: the raw body reaches the receiver
untouched, the payload is handed to the intake as an AS2 document, the MDN comes back as the response,
an asynchronous MDN is posted after the response, and oversized bodies are refused."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from core.capture.domain.documents import Channel, InboundDocument
from outbound.as2.channel import As2Channel
from outbound.as2.client import HttpReply
from outbound.as2.journal import FileJournal
from outbound.as2.mdn import read_mdn
from outbound.as2.message import build_message
from outbound.as2.partners import MdnMode
from tests.unit.as2.keys import NOW, book_of, books
from web.routes.channels import endpoint_router

ORDERS = b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'"

Posted = list[tuple[str, Mapping[str, str], bytes]]


class Intake:
    """The host the channel is opened with: keeps what is submitted, settles nothing."""

    def __init__(self) -> None:
        self.documents: list[InboundDocument] = []

    def submit(self, doc: InboundDocument) -> int:
        self.documents.append(doc)
        return len(self.documents)

    def settle(self, message_id: int, delivered: bool, detail: str) -> None:
        raise AssertionError("nothing was sent, nothing is settled")


def serve(tmp_path: Path, posted: Posted, max_bytes: int | None = None, **terms: object):
    retailer, retailer_side = books(**terms)

    def post(url: str, headers: Mapping[str, str], body: bytes, timeout: float) -> HttpReply:
        posted.append((url, headers, body))
        return HttpReply(200, {}, b"")

    channel = As2Channel(book_of(retailer), FileJournal(tmp_path), lambda: NOW, post=post)
    intake = Intake()
    channel.open(intake)
    [endpoint] = channel.endpoints()
    api = FastAPI()
    api.include_router(endpoint_router(replace(endpoint, max_bytes=max_bytes or endpoint.max_bytes)))
    return TestClient(api), retailer_side, intake.documents


def test_the_mdn_is_the_response_and_the_payload_an_as2_document(tmp_path: Path) -> None:
    client, retailer_side, documents = serve(tmp_path, [])
    message = build_message(retailer_side, ORDERS, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert response.status_code == 200
    receipt = read_mdn(dict(response.headers), response.content, retailer_side)
    assert receipt.processed and receipt.mic == message.mic
    [doc] = documents
    assert (doc.channel, doc.content, doc.external_id) == (Channel.AS2, ORDERS, message.message_id)
    assert (doc.sender, doc.original_name) == ("RETAILER", "o.edi")


def test_an_asynchronous_mdn_is_posted_after_an_empty_response(tmp_path: Path) -> None:
    posted: Posted = []
    client, retailer_side, _ = serve(
        tmp_path, posted, mdn=MdnMode.ASYNC, async_mdn_url="https://retailer.test/mdn"
    )
    message = build_message(retailer_side, ORDERS, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert (response.status_code, response.content) == (200, b"")
    [(url, headers, body)] = posted
    assert url == "https://retailer.test/mdn"
    assert read_mdn(headers, body, retailer_side).original_message_id == message.message_id


def test_a_body_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    client, retailer_side, documents = serve(tmp_path, [], max_bytes=1000)
    message = build_message(retailer_side, ORDERS * 50, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert response.status_code == 413
    assert documents == []


def test_a_post_without_as2_headers_is_a_bad_request(tmp_path: Path) -> None:
    client, _, documents = serve(tmp_path, [])
    response = client.post("/as2", content=b"hello", headers={"Content-Type": "text/plain"})
    assert response.status_code == 400
    assert "not an AS2 message" in response.text
    assert documents == []

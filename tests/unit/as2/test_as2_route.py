"""`POST /as2` as FastAPI serves it: the raw body reaches the receiver untouched, the MDN comes back
as the response, an asynchronous MDN is posted after the response, and oversized bodies are refused."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from outbound.as2.journal import FileJournal
from outbound.as2.mdn import read_mdn
from outbound.as2.message import Outgoing, build_message
from outbound.as2.partners import MdnMode
from outbound.as2.receiver import As2Arrival, As2Receiver
from tests.unit.as2.keys import NOW, book_of, books
from web.routes import as2 as route

ORDERS = b"UNA:+.? 'UNB+UNOC:3+8400000000001:14+8437000100010:14+261126:0930+77'"


def serve(tmp_path: Path, posted: list[tuple[str, Outgoing]], **terms: object):
    retailer, retailer_side = books(**terms)
    arrivals: list[As2Arrival] = []
    receiver = As2Receiver(book_of(retailer), FileJournal(tmp_path), arrivals.append, lambda: NOW)
    api = FastAPI()
    api.include_router(route.as2_router(receiver, lambda url, mdn: posted.append((url, mdn))))
    return TestClient(api), retailer_side, arrivals


def test_the_mdn_is_the_response(tmp_path: Path) -> None:
    client, retailer_side, arrivals = serve(tmp_path, [])
    message = build_message(retailer_side, ORDERS, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert response.status_code == 200
    receipt = read_mdn(dict(response.headers), response.content, retailer_side)
    assert receipt.processed and receipt.mic == message.mic
    assert [a.payload for a in arrivals] == [ORDERS]


def test_an_asynchronous_mdn_is_posted_after_an_empty_response(tmp_path: Path) -> None:
    posted: list[tuple[str, Outgoing]] = []
    client, retailer_side, _ = serve(
        tmp_path, posted, mdn=MdnMode.ASYNC, async_mdn_url="https://retailer.test/mdn"
    )
    message = build_message(retailer_side, ORDERS, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert (response.status_code, response.content) == (200, b"")
    [(url, mdn)] = posted
    assert url == "https://retailer.test/mdn"
    assert read_mdn(mdn.headers, mdn.body, retailer_side).original_message_id == message.message_id


def test_a_body_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(route, "MAX_MESSAGE_BYTES", 1000)
    client, retailer_side, arrivals = serve(tmp_path, [])
    message = build_message(retailer_side, ORDERS * 50, filename="o.edi", now=NOW)

    response = client.post("/as2", content=message.body, headers=message.headers)

    assert response.status_code == 413
    assert arrivals == []


def test_a_post_without_as2_headers_is_a_bad_request(tmp_path: Path) -> None:
    client, _, _ = serve(tmp_path, [])
    response = client.post("/as2", content=b"hello", headers={"Content-Type": "text/plain"})
    assert response.status_code == 400
    assert "not an AS2 message" in response.text

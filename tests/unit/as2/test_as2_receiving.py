"""Receiving over AS2, our receiver against the partner's client: nothing acknowledged before it is
stored, nothing taken twice, and every refusal named in a signed MDN."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from outbound.as2.journal import SentState
from outbound.as2.mdn import read_mdn
from outbound.as2.message import build_message
from outbound.as2.partners import MdnMode
from tests.unit.as2.keys import NOW, agreement, station
from tests.unit.as2.network import ORDERS, Network, pair


def test_a_message_is_stored_before_its_mdn_says_processed(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)

    record = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")

    assert record.state is SentState.DELIVERED
    assert record.detail == "automatic-action/MDN-sent-automatically; processed"
    [arrival] = us.arrivals
    assert (arrival.payload, arrival.message_id, arrival.filename) == (
        ORDERS,
        record.message_id,
        "ORDERS_77.edi",
    )
    assert (arrival.partner, arrival.station, arrival.edi_ids) == ("RETAILER", "COMANDA", ("8400000000001",))
    taken = us.journal.received("RETAILER", record.message_id)
    assert taken is not None and taken.reference == "1" and taken.mic == record.mic


def test_when_storing_fails_the_mdn_says_so_and_the_partner_s_next_try_is_taken(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path)
    us.failures = 1

    failed = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")
    again = them.client.send(them.partner, ORDERS, "ORDERS_77.edi")

    assert failed.state is SentState.FAILED
    assert failed.detail.endswith("processed/error: unexpected-processing-error")
    assert us.journal.received("RETAILER", failed.message_id) is None  # not on record: not taken
    assert again.state is SentState.DELIVERED
    assert [a.message_id for a in us.arrivals] == [again.message_id]


def test_a_repeated_message_is_answered_again_but_handed_over_once(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    first = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)
    rebuilt = build_message(them.partner, ORDERS, filename="o.edi", now=NOW, message_id=first.message_id)

    replies = [us.receiver.receive(m.headers, m.body) for m in (first, first, rebuilt)]

    receipts = [read_mdn(r.headers, r.body, them.partner) for r in replies]
    assert [r.processed for r in receipts] == [True, True, True]
    assert {r.mic for r in receipts} == {first.mic}
    assert len(us.arrivals) == 1


def test_a_message_id_reused_for_other_content_is_refused(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    first = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)
    other = build_message(them.partner, ORDERS + b"X", filename="o.edi", now=NOW, message_id=first.message_id)

    us.receiver.receive(first.headers, first.body)
    reply = us.receiver.receive(other.headers, other.body)

    assert read_mdn(reply.headers, reply.body, them.partner).error == "duplicate-message-id"
    assert [a.payload for a in us.arrivals] == [ORDERS]


def test_a_sender_we_do_not_know_gets_a_signed_refusal(network: Network, tmp_path: Path) -> None:
    us, _ = pair(network, tmp_path)
    stranger = agreement(station("STRANGER"), us.partner.station)

    message = build_message(stranger, ORDERS, filename="o.edi", now=NOW)
    reply = us.receiver.receive(message.headers, message.body)

    receipt = read_mdn(
        reply.headers, reply.body, replace(stranger, certificates=(us.partner.station.certificate,))
    )
    assert receipt.signed and receipt.error == "unknown-trading-partner"
    assert us.arrivals == []


def test_a_message_for_an_as2_id_we_do_not_have_is_a_bad_request(network: Network, tmp_path: Path) -> None:
    us, them = pair(network, tmp_path)
    message = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)

    reply = us.receiver.receive({**message.headers, "AS2-To": "SOMEONE-ELSE"}, message.body)

    assert reply.status == 400 and b"SOMEONE-ELSE" in reply.body


def test_a_message_that_fails_its_checks_is_answered_synchronously_even_if_async_was_asked(
    network: Network, tmp_path: Path
) -> None:
    us, them = pair(network, tmp_path, mdn=MdnMode.ASYNC)
    impostor = replace(
        them.partner, station=replace(them.partner.station, key_pairs=(station("X").key_pairs[0],))
    )
    message = build_message(impostor, ORDERS, filename="o.edi", now=NOW)

    reply = us.receiver.receive(message.headers, message.body)

    assert reply.async_url is None
    assert read_mdn(reply.headers, reply.body, them.partner).error == "authentication-failed"


def test_a_message_that_breaks_the_reader_still_gets_an_mdn(
    network: Network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    us, them = pair(network, tmp_path)
    message = build_message(them.partner, ORDERS, filename="o.edi", now=NOW)

    def broken(*args: object) -> None:
        raise IndexError("a case no check foresaw")

    monkeypatch.setattr("outbound.as2.receiver.open_message", broken)
    reply = us.receiver.receive(message.headers, message.body)

    assert reply.status == 200
    assert read_mdn(reply.headers, reply.body, them.partner).error == "unexpected-processing-error"
    assert us.arrivals == []

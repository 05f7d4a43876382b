"""MDNs: what we send says processed or the error, carries the MIC and is signed when asked; what
we read must be the partner's, unaltered, and is judged by its disposition."""

from __future__ import annotations

from dataclasses import replace

import pytest

from outbound.as2.errors import AuthenticationFailed, MalformedMessage
from outbound.as2.mdn import build_mdn, disposition_error, is_mdn, read_mdn, same_mic
from outbound.as2.message import Envelope, MdnRequest, build_message, read_envelope
from outbound.as2.mime import entity_from, parse_entity, split_multipart
from tests.unit.as2.keys import NOW, books, key_pair

MIC = "q1w2e3r4t5y6u7i8o9p0AbCdEfGhIjKlMnOpQrStUvw=, sha-256"


def envelope() -> Envelope:
    """The envelope of a message the retailer sent us, asking for a signed MDN."""
    _, retailer_side = books()
    return read_envelope(build_message(retailer_side, b"UNA:+.? '", filename="o.edi", now=NOW).headers)


def test_a_processed_mdn_is_signed_names_the_message_and_returns_the_mic() -> None:
    retailer, us = books()
    original = envelope()

    mdn = build_mdn(retailer.station, original, mic=MIC, error=None, detail="thank you", now=NOW)

    assert mdn.headers["Content-Type"].startswith("multipart/signed")
    assert (mdn.headers["AS2-From"], mdn.headers["AS2-To"]) == ("COMANDA", "RETAILER")
    assert is_mdn(mdn.headers, mdn.body)
    receipt = read_mdn(mdn.headers, mdn.body, us)
    assert receipt.signed and receipt.processed
    assert receipt.original_message_id == original.message_id
    assert receipt.disposition == "automatic-action/MDN-sent-automatically; processed"
    assert receipt.mic == MIC
    assert receipt.message_id == mdn.message_id != original.message_id


def test_the_report_has_a_human_part_and_a_disposition_notification() -> None:
    retailer, _ = books()
    original = envelope()
    mdn = build_mdn(retailer.station, original, mic=MIC, error="decryption-failed", detail="Año: no", now=NOW)

    signed = entity_from({"Content-Type": mdn.headers["Content-Type"]}, mdn.body)
    report = parse_entity(split_multipart(signed)[0])
    human, machine = (parse_entity(part) for part in split_multipart(report))

    assert (
        report.content_type == "multipart/report"
        and report.param("report-type") == "disposition-notification"
    )
    assert human.content_type == "text/plain" and "Año: no".encode() in human.body
    assert machine.content_type == "message/disposition-notification"
    assert (
        b"Disposition: automatic-action/MDN-sent-automatically; processed/error: decryption-failed\r\n"
        in machine.body
    )
    assert b"Final-Recipient: rfc822; COMANDA\r\n" in machine.body
    assert f"Original-Message-ID: {original.message_id}\r\n".encode() in machine.body


def test_an_unsigned_mdn_when_none_was_asked_for_signed() -> None:
    retailer, us = books(mdn_signed=False)
    original = envelope()
    original = replace(original, mdn=MdnRequest(signed=False, digests=(), url=None))

    mdn = build_mdn(retailer.station, original, mic=None, error=None, detail="ok", now=NOW)

    assert mdn.headers["Content-Type"].startswith("multipart/report")
    receipt = read_mdn(mdn.headers, mdn.body, us)
    assert not receipt.signed and receipt.mic is None and receipt.processed


def test_an_unsigned_mdn_where_the_agreement_wants_it_signed_is_refused() -> None:
    retailer, us = books()
    original = envelope()
    original = replace(original, mdn=MdnRequest(signed=False, digests=(), url=None))
    mdn = build_mdn(retailer.station, original, mic=MIC, error=None, detail="ok", now=NOW)

    with pytest.raises(AuthenticationFailed, match="unsigned MDN"):
        read_mdn(mdn.headers, mdn.body, us)


def test_an_altered_mdn_or_one_signed_by_a_stranger_is_refused() -> None:
    retailer, us = books()
    original = envelope()
    mdn = build_mdn(retailer.station, original, mic=MIC, error="decryption-failed", detail="no", now=NOW)
    altered = mdn.body.replace(b"processed/error: decryption-failed", b"processed                         ")
    with pytest.raises(AuthenticationFailed):
        read_mdn(mdn.headers, altered, us)

    stranger = replace(retailer.station, key_pairs=(key_pair("STRANGER"),))
    forged = build_mdn(stranger, original, mic=MIC, error=None, detail="ok", now=NOW)
    with pytest.raises(AuthenticationFailed, match="not the partner's"):
        read_mdn(forged.headers, forged.body, us)


def test_a_message_is_no_mdn() -> None:
    _, us = books(encrypt=False)
    message = build_message(us, b"UNA:+.? '", filename="o.edi", now=NOW)
    assert not is_mdn(message.headers, message.body)


def test_a_report_without_a_disposition_is_malformed() -> None:
    _, us = books(mdn_signed=False)
    body = b"--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n"
    with pytest.raises(MalformedMessage, match="disposition-notification"):
        read_mdn({"Content-Type": 'multipart/report; boundary="b"'}, body, us)


@pytest.mark.parametrize(
    ("disposition", "error"),
    [
        ("automatic-action/MDN-sent-automatically; processed", None),
        ("automatic-action/MDN-sent-automatically; processed/warning: duplicate-document", None),
        (
            "automatic-action/MDN-sent-automatically; processed/error: authentication-failed",
            "authentication-failed",
        ),
        (
            "automatic-action/MDN-sent-automatically; processed/Error: unknown-trading-partner",
            "unknown-trading-partner",
        ),
        (
            "automatic-action/MDN-sent-automatically; failed/Failure: sender-equals-receiver",
            "failed/Failure: sender-equals-receiver",
        ),
        ("manual-action/MDN-sent-manually; denied", "denied"),
    ],
)
def test_only_processed_without_an_error_counts_as_delivered(disposition: str, error: str | None) -> None:
    assert disposition_error(disposition) == error


def test_mics_compare_by_value_and_algorithm_whatever_the_spelling() -> None:
    assert same_mic("abc=, sha-256", "abc= ,sha256")
    assert not same_mic("abc=, sha-256", "abc=, sha-384")
    assert not same_mic("abc=, sha-256", "abd=, sha-256")
    assert not same_mic("abc=, sha-256", None)

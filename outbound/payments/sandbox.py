"""A card processor sandbox that behaves like a real one, behind
`core.billing.services.payments.PaymentGateway`.

It keeps its own state in an SQLite file of its own (as a processor keeps its own books): cards by
token, authorisations with what was captured and refunded of them, the money that moved, and the
answer to every idempotency key.  The same key again returns the first answer and moves nothing,
across threads, processes and restarts; the same key with other parameters is refused.

Only test card numbers are taken (any expiry in the future):

    4242 4242 4242 4242   Visa, approved             5555 5555 5555 4444   Mastercard, approved
    4000 0000 0000 0002   declined: card_declined    4000 0000 0000 9995   declined: insufficient_funds
    4000 0000 0000 0069   declined: expired_card     4000 0000 0000 0341   authorised; captures declined
    4000 0000 0000 0119   the first attempt of every call fails (processor unavailable); a retry answers
    4000 0000 0000 0259   the first attempt of every call is carried out but its answer is lost (a
                          timeout); a retry with the same key gets the answer, and nothing twice
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.billing.domain.payments import CardToken, GatewayResult
from core.kernel.domain.money import from_minor, to_minor
from core.kernel.errors import GatewayUnavailable, PaymentError

TEST_CARDS: dict[str, tuple[str, str]] = {
    "4242424242424242": ("visa", "approve"),
    "5555555555554444": ("mastercard", "approve"),
    "4000000000000002": ("visa", "card_declined"),
    "4000000000009995": ("visa", "insufficient_funds"),
    "4000000000000069": ("visa", "expired_card"),
    "4000000000000341": ("visa", "capture_declined"),
    "4000000000000119": ("visa", "processing_error"),
    "4000000000000259": ("visa", "lost_response"),
}
_DECLINES = {"card_declined", "insufficient_funds", "expired_card"}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (token TEXT PRIMARY KEY, brand TEXT, last4 TEXT, behaviour TEXT,
    exp_month INTEGER, exp_year INTEGER, created_at TEXT);
CREATE TABLE IF NOT EXISTS authorisations (id TEXT PRIMARY KEY, token TEXT, currency TEXT,
    amount INTEGER, captured INTEGER DEFAULT 0, refunded INTEGER DEFAULT 0, state TEXT, created_at TEXT);
CREATE TABLE IF NOT EXISTS movements (id TEXT PRIMARY KEY, authorisation TEXT, kind TEXT,
    amount INTEGER, currency TEXT, idempotency_key TEXT, created_at TEXT);
CREATE TABLE IF NOT EXISTS answers (idempotency_key TEXT PRIMARY KEY, fingerprint TEXT, answer TEXT);
CREATE TABLE IF NOT EXISTS attempts (idempotency_key TEXT PRIMARY KEY, count INTEGER);
"""


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


class SandboxProcessor:
    """The sandbox; `path` is its state file (kept beside the system's data, like a processor's books)."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.path = path
        self.clock = clock
        self._ready = False  # the file is made on first use, not when the system is wired

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=30)) as db:
                db.executescript(_SCHEMA)
            self._ready = True
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.close()

    # -- cards ---------------------------------------------------------------------------------
    def tokenise(self, number: str, expiry_month: int, expiry_year: int) -> CardToken:
        digits = "".join(ch for ch in number if ch.isdigit())
        if not 12 <= len(digits) <= 19 or not luhn_ok(digits):
            raise PaymentError("that is not a card number")
        if digits not in TEST_CARDS:
            raise PaymentError("the sandbox takes test card numbers only (4242 4242 4242 4242, …)")
        if not 1 <= expiry_month <= 12:
            raise PaymentError(f"expiry month {expiry_month} is not a month")
        brand, behaviour = TEST_CARDS[digits]
        token = "tok_" + uuid.uuid4().hex[:24]
        with self._tx() as db:
            db.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)",
                (token, brand, digits[-4:], behaviour, expiry_month, expiry_year % 100 + 2000, self._now()),
            )
        return CardToken(token, brand, digits[-4:])

    # -- the calls -----------------------------------------------------------------------------
    def authorise(
        self, token: str, amount: Decimal, currency: str, *, idempotency_key: str, description: str = ""
    ) -> GatewayResult:
        def work(db: sqlite3.Connection) -> dict[str, Any]:
            card = db.execute(
                "SELECT behaviour, exp_month, exp_year FROM cards WHERE token = ?", (token,)
            ).fetchone()
            if card is None:
                return _declined(amount, currency, "invalid_token", "no such card")
            behaviour, month, year = card
            now = self.clock()
            if behaviour in _DECLINES or (year, month) < (now.year, now.month):
                code = behaviour if behaviour in _DECLINES else "expired_card"
                return _declined(amount, currency, code, "the card issuer declined")
            ref = "auth_" + uuid.uuid4().hex[:20]
            db.execute(
                "INSERT INTO authorisations (id, token, currency, amount, state, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (ref, token, currency, to_minor(amount, currency), "authorised", self._now()),
            )
            return _approved(ref, amount, currency)

        return self._once(idempotency_key, ("authorise", token, str(amount), currency), token, work)

    def capture(
        self, authorisation: str, amount: Decimal, currency: str, *, idempotency_key: str, final: bool = False
    ) -> GatewayResult:
        def work(db: sqlite3.Connection) -> dict[str, Any]:
            auth = self._authorisation(db, authorisation)
            if auth is None or auth["state"] != "authorised":
                return _declined(amount, currency, "not_capturable", "nothing authorised to capture")
            if self._behaviour(db, auth["token"]) == "capture_declined":
                return _declined(amount, currency, "card_declined", "the card issuer declined the capture")
            minor = to_minor(amount, currency)
            if currency != auth["currency"] or minor > auth["amount"] - auth["captured"]:
                return _declined(
                    amount, currency, "amount_too_large", "more than is left of the authorisation"
                )
            state = "captured" if final or minor == auth["amount"] - auth["captured"] else "authorised"
            db.execute(
                "UPDATE authorisations SET captured = captured + ?, state = ? WHERE id = ?",
                (minor, state, authorisation),
            )
            return self._moved(db, authorisation, "capture", minor, currency, idempotency_key)

        args = ("capture", authorisation, str(amount), currency, str(final))
        return self._once(idempotency_key, args, self._token_of(authorisation), work)

    def void(self, authorisation: str, *, idempotency_key: str) -> GatewayResult:
        def work(db: sqlite3.Connection) -> dict[str, Any]:
            auth = self._authorisation(db, authorisation)
            if auth is None or auth["state"] != "authorised":
                return _declined(Decimal(0), "EUR", "not_voidable", "nothing authorised to release")
            db.execute("UPDATE authorisations SET state = 'voided' WHERE id = ?", (authorisation,))
            left = from_minor(auth["amount"] - auth["captured"], auth["currency"])
            return _approved(authorisation, left, auth["currency"])

        return self._once(idempotency_key, ("void", authorisation), self._token_of(authorisation), work)

    def refund(
        self, authorisation: str, amount: Decimal, currency: str, *, idempotency_key: str
    ) -> GatewayResult:
        def work(db: sqlite3.Connection) -> dict[str, Any]:
            auth = self._authorisation(db, authorisation)
            minor = to_minor(amount, currency)
            if auth is None or currency != auth["currency"] or minor > auth["captured"] - auth["refunded"]:
                return _declined(
                    amount, currency, "amount_too_large", "more than was captured and not refunded"
                )
            db.execute(
                "UPDATE authorisations SET refunded = refunded + ? WHERE id = ?", (minor, authorisation)
            )
            return self._moved(db, authorisation, "refund", minor, currency, idempotency_key)

        args = ("refund", authorisation, str(amount), currency)
        return self._once(idempotency_key, args, self._token_of(authorisation), work)

    # -- what moved (the processor's statement) ------------------------------------------------
    def movements(self, authorisation: str | None = None) -> list[dict[str, Any]]:
        with self._tx() as db:
            sql = "SELECT id, authorisation, kind, amount, currency, idempotency_key FROM movements"
            if authorisation:
                sql += " WHERE authorisation = ?"
            rows = db.execute(sql + " ORDER BY rowid", (authorisation,) if authorisation else ()).fetchall()
        keys = ("id", "authorisation", "kind", "amount", "currency", "idempotency_key")
        out = [dict(zip(keys, r, strict=True)) for r in rows]
        for row in out:
            row["amount"] = from_minor(row["amount"], row["currency"])
        return out

    def authorisation(self, reference: str) -> dict[str, Any] | None:
        with self._tx() as db:
            return self._authorisation(db, reference)

    # -- machinery -----------------------------------------------------------------------------
    def _once(
        self,
        key: str,
        args: tuple[str, ...],
        token: str | None,
        work: Callable[[sqlite3.Connection], dict[str, Any]],
    ) -> GatewayResult:
        """Answer a keyed call once: a repeat gets the stored answer; the test cards' faults apply to
        the first attempt of each key."""
        fingerprint = hashlib.sha256("\x1f".join(args).encode()).hexdigest()
        with self._tx() as db:
            db.execute(
                "INSERT INTO attempts VALUES (?, 1)"
                " ON CONFLICT(idempotency_key) DO UPDATE SET count = count + 1",
                (key,),
            )
            attempt = db.execute("SELECT count FROM attempts WHERE idempotency_key = ?", (key,)).fetchone()[0]
        behaviour = self._behaviour_of_token(token)
        if behaviour == "processing_error" and attempt == 1:
            raise GatewayUnavailable("sandbox: processing error, nothing was done; try again")
        with self._tx() as db:
            row = db.execute(
                "SELECT fingerprint, answer FROM answers WHERE idempotency_key = ?", (key,)
            ).fetchone()
            if row is not None:
                if row[0] != fingerprint:
                    raise PaymentError(f"idempotency key {key} was used for another request")
                answer = json.loads(row[1])
            else:
                answer = work(db)
                db.execute("INSERT INTO answers VALUES (?, ?, ?)", (key, fingerprint, json.dumps(answer)))
        if behaviour == "lost_response" and attempt == 1:
            raise GatewayUnavailable("sandbox: timed out waiting for the answer (the call was carried out)")
        return GatewayResult(
            approved=answer["approved"],
            reference=answer["reference"],
            amount=Decimal(answer["amount"]),
            currency=answer["currency"],
            code=answer.get("code"),
            message=answer.get("message", ""),
        )

    def _moved(
        self, db: sqlite3.Connection, authorisation: str, kind: str, minor: int, currency: str, key: str
    ) -> dict[str, Any]:
        ref = ("cap_" if kind == "capture" else "re_") + uuid.uuid4().hex[:20]
        db.execute(
            "INSERT INTO movements VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ref, authorisation, kind, minor, currency, key, self._now()),
        )
        return _approved(ref, from_minor(minor, currency), currency)

    @staticmethod
    def _authorisation(db: sqlite3.Connection, ref: str) -> dict[str, Any] | None:
        row = db.execute(
            "SELECT id, token, currency, amount, captured, refunded, state FROM authorisations WHERE id = ?",
            (ref,),
        ).fetchone()
        keys = ("id", "token", "currency", "amount", "captured", "refunded", "state")
        return dict(zip(keys, row, strict=True)) if row else None

    @staticmethod
    def _behaviour(db: sqlite3.Connection, token: str) -> str | None:
        row = db.execute("SELECT behaviour FROM cards WHERE token = ?", (token,)).fetchone()
        return str(row[0]) if row else None

    def _token_of(self, authorisation: str) -> str | None:
        with self._tx() as db:
            row = db.execute("SELECT token FROM authorisations WHERE id = ?", (authorisation,)).fetchone()
        return str(row[0]) if row else None

    def _behaviour_of_token(self, token: str | None) -> str | None:
        if token is None:
            return None
        with self._tx() as db:
            return self._behaviour(db, token)

    def _now(self) -> str:
        return self.clock().isoformat()


def _approved(reference: str, amount: Decimal, currency: str) -> dict[str, Any]:
    return {"approved": True, "reference": reference, "amount": str(amount), "currency": currency}


def _declined(amount: Decimal, currency: str, code: str, message: str) -> dict[str, Any]:
    return {
        "approved": False,
        "reference": "",
        "amount": str(amount),
        "currency": currency,
        "code": code,
        "message": message,
    }

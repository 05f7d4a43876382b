"""The project's exception tree; every error Comanda raises on purpose is one of these.

ComandaError
├── ConfigError          bad settings or environment
├── InputError           input we cannot take at all (unreadable file, bad arguments)
├── ParseError           a document could not be read into orders
│   └── EnvelopeError    an EDIFACT interchange too broken to find its messages
├── MasterDataError      a master-data CSV row is invalid
├── NotFound             a requested record does not exist
├── NotPermitted         the acting user's role (or being the one who asked) does not allow the step
├── LifecycleError       an order, stock or shipping step that cannot be done as asked
│   ├── IllegalTransition    the order's state does not allow the step
│   ├── StockError           the step would break the stock books (negative stock, unknown place)
│   └── NoCarrier            no carrier service suits the goods and the destination
├── Undeliverable        the far end refused an outbound message for good (it is failed, not retried)
├── BillingError         a payment, invoice, return or ledger step that cannot be done as asked
│   ├── PaymentError         the card processor refused the request itself (not a decline)
│   └── UnbalancedEntry      a journal entry whose debits and credits differ
├── SalesError           a prospect or quote step that cannot be done as asked
└── TransientError       a temporary failure; the job should be retried
    └── GatewayUnavailable   the card processor did not answer; retry with the same idempotency key
"""

from __future__ import annotations


class ComandaError(Exception):
    """Root of every error Comanda raises on purpose."""


class ConfigError(ComandaError):
    """The settings or the environment are not usable."""


class InputError(ComandaError):
    """Input that cannot be taken at all, such as an unreadable file."""


class ParseError(ComandaError):
    """A document could not be read into orders."""


class EnvelopeError(ParseError):
    """An EDIFACT interchange is too broken to find its messages."""


class MasterDataError(ComandaError):
    """A master-data row is invalid."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message if row is None else f"row {row}: {message}")
        self.row = row


class NotFound(ComandaError):
    """A requested record does not exist."""


class NotPermitted(ComandaError):
    """The acting user's role does not allow the step, or the user may not approve their own request."""


class LifecycleError(ComandaError):
    """An order, stock or shipping step that cannot be done as asked."""


class IllegalTransition(LifecycleError):
    """The order's state does not allow the step asked for."""

    def __init__(self, message: str, *, order_id: int | None = None, state: str | None = None) -> None:
        super().__init__(message)
        self.order_id = order_id
        self.state = state


class StockError(LifecycleError):
    """The step would break the stock books: negative stock, an unknown warehouse or location."""


class NoCarrier(LifecycleError):
    """No carrier service suits the goods and the destination."""


class Undeliverable(ComandaError):
    """The far end refused an outbound message for good: the message is marked failed, not retried."""


class BillingError(ComandaError):
    """A payment, invoice, return or ledger step that cannot be done as asked."""


class PaymentError(BillingError):
    """The card processor refused the request itself (bad card number, key reused for another call)."""


class UnbalancedEntry(BillingError):
    """A journal entry whose debits and credits differ, or that is malformed."""


class SalesError(ComandaError):
    """A prospect or quote step that cannot be done as asked (a sent quote changed, an expired one taken)."""


class TransientError(ComandaError):
    """A temporary failure (database busy, broker away); retrying may succeed."""


class GatewayUnavailable(TransientError):
    """The card processor did not answer (or its answer was lost); retry with the same idempotency key."""

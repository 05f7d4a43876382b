"""Purchasing's errors, under the project's root (`core.kernel.errors`).

ComandaError
└── PurchasingError          a purchasing step that cannot be done as asked
    └── IllegalPoTransition  the purchase order's state does not allow the step
"""

from __future__ import annotations

from core.kernel.errors import ComandaError


class PurchasingError(ComandaError):
    """A purchasing step that cannot be done as asked (unknown supplier, bad quantity, ...)."""


class IllegalPoTransition(PurchasingError):
    """The purchase order's state does not allow the step asked for."""

"""Remembered answers of the reader's pure per-text functions (a token's key, whether it is a number,
its readings): one document asks about the same few hundred texts in every pass over its pages, and a
run of documents shares most labels and headings.

Each remembered function keeps at most `SIZE` answers (least recently used go first), so a long-running
worker's memory stays bounded; `clear` forgets them all (benchmarks start every round cold with it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

SIZE = 8192  # answers per function: several documents' worth of distinct words and lines

F = TypeVar("F", bound=Callable[..., Any])
_REMEMBERED: list[Any] = []


def remembered(func: F) -> F:
    """`func` with its answers remembered; only for functions of hashable arguments without side effects
    whose answer is immutable (a caller must not be able to change what the next caller gets)."""
    cached = lru_cache(maxsize=SIZE)(func)
    _REMEMBERED.append(cached)
    return cached  # type: ignore[return-value]


def clear() -> None:
    """Forget every remembered answer."""
    for cached in _REMEMBERED:
        cached.cache_clear()


def held() -> int:
    """How many answers are remembered, over all functions."""
    return sum(cached.cache_info().currsize for cached in _REMEMBERED)

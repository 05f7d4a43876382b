"""Clerks needed to keep the review queue under its SLA, from the orders expected in an hour: the
Erlang C queue (orders arrive at random, each clerk settles one at a time)."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Sla:
    """`share` of the orders must be taken by a clerk within `wait_minutes`; a review takes
    `handle_minutes` on average."""

    wait_minutes: float = 15.0
    share: float = 0.8
    handle_minutes: float = 4.0
    basis: str = "set"  # where handle_minutes came from, as the page and the API say it


@dataclass(frozen=True)
class SlaSettings:
    """The SLA as configured (OMS_REVIEW_SLA_MINUTES, _SHARE, _HANDLE_MINUTES); handle_minutes None:
    measured on the recent corrected orders."""

    wait_minutes: float = 15.0
    share: float = 0.8
    handle_minutes: float | None = None


def erlang_c(clerks: int, load: float) -> float:
    """The probability an arriving order has to wait, with `load` = arrival rate x handling time."""
    if clerks <= load:
        return 1.0
    term, total = 1.0, 1.0
    for k in range(1, clerks):
        term *= load / k
        total += term
    last = term * load / clerks * clerks / (clerks - load)
    return last / (total + last)


def within_sla(clerks: int, per_hour: float, sla: Sla) -> float:
    """The share of orders taken within the SLA's wait with this many clerks."""
    load = per_hour * sla.handle_minutes / 60
    if clerks <= load:
        return 0.0
    waiting = erlang_c(clerks, load)
    return 1 - waiting * math.exp(-(clerks - load) * sla.wait_minutes / sla.handle_minutes)


def clerks_needed(per_hour: float, sla: Sla) -> int:
    """The fewest clerks that meet the SLA for `per_hour` orders to review (0 when none come)."""
    if per_hour <= 0:
        return 0
    clerks = max(1, math.ceil(per_hour * sla.handle_minutes / 60))
    while within_sla(clerks, per_hour, sla) < sla.share:
        clerks += 1
    return clerks

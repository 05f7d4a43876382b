"""Clerks for the review queue: Erlang C worked out by hand for a small case."""

import math

import pytest

from core.forecasting.domain.staffing import Sla, clerks_needed, erlang_c, within_sla


def test_erlang_c_by_hand() -> None:
    # 12 orders an hour, 4 minutes each: 0.8 erlang. Two clerks:
    # A^2/2! * 2/(2-A) = 0.32 * 1.6667 = 0.5333; over 1 + 0.8 + 0.5333: 0.2286
    assert erlang_c(2, 0.8) == pytest.approx(0.5333 / 2.3333, abs=1e-3)
    assert erlang_c(1, 0.8) == pytest.approx(0.8)  # one server: waits with probability rho
    assert erlang_c(1, 1.2) == 1.0  # overloaded: everyone waits


def test_clerks_for_the_sla() -> None:
    sla = Sla(wait_minutes=15, share=0.8, handle_minutes=4)
    # one clerk: 1 - 0.8 * exp(-(1 - 0.8) * 15 / 4) = 0.622, short of 80 %; two: 0.9975
    assert within_sla(1, 12, sla) == pytest.approx(1 - 0.8 * math.exp(-0.75), abs=1e-6)
    assert clerks_needed(12, sla) == 2
    assert clerks_needed(0, sla) == 0
    # 60 an hour at 4 minutes is 4 erlang: at least 5 clerks, more as the wait shrinks
    assert clerks_needed(60, sla) >= 5
    assert clerks_needed(60, Sla(wait_minutes=1, share=0.95, handle_minutes=4)) > clerks_needed(60, sla)


def test_erlang_c_three_clerks_by_hand() -> None:
    # 30 orders an hour, 4 minutes each: 2 erlang. Three clerks:
    # A^3/3! * 3/(3-2) = 8/6 * 3 = 4; 1 + 2 + 2^2/2 = 5; so 4 / (5 + 4) = 0.4444
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)
    sla = Sla(wait_minutes=15, share=0.8, handle_minutes=4)
    # two clerks on 2 erlang never catch up; three take 1 - 4/9 * exp(-(3-2) * 15/4) = 98.96 % in time
    assert within_sla(2, 30, sla) == 0.0
    assert within_sla(3, 30, sla) == pytest.approx(1 - 4 / 9 * math.exp(-3.75), abs=1e-9)
    assert clerks_needed(30, sla) == 3
    # 6 an hour (0.4 erlang): one clerk takes 1 - 0.4 * exp(-0.6 * 3.75) = 95.8 % within 15 minutes
    assert clerks_needed(6, sla) == 1

"""The fax bench's line-date figure (bench.line_dates), on truths and reads written here.

The rule, written out: only documents that print a delivery date on each line count; there, each line
is right when the order read carries, at that line's position, the date printed on it; a line not read
counts as wrong; documents printing no line dates add nothing."""

from __future__ import annotations

from typing import Any

from bench.line_dates import line_dates, prints_line_dates, summary, tally


def truth(dates: list[str | None], delivery_in: str = "per_line") -> dict[str, Any]:
    lines = [{"line_no": str(n), "requested_delivery_date": d} for n, d in enumerate(dates, start=1)]
    return {"params": {"delivery_in": delivery_in}, "lines": lines}


def read(dates: list[str | None]) -> dict[str, Any]:
    return {"lines": [{"requested_delivery_date": d} for d in dates]}


def test_each_line_counts_right_only_with_its_own_date() -> None:
    want = truth(["2026-12-14", "2026-12-21", "2026-12-28"])
    assert line_dates(want, read(["2026-12-14", "2026-12-22", "2026-12-28"])) == (2, 3)
    assert line_dates(want, read(["2026-12-21", "2026-12-14", "2026-12-28"])) == (1, 3)  # swapped


def test_a_line_not_read_counts_as_wrong() -> None:
    assert line_dates(truth(["2026-12-14", "2026-12-21"]), read(["2026-12-14"])) == (1, 2)
    assert line_dates(truth(["2026-12-14"]), {"lines": []}) == (0, 1)


def test_a_document_printing_its_delivery_date_once_is_not_judged() -> None:
    once = truth([None, None], delivery_in="field")
    assert not prints_line_dates(once)
    assert line_dates(once, read(["2026-12-14", None])) == (0, 0)


def test_the_tally_keeps_families_and_the_sum_and_leaves_out_undated_ones() -> None:
    cases = [
        ("erp_ruled", truth(["2026-12-14", "2026-12-21"]), {"orders": [read(["2026-12-14", None])]}),
        ("erp_ruled", truth(["2026-12-14"]), {"orders": []}),  # nothing read: its line is wrong
        ("letter", truth(["2026-12-09"]), {"orders": [read(["2026-12-09"])]}),
        ("us_po", truth([None], delivery_in="prose"), {"orders": [read([None])]}),
    ]
    counts = tally(cases)
    assert counts == {"erp_ruled": (1, 3), "letter": (1, 1), "all": (2, 4)}
    assert "line dates right 2/4" in summary(counts, "fine faxes")
    assert "erp_ruled 1/3" in summary(counts, "fine faxes")


def test_no_dated_document_says_so() -> None:
    assert "no document prints a date per line" in summary(tally([]), "normal faxes")

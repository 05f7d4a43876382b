"""The fax bench's garbled headings: only the words of the table headings the reader finds lose their
letters; the rows, the header fields and the pages' other words stay as read."""

from __future__ import annotations

from bench.garbled_headings import garbled
from tests.unit.parsers.ocr_support import HEADING, order, row


def test_only_the_table_headings_lose_their_letters() -> None:
    page = order([row("TOR-M8-40", "250", "0,18", "45,00"), row("TUE-M8", "222", "0,05", "11,10")])
    (after,) = garbled([page])
    changed = {(a.text, b.text) for a, b in zip(page.words, after.words, strict=True) if a.text != b.text}
    assert {a for a, _ in changed} == {text for _, text in HEADING}
    assert ("Descripción", "xxxxxxxxxxx") in changed and ("Ud.", "xx.") in changed

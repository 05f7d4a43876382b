"""The lexer's fast split and pydifact's tokenizer read every segment without release characters alike."""

from __future__ import annotations

import pytest

from parsers.edifact.charset import decode
from parsers.edifact.lexer import Lexer
from parsers.edifact.scan import chunks, find_start, strip_bom
from tests.conftest import SHARED_EDIFACT, require_shared, shared_edifact_files


@pytest.mark.parametrize("name", shared_edifact_files())
def test_split_and_tokenizer_agree_on_every_plain_segment(name: str) -> None:
    require_shared()
    data = strip_bom((SHARED_EDIFACT / name).read_bytes())
    start = find_start(data)
    assert start is not None
    compared = 0
    for chunk in chunks(data, start):
        lexer = Lexer(chunk.chars)
        release = chunk.chars.release
        for seg in lexer.segments(decode(chunk.body, chunk.syntax_id).text):
            if not seg.terminated or (release and release in seg.raw):
                continue
            fast, slow = lexer._split(seg.raw), lexer._tokenize(seg.raw)
            assert (fast.tag, fast.elements, fast.error) == (slow.tag, slow.elements, slow.error), seg.raw
            compared += 1
    assert compared > 5


def test_released_characters_go_through_the_tokenizer() -> None:
    data = b"UNA:+.? 'UNB+UNOC:3+S+R+240101:1200+1'NAD+BY+1::9++A?+A K?:lte'"
    start = find_start(data)
    assert start == 0
    [chunk] = list(chunks(data, start))
    segs = list(Lexer(chunk.chars).segments(decode(chunk.body, chunk.syntax_id).text))
    nad = segs[-1]
    assert nad.tag == "NAD" and nad.get(3) == "A+A K:lte"

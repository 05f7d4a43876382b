"""Words into text lines: each word joins the line at its height whose nearest word or middle stands
there (`group_lines`), and a row the grouping parted is put back together (`_rejoin`).
"""

from __future__ import annotations

import bisect
import statistics

from parsers.layout.words import Tok

SAME_ROW = 0.3  # of a word's height: words overlapping across this close in height share a row
LOOKBACK = 12  # lines above a word that it may still belong to (specks and short lines come between)


def _median_of_sorted(values: list[float]) -> float:
    """`statistics.median` of values already in order (the same arithmetic, without sorting again)."""
    n = len(values)
    if n % 2:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2


def group_lines(toks: list[Tok]) -> list[list[Tok]]:
    """Words into text lines: each word joins the line whose nearest word (across), or whose middle,
    stands at its height.

    The nearest word keeps a label and its value together when two columns of text sit a little apart
    in height (an address beside "Delivery date: ..."); the middle, when that word is a speck.
    """
    lines: list[list[Tok]] = []
    boxes: list[list[tuple[float, float, float, float]]] = []  # each line's words as (x0, x1, cy, h)
    heights: list[list[float]] = []  # each line's word middles, kept sorted for its median
    middles: list[float] = []  # each line's median height, kept as words join it
    lowest: list[float] = []  # each line's lowest word middle (words come in order of height)
    for tok in sorted(toks, key=lambda t: (t.cy, t.x0)):
        chosen, best = None, 0.0
        x0, x1, cy, h = tok.x0, tok.x1, tok.cy, tok.h
        for i in range(len(lines) - 1, max(-1, len(lines) - LOOKBACK), -1):
            if cy - lowest[i] > 0.5 * h:
                continue  # every word of that line, and its middle, stand too far above to join
            near, gap = None, 0.0  # the line's word nearest across (the first of equals)
            for w in boxes[i]:
                a, b, c, d = w
                if a < x1 and x0 < b and abs(c - cy) > SAME_ROW * d:
                    break  # a word in the same place across: another row (one at its very height is a speck)
                g = max(a - x1, x0 - b)
                if near is None or g < gap:
                    near, gap = w, g
            else:  # no word of the line stands in the way
                if near is None:
                    continue
                off = min(abs(cy - near[2]), abs(cy - middles[i]))
                if off <= 0.5 * min(h, near[3]) and (chosen is None or off < best):
                    chosen, best = i, off
        if chosen is None:
            lines.append([tok])
            boxes.append([(x0, x1, cy, h)])
            heights.append([cy])
            middles.append(cy)
            lowest.append(cy)
        else:
            lines[chosen].append(tok)
            lowest[chosen] = max(lowest[chosen], cy)
            boxes[chosen].append((x0, x1, cy, h))
            bisect.insort(heights[chosen], cy)
            middles[chosen] = _median_of_sorted(heights[chosen])
    return _rejoin([sorted(line, key=lambda t: t.x0) for line in lines])


def _rejoin(lines: list[list[Tok]]) -> list[list[Tok]]:
    """Lines that are one row the grouping parted, as one: a speck a little above a fax row (an "i"
    over a streak read "ú") began a line that the row's right half, a hair higher for the skew left
    over, joined, while its left half, under the speck, began another; the row's quantity and code
    were then a line without its price and amount, and the order line was lost."""
    out: list[list[Tok]] = []
    for line in lines:
        for prev in reversed(out[-3:]):
            if _one_row(prev, line):
                prev.extend(line)
                prev.sort(key=lambda t: t.x0)
                break
        else:
            out.append(line)
    return out


def _one_row(a: list[Tok], b: list[Tok]) -> bool:
    """Whether two lines' words (specks of one character aside) stand side by side at one height,
    none of them over another."""
    solid_a, solid_b = [t for t in a if len(t.text) > 1], [t for t in b if len(t.text) > 1]
    if not solid_a or not solid_b:
        return False
    h = min(statistics.median(t.h for t in solid_a), statistics.median(t.h for t in solid_b))
    if (
        abs(statistics.median(t.cy for t in solid_a) - statistics.median(t.cy for t in solid_b))
        > SAME_ROW * h
    ):
        return False
    return all(t.x1 <= u.x0 or u.x1 <= t.x0 for t in solid_a for u in solid_b)

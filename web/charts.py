"""Bar charts drawn on the server as SVG (the pages' CSP runs no inline script or style): one bar per
row, the longest the largest value, each bar a link to the orders behind it where there is one."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

MAX_BARS = 25
ROW = 22
LABEL_WIDTH = 180
BAR_WIDTH = 420


def bar_chart(points: Sequence[tuple[str, Decimal, str | None]], title: str) -> Markup:
    """Horizontal bars; negative values are drawn as empty bars with their figure beside them."""
    shown = list(points[:MAX_BARS])
    if not shown:
        return Markup("")
    top = max((v for _, v, _ in shown), default=Decimal(0))
    height = ROW * len(shown) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 110
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, value, link) in enumerate(shown):
        y = 4 + i * ROW
        length = int(BAR_WIDTH * value / top) if top > 0 and value > 0 else 0
        bar = (
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{ROW - 6}">'
            f"<title>{escape(label)}: {escape(str(value))}</title></rect>"
        )
        if link:
            bar = f'<a href="{escape(link)}">{bar}</a>'
        parts.append(
            f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + ROW - 10}" text-anchor="end">'
            f"{escape(label[:28])}</text>{bar}"
            f'<text class="figure" x="{LABEL_WIDTH + length + 6}" y="{y + ROW - 10}">'
            f"{escape(str(value))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text and link in it went through escape()

"""HTML bodies: sanitised for people to look at, and flattened into text for reading orders.

Sanitising (nh3, the Ammonia sanitiser) keeps formatting and tables but drops scripts, styles, event
handlers, forms and remote images (which would tell the sender when a clerk opens the mail).
Flattening skips what is quoted from earlier messages (blockquotes, Gmail and Outlook quote blocks).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

_ALLOWED = frozenset(nh3.ALLOWED_TAGS) - {"img"}
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "dd",
        "dt",
    ]
)
_CELLS = frozenset({"td", "th"})
_INVISIBLE = frozenset({"script", "style", "head", "title", "template", "noscript", "object", "iframe"})
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
_BLANKS = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_QUOTE_MARKS = ("gmail_quote", "divrplyfwdmsg", "moz-cite-prefix", "yahoo_quoted", "appendonsend")


def sanitise(html: str) -> str:
    """Safe HTML to show in the review screen."""
    return nh3.clean(html, tags=set(_ALLOWED), link_rel="noopener noreferrer nofollow")


def to_text(html: str) -> str:
    """The visible text, one line per block or table row, cells separated by ' | '."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    lines = (_BLANKS.sub(" ", ln).strip(" |") for ln in "".join(flattener.out).splitlines())
    text = "\n".join(ln.strip() for ln in lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip: list[str] = []  # open elements whose content is not shown (or is quoted)
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        marks = " ".join((v or "") for k, v in attrs if k in ("class", "id")).lower()
        if tag in _INVISIBLE or tag == "blockquote" or any(m in marks for m in _QUOTE_MARKS):
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _BLOCKS:
            self.out.append("\n")
            self._cell = False
        elif tag in _CELLS:
            self.out.append(" | " if self._cell else "")
            self._cell = True

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(data.replace("\n", " "))

"""Near-valid EDIFACT for the fuzzing suite: interchanges the sample generator writes, taken apart into
segments, elements and components, then mutated and written back with drawn separators and encodings.

The fuzz reaches the reader's hard paths (UNA, release characters, envelope counts, repertoires) only
when most of the input still looks like an interchange; pure random bytes stop at the first check.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from samples import edifact_gen
from tests.conftest import SAMPLES

Segment = list[list[str]]  # elements, each a list of components; the tag is element 0

# ISO 9735's default service characters in UNA order: component, data, decimal, release, (reserved), end
DEFAULT_CHARS = (":", "+", ".", "?", " ", "'")
# characters an interchange may choose as separators (a UNA may name almost any)
SEPARATOR_POOL = ":+?'*|~^!#;\\/\x1c\x1d\x1f&@"
SYNTAX_IDS = ("UNOA", "UNOB", "UNOC", "UNOD", "UNOW", "UNOY", "UNOX", "IATA", "UNOZ", "XXXX")
ENCODINGS = ("latin-1", "utf-8", "cp1252", "utf-16-le", "ascii")
BOMS = (b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
TAGS = ("UNH", "UNT", "UNG", "UNE", "UNZ", "UNB", "BGM", "DTM", "NAD", "LIN", "QTY", "PRI", "CNT", "UNS")


def split_segments(text: str) -> list[Segment]:
    """The segments of an interchange written with the default separators (release character "?"),
    values unescaped."""
    text = text.replace("\r", "").replace("\n", "")
    if text.startswith("UNA"):
        text = text[9:]
    segments: list[Segment] = []
    seg: Segment = [[]]
    value: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "?":
            value.append(next(chars, ""))
        elif ch in ":+'":
            seg[-1].append("".join(value))
            value = []
            if ch == "+":
                seg.append([])
            elif ch == "'":
                segments.append(seg)
                seg = [[]]
        else:
            value.append(ch)
    return segments


@dataclass(frozen=True)
class Chars:
    component: str
    data: str
    decimal: str
    release: str
    end: str

    def una(self) -> str:
        return f"UNA{self.component}{self.data}{self.decimal}{self.release} {self.end}"

    def escape(self, value: str) -> str:
        special = {self.component, self.data, self.release, self.end}
        return "".join(self.release + ch if ch in special else ch for ch in value)


def write(segments: list[Segment], chars: Chars, *, una: bool, escape: bool = True, newline: str = "") -> str:
    """The segments as text in the given separators; values escaped with the release character."""
    out = [chars.una() + newline] if una else []
    for seg in segments:
        elements = [
            chars.component.join(chars.escape(c) if escape else c for c in element) for element in seg
        ]
        out.append(chars.data.join(elements) + chars.end + newline)
    return "".join(out)


def _seed_texts() -> list[str]:
    return [(SAMPLES / "edifact" / "demo-orders.edi").read_bytes().decode("latin-1")]


@st.composite
def interchanges(draw: st.DrawFn) -> list[Segment]:
    """A valid interchange's segments: from the generator (1-3 messages of 1-4 lines) or the demo file."""
    if draw(st.integers(0, 4)) == 0:
        return split_segments(draw(st.sampled_from(_seed_texts())))
    raw = edifact_gen.orders_interchange(
        messages=draw(st.integers(1, 3)),
        lines=draw(st.integers(1, 4)),
        control_ref=draw(st.from_regex(r"[0-9A-Z]{1,14}", fullmatch=True)),
        ack=draw(st.booleans()),
    )
    return split_segments(raw.decode("latin-1"))


# values the mutations put into elements: ordinary text, accents, separators, release characters
VALUE = st.one_of(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-", max_size=20),
    st.text(alphabet="áéíóúñÑçÇ€ü?:+'*", max_size=10),
    st.text(max_size=12),
    st.sampled_from(["", "0", "-1", "1E5", "9" * 40, "1,5", "NaN", "Infinity", "20261301", "99999999"]),
)


@st.composite
def segment(draw: st.DrawFn) -> Segment:
    tag = draw(st.sampled_from(TAGS) | st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=0, max_size=4))
    elements = draw(st.lists(st.lists(VALUE, min_size=1, max_size=4), max_size=6))
    return [[tag], *elements]


@st.composite
def mutated_segments(draw: st.DrawFn, segments: list[Segment]) -> list[Segment]:
    """Drop, duplicate, move, insert and alter segments; wrong UNT/UNZ counts come out of all of these."""
    segs = [list(map(list, s)) for s in segments]
    for _ in range(draw(st.integers(0, 4))):
        if not segs:
            break
        i = draw(st.integers(0, len(segs) - 1))
        action = draw(st.sampled_from(["drop", "dup", "move", "insert", "element", "count"]))
        if action == "drop":
            del segs[i]
        elif action == "dup":
            segs.insert(i, list(segs[i]))
        elif action == "move":
            segs.insert(draw(st.integers(0, len(segs) - 1)), segs.pop(i))
        elif action == "insert":
            segs.insert(i, draw(segment()))
        elif action == "element" and len(segs[i]) > 1:
            j = draw(st.integers(1, len(segs[i]) - 1))
            segs[i][j] = draw(st.lists(VALUE, min_size=1, max_size=3))
        elif action == "count" and segs[i][0][0] in ("UNT", "UNZ", "UNE", "CNT") and len(segs[i]) > 1:
            segs[i][1] = [str(draw(st.integers(-2, 10**12)))]
    return segs


@st.composite
def service_chars(draw: st.DrawFn) -> Chars:
    """Five distinct service characters; the defaults half of the time."""
    if draw(st.booleans()):
        return Chars(*DEFAULT_CHARS[:4], DEFAULT_CHARS[5])
    picked = draw(st.lists(st.sampled_from(SEPARATOR_POOL), min_size=4, max_size=4, unique=True))
    decimal = draw(st.sampled_from(".,"))
    if decimal in picked:
        decimal = "."
        if decimal in picked:
            decimal = ","
    component, data, release, end = picked
    return Chars(component, data, decimal, release, end)


@st.composite
def near_valid_edifact(draw: st.DrawFn) -> bytes:
    """An interchange mutated at the segment level, written with drawn separators, syntax identifier,
    encoding and BOM, then perhaps truncated or sprinkled with random bytes."""
    segs = draw(mutated_segments(draw(interchanges())))
    if segs and segs[0][0][0] == "UNB" and len(segs[0]) > 1 and draw(st.booleans()):
        segs[0][1] = [draw(st.sampled_from(SYNTAX_IDS)), draw(st.sampled_from(["1", "2", "3", "4", "x"]))]
    chars = draw(service_chars())
    text = write(
        segs,
        chars,
        una=draw(st.integers(0, 5)) > 0,
        escape=draw(st.integers(0, 5)) > 0,
        newline=draw(st.sampled_from(["", "", "\r\n", "\n"])),
    )
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(st.sampled_from(BOMS)) + text.encode(encoding, errors="replace")
    return draw(byte_damage(data))


@st.composite
def byte_damage(draw: st.DrawFn, data: bytes) -> bytes:
    """Truncation, random bytes written over or slipped in, junk before the start; often none."""
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["none", "truncate", "overwrite", "insert", "prefix"]))
        at = draw(st.integers(0, len(data)))
        if kind == "truncate":
            data = data[:at]
        elif kind == "overwrite":
            junk = draw(st.binary(min_size=1, max_size=8))
            data = data[:at] + junk + data[at + len(junk) :]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
        elif kind == "prefix":
            data = draw(st.binary(max_size=32)) + data
    return data

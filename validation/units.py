"""Units of measure as documents write them, sorted into kinds, so a box is never taken for a piece, and
the unit of master data a line's written unit names (`unit_named`)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from validation.lookalike import HALF, slips

# The words and codes for each kind of unit: UN/ECE rec. 20 and EANCOM codes, and the words and
# abbreviations buyers write in Spanish, English, Portuguese, French, German and Italian (accents off,
# as `fold` leaves them: "Stück" is STUCK, "pièces" PIECES, "boîte" BOITE). A word two kinds could
# mean stays out ("MT": metre or metric ton; "UND": Spanish units or German "and").
KINDS: dict[str, frozenset[str]] = {
    "piece": frozenset(
        {
            # codes and English
            *("C62", "H87", "NAR", "EA", "EACH", "PCE", "PCS", "PC", "PIECE", "PIECES"),
            *("ITEM", "ITEMS", "UNIT", "UNITS"),
            # Spanish
            *("UD", "UDS", "U", "UN", "UNID", "UNIDAD", "UNIDADES", "PZ", "PZA", "PZAS", "PIEZA", "PIEZAS"),
            # Portuguese and French
            *("UNIDADE", "PECA", "PECAS", "PCA", "UNITE", "UNITES"),
            # German and Italian
            *("ST", "STK", "STCK", "STUCK", "STUECK", "PEZZO", "PEZZI", "NR", "UNITA"),
        }
    ),
    "box": frozenset(
        {
            *("BOX", "BOXES", "BX", "CT", "CTN", "CTNS", "CARTON", "CARTONS", "CS", "CASE", "CASES"),
            *("PK", "PACK", "PACKS"),
            *("CAJ", "CAJA", "CAJAS", "CJ", "CJS", "PAQ", "PAQUETE", "PAQUETES"),
            *("CX", "CAIXA", "CAIXAS", "PACOTE", "PACOTES", "BOITE", "BOITES", "PAQUET", "PAQUETS"),
            *("KAR", "KARTON", "KARTONS", "KTN", "SCHACHTEL", "SCHACHTELN", "PAKET", "PAKETE"),
            *("CF", "CONF", "CONFEZIONE", "CONFEZIONI", "SCATOLA", "SCATOLE", "CARTONE", "CARTONI"),
        }
    ),
    "kilogram": frozenset(
        {
            *("KG", "KGS", "KGM", "KILO", "KILOS", "KILOGRAM", "KILOGRAMS", "KILOGRAMO", "KILOGRAMOS"),
            *("QUILO", "QUILOS", "QUILOGRAMA", "QUILOGRAMAS", "KILOGRAMME", "KILOGRAMMES", "KILOGRAMM"),
            *("CHILO", "CHILI", "CHILOGRAMMO", "CHILOGRAMMI"),
        }
    ),
    "metre": frozenset(
        {"M", "MTR", "METRO", "METROS", "METRE", "METRES", "METER", "METERS", "METRI"},
    ),
    "litre": frozenset(
        {"L", "LT", "LTR", "LITRO", "LITROS", "LITRE", "LITRES", "LITER", "LITERS", "LITRI"},
    ),
    "roll": frozenset(
        {"RO", "ROLLO", "ROLLOS", "ROLL", "ROLLS", "ROLO", "ROLOS", "ROULEAU", "ROULEAUX"}
        | {"ROLLE", "ROLLEN", "ROTOLO", "ROTOLI"}
    ),
    "pallet": frozenset(
        {"PAL", "PALE", "PALES", "PALET", "PALETS", "PALLET", "PALLETS", "PX", "PLT", "PALETE", "PALETES"}
        | {"PALETTE", "PALETTEN", "BANCALE", "BANCALI"}
    ),
}
# A fax's slips are forgiven a word of at least this many characters, and only when every unit word that
# close is of one kind: a single letter ("M", "L", "U") has no shape left to tell a slip by. A short
# word may be one look-alike character off ("E4" for EA, "K6" for KG), a word of `MIN_LONG` characters
# or more one character of any shape (an umlaut's u read as an i: "STICK" for STÜCK), as for codes
# (validation.lookalike).
MIN_LOOKALIKE = 2
MIN_LONG = 5
_MARKS = " .,;:'\"`´‘’“”"
_WORDS = tuple((word, kind) for kind, words in KINDS.items() for word in words if len(word) >= MIN_LOOKALIKE)


# A unit word is folded and told its kind for every line and check that looks at it, and orders write
# the same few dozen words: the answers are kept (each a function of the word alone).
WORDS_KEPT = 1024


@lru_cache(maxsize=WORDS_KEPT)
def fold(unit: str) -> str:
    """A unit as written, without accents, case, or the stops, commas and quotes specks made around it:
    "Cajas." -> "CAJAS"."""
    return unicodedata.normalize("NFKD", unit).encode("ascii", "ignore").decode().upper().strip(_MARKS)


@lru_cache(maxsize=WORDS_KEPT)
def kind_of(unit: str | None) -> str | None:
    """The kind of a unit as written ("cajas" -> box, "PCE" -> piece); None when not known."""
    if not unit:
        return None
    folded = fold(unit)
    for kind, words in KINDS.items():
        if folded in words:
            return kind
    return None


def looks_like(unit: str | None) -> str | None:
    """The kind of a unit word no kind knows as written but a fax may have spoilt by one look-alike
    character ("E4" for EA, "PC5" for PCS, "K6" for KG; a longer word by one of any shape, "STICK" for
    STÜCK): the one kind of every unit word that close; None when no word is, or words of two kinds are."""
    folded = fold(unit or "")
    if len(folded) < MIN_LOOKALIKE or kind_of(folded):
        return None
    limit = 1.0 if len(folded) >= MIN_LONG else HALF
    near = {
        kind for word, kind in _WORDS if abs(len(word) - len(folded)) <= 1 and slips(folded, word) <= limit
    }
    return next(iter(near)) if len(near) == 1 else None


def unit_named(read: str | None, unit: str) -> str | None:
    """The unit of master data (`unit`: the product's, or the pack's the line was ordered in) when the
    unit read names it: written the same, or a word of the same kind ("PEZZI" or "E4" for EA, "KAR"
    for CAJ); else the unit as read (a unit of another kind is a mismatch for a person to settle, not
    a reading to put right, and a word nobody knows stays as printed)."""
    if not read:
        return read
    if fold(read) == fold(unit):
        return unit
    kind = kind_of(read) or looks_like(read)
    return unit if kind is not None and kind == kind_of(unit) else read

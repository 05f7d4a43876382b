"""Units of measure as documents write them, sorted into kinds, so a box is never taken for a piece."""

from __future__ import annotations

import unicodedata

# The words and codes (UN/ECE rec. 20, EANCOM, Spanish and English usage) for each kind of unit.
KINDS: dict[str, frozenset[str]] = {
    "piece": frozenset(
        {
            "UD",
            "UDS",
            "U",
            "UN",
            "UNID",
            "UNIDAD",
            "UNIDADES",
            "PZ",
            "PZA",
            "PZAS",
            "PIEZA",
            "PIEZAS",
            "PCE",
            "PCS",
            "PC",
            "EA",
            "EACH",
            "ITEM",
            "ITEMS",
            "C62",
            "H87",
            "NAR",
            "ST",
            "STK",
        }
    ),
    "box": frozenset(
        {
            "CAJ",
            "CAJA",
            "CAJAS",
            "CJ",
            "BOX",
            "BOXES",
            "BX",
            "CT",
            "CTN",
            "CARTON",
            "CS",
            "CASE",
            "CASES",
            "PK",
            "PACK",
            "PAQ",
            "PAQUETE",
            "PAQUETES",
        }
    ),
    "kilogram": frozenset({"KG", "KGS", "KGM", "KILO", "KILOS"}),
    "metre": frozenset({"M", "MTR", "METRO", "METROS", "METRE", "METRES"}),
    "litre": frozenset({"L", "LT", "LTR", "LITRO", "LITROS", "LITRE", "LITRES"}),
    "roll": frozenset({"RO", "ROLLO", "ROLLOS", "ROLL", "ROLLS"}),
    "pallet": frozenset({"PAL", "PALE", "PALES", "PALET", "PALETS", "PALLET", "PALLETS", "PX"}),
}


def fold(unit: str) -> str:
    """A unit as written, without accents, case or stops: "Cajas." -> "CAJAS"."""
    return unicodedata.normalize("NFKD", unit).encode("ascii", "ignore").decode().upper().strip(" .")


def kind_of(unit: str | None) -> str | None:
    """The kind of a unit as written ("cajas" -> box, "PCE" -> piece); None when not known."""
    if not unit:
        return None
    folded = fold(unit)
    for kind, words in KINDS.items():
        if folded in words:
            return kind
    return None

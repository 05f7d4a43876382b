"""VAT: the rate and category of a supply from the product's VAT class and where the goods go.

Sales are made from Spain.  Where the transport ends decides the regime:

- peninsula and Balearic Islands: Spanish VAT at the product's rate (21 %, 10 %, 4 % or exempt);
- another EU member state, buyer with a VAT number: exempt intra-Community supply, the buyer
  accounts for the VAT (art. 25 LIVA, art. 138 of Directive 2006/112/EC), 0 %;
- another EU member state, buyer without a VAT number: Spanish VAT (the distance-selling threshold
  and the OSS scheme are not modelled);
- outside the EU, and the Canary Islands, Ceuta and Melilla (outside the EU VAT area): export,
  exempt (art. 21 LIVA), 0 %.

VAT is worked out per rate over the sum of the document's line nets at that rate and rounded there
(a rounding point of `core.kernel.domain.money`), as Spanish invoices show it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core.kernel.domain.money import ZERO, round_money

EU_MEMBERS = frozenset(
    {
        *("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"),
        *("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"),
    }
)
# Spanish postal prefixes outside the EU VAT area: Las Palmas, Santa Cruz de Tenerife, Ceuta, Melilla
_OUTSIDE_VAT_AREA = ("35", "38", "51", "52")
HOME = "ES"


class VatClass(enum.StrEnum):
    """What a product is for VAT; the rate follows from the class and the country."""

    GENERAL = "general"
    REDUCED = "reduced"
    SUPER_REDUCED = "super_reduced"
    EXEMPT = "exempt"


SPANISH_RATES: dict[VatClass, Decimal] = {
    VatClass.GENERAL: Decimal(21),
    VatClass.REDUCED: Decimal(10),
    VatClass.SUPER_REDUCED: Decimal(4),
    VatClass.EXEMPT: ZERO,
}
_ALIASES = {
    "general": VatClass.GENERAL,
    "standard": VatClass.GENERAL,
    "21": VatClass.GENERAL,
    "reduced": VatClass.REDUCED,
    "reducido": VatClass.REDUCED,
    "10": VatClass.REDUCED,
    "super_reduced": VatClass.SUPER_REDUCED,
    "superreducido": VatClass.SUPER_REDUCED,
    "super-reduced": VatClass.SUPER_REDUCED,
    "4": VatClass.SUPER_REDUCED,
    "exempt": VatClass.EXEMPT,
    "exento": VatClass.EXEMPT,
    "0": VatClass.EXEMPT,
}


def parse_vat_class(text: str | None) -> VatClass | None:
    """A VAT class from master data: its name, the Spanish name, or the Spanish rate ("21", "10 %")."""
    if text is None or not text.strip():
        return None
    key = text.strip().lower().replace("%", "").replace(",", ".").strip()
    if key.endswith(".0"):
        key = key[:-2]
    if key not in _ALIASES:
        raise ValueError(
            f"{text!r} is not a VAT class (general, reduced, super_reduced, exempt or 21/10/4/0)"
        )
    return _ALIASES[key]


class VatRegime(enum.StrEnum):
    DOMESTIC = "domestic"
    INTRA_EU = "intra_eu"  # B2B to another member state: exempt, the buyer self-assesses
    EU_CONSUMER = "eu_consumer"  # to another member state without a VAT number: Spanish VAT
    EXPORT = "export"


def regime_for(country: str | None, postal_code: str | None, buyer_vat_number: str | None) -> VatRegime:
    """The regime of a supply of goods transported to this destination."""
    dest = (country or HOME).strip().upper()
    if dest == HOME:
        if (postal_code or "").strip()[:2] in _OUTSIDE_VAT_AREA:
            return VatRegime.EXPORT
        return VatRegime.DOMESTIC
    if dest in EU_MEMBERS:
        return VatRegime.INTRA_EU if (buyer_vat_number or "").strip() else VatRegime.EU_CONSUMER
    return VatRegime.EXPORT


@dataclass(frozen=True)
class VatTreatment:
    """The rate, the UN/CEFACT duty/tax category (UNCL 5305) and the legal wording a document needs."""

    rate: Decimal
    category: str  # S standard, AA lower rate, E exempt, AE reverse charge, G export
    note_es: str = ""
    note_en: str = ""


_INTRA_EU = VatTreatment(
    ZERO,
    "AE",
    "Entrega intracomunitaria exenta (art. 25 LIVA); inversión del sujeto pasivo.",
    "Exempt intra-Community supply (Art. 138 Directive 2006/112/EC); reverse charge.",
)
_EXPORT = VatTreatment(
    ZERO,
    "G",
    "Exportación exenta de IVA (art. 21 LIVA).",
    "Export, exempt from VAT (Art. 146 Directive 2006/112/EC).",
)
_EXEMPT = VatTreatment(ZERO, "E", "Operación exenta de IVA (art. 20 LIVA).", "Exempt from VAT.")


def treatment(vat_class: VatClass, regime: VatRegime) -> VatTreatment:
    if regime is VatRegime.INTRA_EU:
        return _INTRA_EU
    if regime is VatRegime.EXPORT:
        return _EXPORT
    if vat_class is VatClass.EXEMPT:
        return _EXEMPT
    rate = SPANISH_RATES[vat_class]
    return VatTreatment(rate, "S" if vat_class is VatClass.GENERAL else "AA")


@dataclass(frozen=True)
class TaxAmount:
    """One line of a document's VAT summary: the base at a rate and the VAT on it."""

    rate: Decimal
    category: str
    base: Decimal
    tax: Decimal

    def as_dict(self) -> dict[str, str]:
        return {
            "rate": str(self.rate),
            "category": self.category,
            "base": str(self.base),
            "tax": str(self.tax),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, str]) -> TaxAmount:
        return cls(Decimal(raw["rate"]), raw["category"], Decimal(raw["base"]), Decimal(raw["tax"]))


def summarise(lines: Iterable[tuple[Decimal, Decimal, str]], currency: str) -> list[TaxAmount]:
    """The VAT summary of (net, rate, category) lines: one row per rate and category, VAT rounded there."""
    bases: dict[tuple[Decimal, str], Decimal] = {}
    for net, rate, category in lines:
        key = (rate, category)
        bases[key] = bases.get(key, ZERO) + net
    return [
        TaxAmount(rate, category, base, round_money(base * rate / 100, currency))
        for (rate, category), base in sorted(bases.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
    ]

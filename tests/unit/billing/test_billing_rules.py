"""The pure rules of the books: money and its rounding points, VAT by product and destination, pricing
a document, balanced entries, stock valuation, credit checks and ageing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from core.billing.domain.invoicing import Billable, DocumentKind, Invoice, LineKind, parse_code, price
from core.billing.domain.ledger import (
    COGS,
    GRNI,
    INVENTORY,
    OUTPUT_VAT,
    RECEIVABLE,
    SALES,
    SHIPPING_INCOME,
    STOCK_DIFFERENCES,
    WRITE_OFFS,
    JournalEntry,
    JournalLine,
    cr,
    document_entry,
    dr,
    entry,
    stock_entry,
    trial_balance,
)
from core.billing.domain.payments import authorisation_amount, check_credit
from core.billing.domain.receivables import OpenItem, age, bucket_of
from core.billing.domain.tax import VatClass, VatRegime, parse_vat_class, regime_for, summarise, treatment
from core.fulfilment.domain.stock import MovementKind, StockMovement
from core.kernel.domain.money import CurrencyMismatch, Money, from_minor, round_money, to_minor
from core.kernel.errors import UnbalancedEntry

D = Decimal
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def test_money_rounds_half_up_and_refuses_mixing_currencies() -> None:
    assert round_money(D("17.325")) == D("17.33") and round_money(D("-0.005")) == D("-0.01")
    assert round_money(D("1234.5"), "JPY") == D("1235")
    assert to_minor(D("12.34")) == 1234 and from_minor(1234) == D("12.34")
    with pytest.raises(ValueError):
        to_minor(D("0.001"))
    assert Money(D("1.10"), "EUR") + Money(D("2.20"), "EUR") == Money(D("3.30"), "EUR")
    with pytest.raises(CurrencyMismatch):
        Money(D(1), "EUR") + Money(D(1), "GBP")
    with pytest.raises(TypeError):
        Money(1.5, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("country", "postal", "vat", "regime"),
    [
        ("ES", "28013", None, VatRegime.DOMESTIC),
        ("ES", "07001", None, VatRegime.DOMESTIC),  # Balearic Islands: Spanish VAT
        ("ES", "38001", None, VatRegime.EXPORT),  # Tenerife: outside the EU VAT area
        ("ES", "51001", None, VatRegime.EXPORT),  # Ceuta
        ("FR", "75001", "FR40303265045", VatRegime.INTRA_EU),
        ("FR", "75001", None, VatRegime.EU_CONSUMER),
        ("GB", "N1 7GR", "GB123456789", VatRegime.EXPORT),
        ("US", "10001", None, VatRegime.EXPORT),
        (None, None, None, VatRegime.DOMESTIC),
    ],
)
def test_the_destination_decides_the_regime(
    country: str | None, postal: str | None, vat: str | None, regime: VatRegime
) -> None:
    assert regime_for(country, postal, vat) is regime


def test_rates_and_categories() -> None:
    assert [treatment(c, VatRegime.DOMESTIC).rate for c in VatClass] == [21, 10, 4, 0]
    assert [treatment(c, VatRegime.DOMESTIC).category for c in VatClass] == ["S", "AA", "AA", "E"]
    assert treatment(VatClass.REDUCED, VatRegime.EU_CONSUMER).rate == 10
    intra, export = (
        treatment(VatClass.GENERAL, VatRegime.INTRA_EU),
        treatment(VatClass.REDUCED, VatRegime.EXPORT),
    )
    assert (intra.rate, intra.category, export.rate, export.category) == (0, "AE", 0, "G")
    assert "inversión del sujeto pasivo" in intra.note_es and "reverse charge" in intra.note_en
    assert [parse_vat_class(t) for t in ("21", "10 %", "superreducido", "exento", "", None)] == [
        VatClass.GENERAL, VatClass.REDUCED, VatClass.SUPER_REDUCED, VatClass.EXEMPT, None, None,
    ]  # fmt: skip
    with pytest.raises(ValueError):
        parse_vat_class("7")


def test_vat_is_worked_out_per_rate_on_the_summed_bases() -> None:
    lines = [(D("0.05"), D(21), "S")] * 3 + [(D("10.00"), D(10), "AA")]
    [general, reduced] = summarise(lines, "EUR")
    assert (general.base, general.tax) == (D("0.15"), D("0.03"))  # not 3 x round(0.0105) = 0.03 by luck
    assert (reduced.base, reduced.tax) == (D("10.00"), D("1.00"))
    many = summarise([(D("0.02"), D(21), "S")] * 10, "EUR")
    assert many[0].tax == D("0.04")  # 0.20 x 21 % = 0.042; per line it would have been 10 x 0.00 = 0


def test_pricing_a_document_rounds_each_line_then_sums() -> None:
    vat = treatment(VatClass.GENERAL, VatRegime.DOMESTIC)
    items = [
        Billable("Tornillo", D(250), D("0.18"), vat, sku="TOR-M8-40"),
        Billable("Arandela", D(333), D("0.0125"), vat, sku="ARA-M8"),  # 4.1625 -> 4.16
        Billable("Portes", D(1), D("9.40"), vat, kind=LineKind.SHIPPING),
    ]
    priced = price(items, "EUR")
    assert [ln.net for ln in priced.lines] == [D("45.00"), D("4.16"), D("9.40")]
    assert priced.net_total == D("58.56") and priced.tax_total == D("12.30") and priced.total == D("70.86")
    assert priced.notes == ()
    exempt = price([Billable("x", D(1), D(10), treatment(VatClass.GENERAL, VatRegime.EXPORT))], "EUR", "en")
    assert exempt.tax_total == 0 and exempt.notes == (
        "Export, exempt from VAT (Art. 146 Directive 2006/112/EC).",
    )


def test_document_codes() -> None:
    assert parse_code("F2026-000042") == ("F", 2026, 42) and parse_code("r2027-1") == ("R", 2027, 1)
    for bad in ("2026-1", "F26-000001", "F2026", "F2026-x"):
        with pytest.raises(ValueError):
            parse_code(bad)


def test_an_unbalanced_entry_cannot_be_made() -> None:
    with pytest.raises(UnbalancedEntry, match=r"debit 10\.00 ≠ credit 9\.99"):
        entry(NOW, "test", "off by a cent", "EUR", [dr(RECEIVABLE, D("10.00")), cr(SALES, D("9.99"))])
    with pytest.raises(UnbalancedEntry, match="at least two lines"):
        entry(NOW, "test", "alone", "EUR", [dr(RECEIVABLE, D(1))])
    with pytest.raises(UnbalancedEntry, match="whole cents"):
        entry(NOW, "test", "fractions", "EUR", [dr(RECEIVABLE, D("0.005")), cr(SALES, D("0.005"))])
    with pytest.raises(UnbalancedEntry, match="no account 999"):
        entry(NOW, "test", "unknown", "EUR", [dr("999", D(1)), cr(SALES, D(1))])
    with pytest.raises(UnbalancedEntry, match="positive debit or a credit"):
        JournalEntry(NOW, "test", "both sides", "EUR", (JournalLine(SALES, D(1), D(1)), cr(SALES, D(0))))
    with pytest.raises(ValueError):
        entry(NOW.replace(tzinfo=None), "test", "naive", "EUR", [dr(RECEIVABLE, D(1)), cr(SALES, D(1))])


def _invoice(kind: DocumentKind) -> Invoice:
    vat = treatment(VatClass.GENERAL, VatRegime.DOMESTIC)
    priced = price(
        [
            Billable("Llave", D(3), D("12.80"), vat),
            Billable("Portes", D(1), D("4.90"), vat, kind=LineKind.SHIPPING),
        ],
        "EUR",
    )
    return Invoice(
        kind, "F", 2026, 1, NOW, NOW.date(), NOW.date(), "C-1002", 9, "EUR", "domestic", "es",
        priced.net_total, priced.tax_total, priced.total, lines=list(priced.lines), id=4,
    )  # fmt: skip


def test_an_invoice_and_a_credit_note_post_mirror_entries() -> None:
    invoice = document_entry(_invoice(DocumentKind.INVOICE))
    assert [(ln.account, ln.debit, ln.credit, ln.party) for ln in invoice.lines] == [
        (RECEIVABLE, D("52.39"), 0, "C-1002"), (SALES, 0, D("38.40"), None),
        (SHIPPING_INCOME, 0, D("4.90"), None), (OUTPUT_VAT, 0, D("9.09"), None),
    ]  # fmt: skip
    assert invoice.key == "invoice:4"
    note = document_entry(_invoice(DocumentKind.CREDIT_NOTE))
    assert note.key == "credit_note:4" and note.debit == note.credit == D("52.39")
    assert [ln.account for ln in note.lines if ln.credit] == [RECEIVABLE]


@pytest.mark.parametrize(
    ("kind", "delta", "debit", "credit"),
    [
        (MovementKind.RECEIPT, D(10), INVENTORY, GRNI),
        (MovementKind.SHIP, D(-10), COGS, INVENTORY),
        (MovementKind.RETURN, D(10), INVENTORY, COGS),
        (MovementKind.SCRAP, D(-10), WRITE_OFFS, INVENTORY),
        (MovementKind.ADJUST, D(10), INVENTORY, STOCK_DIFFERENCES),
        (MovementKind.SHORT_PICK, D(-10), STOCK_DIFFERENCES, INVENTORY),
    ],
)
def test_stock_movements_are_valued_at_standard_cost(
    kind: MovementKind, delta: Decimal, debit: str, credit: str
) -> None:
    movement = StockMovement(NOW, 1, "MAD", "A-01", "TOR-M8-40", kind, on_hand_delta=delta)
    posting = stock_entry(movement, D("0.0875"), "EUR")  # 10 x 0.0875 = 0.875 -> 0.88
    assert posting is not None
    assert [(ln.account, ln.debit, ln.credit) for ln in posting.lines] == [
        (debit, D("0.88"), 0),
        (credit, 0, D("0.88")),
    ]
    reserve = StockMovement(NOW, 1, "MAD", "A-01", "TOR-M8-40", MovementKind.ALLOCATE, allocated_delta=D(5))
    assert stock_entry(reserve, D(1), "EUR") is None and stock_entry(movement, None, "EUR") is None


def test_the_trial_balance_adds_up() -> None:
    tb = trial_balance("EUR", {RECEIVABLE: (D(121), D(0)), SALES: (D(0), D(100)), OUTPUT_VAT: (D(0), D(21))})
    assert tb.difference == 0 and [r.balance for r in tb.rows] == [D(121), D(-21), D(-100)]


def test_credit_check_and_authorisation_amount() -> None:
    ok = check_credit(D(1000), D(300), D(200), D(500))
    assert ok.within and ok.exposure == D(1000)
    over = check_credit(D(1000), D(300), D(200), D("500.01"))
    assert not over.within and "credit limit exceeded: 1000.01 of 1000" in over.reason("EUR")
    assert check_credit(None, D(10**9), D(0), D(1)).within
    assert authorisation_amount(D("55.90"), "EUR") == D("70.90")  # at least 15.00 for the carriage
    assert authorisation_amount(D("1000.00"), "EUR") == D("1100.00")  # 10 %


def test_ageing_buckets_and_unapplied_credit() -> None:
    as_of = date(2026, 12, 31)
    assert [bucket_of(date(2026, 12, d), as_of) for d in (31, 30, 1)] == ["current", "1-30", "1-30"]
    assert [bucket_of(d, as_of) for d in (date(2026, 11, 30), date(2026, 10, 15), date(2026, 9, 1))] == [
        "31-60", "61-90", "90+",
    ]  # fmt: skip
    items = [
        OpenItem("C-1", "F2026-000001", "invoice", date(2026, 9, 1), date(2026, 10, 1), D(100), D(100)),
        OpenItem("C-1", "F2026-000002", "invoice", date(2026, 12, 1), date(2027, 1, 1), D(50), D(50)),
        OpenItem("C-1", "R2026-000001", "credit_note", date(2026, 12, 5), date(2026, 12, 5), D(30), D(-30)),
    ]
    # an overpayment of 20 is on the account too: the ledger says 100
    ageing = age("C-1", items, D(100), as_of)
    assert ageing.unapplied == D(20)
    assert ageing.buckets == {"current": D(50), "1-30": D(0), "31-60": D(0), "61-90": D(0), "90+": D(50)}
    assert sum(ageing.buckets.values()) == ageing.balance

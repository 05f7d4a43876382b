"""The demo master data (samples/masterdata/*.csv) as the generator needs it, and invented addresses."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

MASTERDATA = Path(__file__).resolve().parents[1] / "masterdata"


@dataclass(frozen=True)
class Customer:
    customer_id: str
    name: str
    email: str
    fax: str
    gln: str
    street: str
    postal_code: str
    city: str
    country: str
    language: str
    vat_id: str = ""  # columns the customers file may add to the contract's
    phone: str = ""


@dataclass(frozen=True)
class Product:
    sku: str
    name_es: str
    name_en: str
    gtin: str
    unit: str
    price: Decimal


@dataclass(frozen=True)
class Address:
    name: str
    street: str
    postal_code: str
    city: str
    country: str  # ISO 3166 alpha-2


# Who we are: the supplier the customers write to.
SUPPLIER = {
    "name": "Comanda Suministros Industriales S.L.",
    "street": "Avenida de Cataluña 221",
    "postal_code": "50014",
    "city": "Zaragoza",
    "vat": "B-50123456",
}

# Each customer's delivery places besides its own address.
DEPOTS: dict[str, tuple[Address, ...]] = {
    "C-1001": (
        Address("Ferretería Núñez S.L. – Almacén", "Calle de la Granja 8", "28031", "Madrid", "ES"),
        Address("Ferretería Núñez – Tienda Chamberí", "Calle de Santa Engracia 64", "28010", "Madrid", "ES"),
    ),
    "C-1002": (
        Address(
            "Bricolaje Galicia S.A. – Centro logístico",
            "Rúa Pasteur 22",
            "15890",
            "Santiago de Compostela",
            "ES",
        ),
        Address(
            "Bricolaje Galicia – Tienda A Coruña", "Avenida de Alfonso Molina 118", "15008", "A Coruña", "ES"
        ),
    ),
    "C-2001": (
        Address(
            "Hartley Hardware Ltd – Goods In",
            "Unit 4, Riverside Industrial Estate",
            "E16 2QU",
            "London",
            "GB",
        ),
        Address(
            "Hartley Hardware Ltd – Manchester Depot", "22 Trafford Park Road", "M17 1HG", "Manchester", "GB"
        ),
    ),
}

# The customers' tax numbers and buyers, printed in letterheads and signatures.
VAT = {"C-1001": "B-28765432", "C-1002": "A-15234987", "C-2001": "GB 284 9371 52"}
BUYERS = {
    "C-1001": ("María López Ortega", "Jefa de Compras"),
    "C-1002": ("Xosé Manuel Fernández", "Departamento de Compras"),
    "C-2001": ("James Whitfield", "Purchasing Manager"),
}


def _rows(name: str) -> list[dict[str, str]]:
    with (MASTERDATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def customers() -> dict[str, Customer]:
    return {r["customer_id"]: Customer(**r) for r in _rows("customers.csv")}


@cache
def products() -> dict[str, Product]:
    return {
        r["sku"]: Product(r["sku"], r["name"], r["description_en"], r["gtin"], r["unit"], Decimal(r["price"]))
        for r in _rows("products.csv")
    }


@cache
def customer_codes() -> dict[tuple[str, str], str]:
    """(customer_id, sku) -> the customer's own code for it."""
    return {(r["customer_id"], r["sku"]): r["customer_item_code"] for r in _rows("customer-items.csv")}


def own_address(customer: Customer) -> Address:
    return Address(customer.name, customer.street, customer.postal_code, customer.city, customer.country)


# -- the drawn generator's wider world: the demo data plus buyers abroad (samples/orders_gen/masterdata) --
EXTRA = Path(__file__).resolve().parent / "masterdata"
MASTER_KINDS = ("customers", "products", "customer-items")
# Commercial terms: agreed prices and price lists, packs. A customer's prices in a second currency are
# its own price list ("customer-prices"): the contract's `prices` file keeps one agreed row per customer,
# SKU, break and first day, whatever its currency, so Herrajes del Norte's USD prices, loaded there after
# its MXN ones, would replace them (and every MXN order would meet no agreed price).
TERMS_KINDS = ("prices", "customer-prices", "units")

EXTRA_VAT = {
    "C-3001": "31-4172605",
    "C-3002": "HNO980312AB1",
    "C-4001": "PT 509 876 543",
    "C-4002": "FR 32 512 345 678",
    "C-4003": "DE 812 345 678",
    "C-4004": "IT 03456780231",
}
EXTRA_BUYERS = {
    "C-3001": ("Karen Mitchell", "Purchasing Agent"),
    "C-3002": ("Rogelio Garza Treviño", "Compras"),
    "C-4001": ("Joana Pereira", "Compras"),
    "C-4002": ("Élodie Marchand", "Service achats"),
    "C-4003": ("Jürgen Hofbauer", "Einkauf"),
    "C-4004": ("Giulia Ferrari", "Ufficio acquisti"),
}
EXTRA_DEPOTS: dict[str, tuple[Address, ...]] = {
    "C-3001": (
        Address("Lakeside Fasteners – Receiving Dock 3", "4100 Alum Creek Drive", "43207", "Columbus", "US"),
    ),
    "C-3002": (
        Address(
            "Herrajes del Norte – CEDIS Apodaca", "Carretera Miguel Alemán km 21", "66600", "Apodaca", "MX"
        ),
    ),
    "C-4001": (Address("Ferragens Douro – Armazém", "Rua da Estação 40", "4470-107", "Maia", "PT"),),
    "C-4002": (
        Address("Quincaillerie Rhône – Dépôt", "5 avenue de l'Industrie", "69800", "Saint-Priest", "FR"),
    ),
    "C-4003": (Address("Brenner GmbH – Warenannahme Tor 2", "Hansastraße 17", "80686", "München", "DE"),),
    "C-4004": (
        Address("Ferramenta Adige – Magazzino", "Via dell'Artigianato 9", "37066", "Sommacampagna", "IT"),
    ),
}


def _all_rows(name: str) -> list[dict[str, str]]:
    with (EXTRA / name).open(encoding="utf-8") as fh:
        return _rows(name) + list(csv.DictReader(fh))


@cache
def all_customers() -> dict[str, Customer]:
    """The demo customers and the generator's buyers abroad (US, MX, PT, FR, DE, IT)."""
    return {r["customer_id"]: Customer(**r) for r in _all_rows("customers.csv")}


@cache
def all_products() -> dict[str, Product]:
    return {
        r["sku"]: Product(r["sku"], r["name"], r["description_en"], r["gtin"], r["unit"], Decimal(r["price"]))
        for r in _all_rows("products.csv")
    }


@cache
def all_customer_codes() -> dict[tuple[str, str], str]:
    return {(r["customer_id"], r["sku"]): r["customer_item_code"] for r in _all_rows("customer-items.csv")}


def master_csv(kind: str) -> str:
    """The master-data CSV `kind` (customers, products, customer-items, prices, units) that the drawn
    orders need."""
    files = [f for f in (MASTERDATA / f"{kind}.csv", EXTRA / f"{kind}.csv") if f.exists()]
    (head, *rows), *others = (f.read_text("utf-8").splitlines() for f in files)
    return "\n".join([head, *rows, *(row for _, *more in others for row in more)]) + "\n"


def tax_id(customer_id: str) -> str:
    return VAT.get(customer_id) or EXTRA_VAT[customer_id]


def buyer(customer_id: str) -> tuple[str, str]:
    return BUYERS.get(customer_id) or EXTRA_BUYERS[customer_id]


def depots(customer_id: str) -> tuple[Address, ...]:
    return DEPOTS.get(customer_id) or EXTRA_DEPOTS[customer_id]

"""Master-data resolution: which of our SKUs each line means (the customer: `validation.customer`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from core.capture.domain.order import CapturedLine
from core.capture.domain.resolution import MasterData
from core.kernel.domain.model import Customer, Product
from validation.apart import code_apart
from validation.fuzzy import product_by_description
from validation.garbled import garbled_match
from validation.lookalike import alike_in_shape, known_codes, names, nearest
from validation.terms import terms_of
from validation.turned import turned_match

# Mailbox providers shared by many companies: a customer is never identified by these domains alone.
PUBLIC_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.es",
        "hotmail.co.uk",
        "outlook.com",
        "outlook.es",
        "live.com",
        "msn.com",
        "yahoo.com",
        "yahoo.es",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.com",
        "gmx.es",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "telefonica.net",
        "movistar.es",
        "orange.es",
        "btinternet.com",
        "mail.com",
        "zoho.com",
    ]
)


# A code found only by trying what OCR may have misread must be named by the line's description too.
NAMED_SHARE = 0.5  # of the product name's words
MIN_WORD = 3  # letters or digits in a word that counts
# A code inside a description: at least this long, with a digit or a hyphen, brackets and punctuation
# around it off (an underscore too: an underline or a fax streak read against the code).
MIN_CODE = 4
MAX_PIECE = 7  # characters in the second piece of a code OCR cut in two
_AROUND_CODE = "[](){}<>#:;,.'\"«»_"
GTIN_LENGTHS = (8, 14)


@dataclass(frozen=True)
class LineMatch:
    """The product a line resolved to and how it was found."""

    product: Product | None
    # "gtin" | "pack_gtin" | "sku" | "customer_item" | "repaired" | "misread" | "lookalike" |
    # "lookalike_shape" | "code_in_description" | "code_apart" | "garbled" | "turned" | "description"
    via: str | None
    score: float | None = None  # how alike, for a match by description


def resolve_line(line: CapturedLine, customer: Customer | None, master: MasterData) -> LineMatch:
    """GTIN first (a product's or one of its packs'), then our SKU (LIN code or the supplier's article
    number), then the customer's code."""
    if line.gtin:
        product = master.product_by_gtin(line.gtin)
        if product is not None:
            return LineMatch(product, "gtin")
        pack = terms_of(master).pack_by_gtin(line.gtin)
        product = master.product(pack.sku) if pack else None
        if product is not None:
            return LineMatch(product, "pack_gtin")
    for code in (line.supplier_item_code, line.item_code):
        if code:
            product = master.product(code)
            if product is not None:
                return LineMatch(product, "sku")
    if customer is not None:
        for code in (line.buyer_item_code, line.item_code):
            if not code:
                continue
            sku = master.sku_for_customer_code(customer.customer_id, code)
            product = master.product(sku) if sku else None
            if product is not None:
                return LineMatch(product, "customer_item")
    repaired = _repaired(line, customer, master)
    if repaired.product is not None:
        return repaired
    named = _named_by_readings(line, customer, master)
    found = _misread(line, named)
    if found.product is not None:
        return found
    # readings naming two products: a person decides, not the nearest code
    # (a code of look-alikes settles a line by its shape only where no reading named a product: one that
    # did, unnamed by the description, settles nothing)
    alike = _lookalike(line, customer, master, shape=not named) if len(named) < 2 else LineMatch(None, None)
    if alike.product is not None:
        return alike
    printed = _code_in_description(line, customer, master)
    if printed.product is not None:
        return printed
    if line.code_readings and line.codes:
        # a code OCR may have misread is settled by the code, never by a guess from the description (a
        # line with no code of its own, whose readings came from its description's head, may still be)
        return _garbled(line, named, customer, master) or _turned(line, named, customer, master) or found
    apart = code_apart(line, customer, master)
    if apart is not None:
        # a code whose only slips are its separators, named again by the words after it, before the
        # garble's wider fits, which always wait for a person
        return LineMatch(apart, "code_apart")
    garbled = _garbled(line, named, customer, master)
    if garbled is not None:
        return garbled
    guess = product_by_description(line.description, master.products())
    return LineMatch(guess[0], "description", guess[1].score) if guess else found


def _known(code: str, customer: Customer | None, master: MasterData) -> Product | None:
    """The product a code names as our SKU, a GTIN (a product's or a pack's) or this customer's code."""
    product = master.product(code) or master.product_by_gtin(code)
    if product is None and code.isdigit():
        pack = terms_of(master).pack_by_gtin(code)
        product = master.product(pack.sku) if pack else None
    if product is None and customer is not None:
        sku = master.sku_for_customer_code(customer.customer_id, code)
        product = master.product(sku) if sku else None
    return product


def _repaired(line: CapturedLine, customer: Customer | None, master: MasterData) -> LineMatch:
    """A code OCR cut in two or ran into its neighbour (`CapturedLine.code_repairs`), put right: only
    when exactly one of the repairs is a code master data knows (the code as read is known to none,
    or resolution would not have come here).  The price check still vouches for it or not."""
    found: dict[str, Product] = {}
    for code in line.code_repairs:
        product = _known(code, customer, master)
        if product is not None:
            found[product.sku] = product
    if len(found) == 1:
        return LineMatch(next(iter(found.values())), "repaired")
    return LineMatch(None, None)


def _named_by_readings(
    line: CapturedLine, customer: Customer | None, master: MasterData
) -> dict[str, Product]:
    """Every product that one of the OCR's other readings of the codes names."""
    found: dict[str, Product] = {}
    for code in line.code_readings:
        product = master.product(code) or master.product_by_gtin(code)
        if product is None and customer is not None:
            sku = master.sku_for_customer_code(customer.customer_id, code)
            product = master.product(sku) if sku else None
        if product is not None:
            found[product.sku] = product
    return found


def _misread(line: CapturedLine, found: dict[str, Product]) -> LineMatch:
    """The one product that the OCR's other readings of the codes name (`found`); none when several do
    (the price check then has the final word on the one found)."""
    product = next(iter(found.values())) if len(found) == 1 else None
    if product is not None and _describes(line.description, product):
        return LineMatch(product, "misread")
    return LineMatch(None, None)


def _lookalike(
    line: CapturedLine, customer: Customer | None, master: MasterData, *, shape: bool = False
) -> LineMatch:
    """The one product whose code (SKU, GTIN or this customer's own) the line's code looks like, a few
    OCR slips away (validation.lookalike), when the description names it and reads like no other
    product more; with `shape`, also when the description reads like no product and the code differs
    from the product's by look-alike characters in their places only (`lookalike.alike_only`)."""
    codes = [c for c in (line.item_code, line.buyer_item_code, line.supplier_item_code) if c]
    description = line.description or ""
    head, _, words = (line.item_code or "").partition(" ")
    if words and any(c.islower() for c in words):
        # the code cell ran into the description ("ARAMB Hal wasner Wis zinc plated"): its first word
        # is the code, the words after it describe the product like the description's own
        codes, description = [head, *codes[1:]], f"{words} {description}".strip()
    if not codes:
        return LineMatch(None, None)
    products = master.products()
    own = master.customer_codes(customer.customer_id) if customer is not None else {}
    known = known_codes(products, own)
    sku = nearest(codes, known)
    product = master.product(sku) if sku else None
    if product is None:
        return LineMatch(None, None)
    # the words must name it: the product they read most like is this one, or (when they read like no
    # product clearly) half of its name's words stand in them, each a letter or so off at most
    guess = product_by_description(description, products) if description else None
    if description and (guess[0].sku == product.sku if guess else names(description, product)):
        return LineMatch(product, "lookalike")
    # words that read like no product say nothing against a code whose shape is the product's own, look-
    # alike for look-alike (validation.lookalike.alike_only); words that read like another product do
    if shape and guess is None and alike_in_shape(codes, known, product.sku):
        return LineMatch(product, "lookalike_shape")
    return LineMatch(None, None)


def _garbled(
    line: CapturedLine, named: dict[str, Product], customer: Customer | None, master: MasterData
) -> LineMatch | None:
    """The one product a code the fax garbled past every reading fits (validation.garbled), unless a
    reading names another product exactly (the garble may then be that one's); the line then waits for a
    person whatever its price (validation.decide.by_lookalike)."""
    own = master.customer_codes(customer.customer_id) if customer is not None else {}
    products = master.products()
    product = garbled_match(line, products, known_codes(products, own))
    if product is None or not set(named) <= {product.sku}:
        return None
    return LineMatch(product, "garbled")


def _turned(
    line: CapturedLine, named: dict[str, Product], customer: Customer | None, master: MasterData
) -> LineMatch | None:
    """The one product whose code a code of the line is with figures and letters the fax turned into
    others (validation.turned), unless a reading names another product exactly (readings naming two
    products leave it to a person); the line then waits for a person whatever its price
    (validation.decide.by_lookalike)."""
    own = master.customer_codes(customer.customer_id) if customer is not None else {}
    product = turned_match(line, master.products(), own)
    if product is None or not set(named) <= {product.sku}:
        return None
    return LineMatch(product, "turned")


def _code_in_description(line: CapturedLine, customer: Customer | None, master: MasterData) -> LineMatch:
    """A line whose code was printed inside its description ("TUE-M8 Hex nut M8", "[100235] Hex bolt",
    "KAR 8437000100140 Nylon wall plug") and read into it: the one product that a word of the
    description names exactly, as our SKU, a GTIN or this customer's own code, provided the rest of the
    description names that product too. Two products named, or words that read more like another
    product: nothing (the description guess then leaves it to a clerk)."""
    found: dict[str, Product] = {}
    words = (line.description or "").split()
    rest = []
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        product = _printed_code(word.strip(_AROUND_CODE), customer, master)
        if product is None:
            product, skip = _joined_code(words[i:], customer, master)
        if product is not None:
            found[product.sku] = product
        else:
            rest.append(word)
    if len(found) != 1:
        return LineMatch(None, None)
    (product,) = found.values()
    # the words must name it: the product they read most like is this one (or, when they read like no
    # product clearly, most of its name's words stand in them, or half of them each a letter or so off:
    # a fax misreads a description's words as it does codes, "Tuerda ... zintada", and a clerk's remark
    # after the name, "embalaje reforzado", keeps the words from reading like any product clearly)
    said = " ".join(rest)
    guess = product_by_description(said, master.products())
    if guess[0].sku == product.sku if guess else _describes(said, product) or names(said, product):
        return LineMatch(product, "code_in_description")
    return LineMatch(None, None)


def _printed_code(code: str, customer: Customer | None, master: MasterData) -> Product | None:
    """The product a word of a description names as our SKU, a GTIN or this customer's own code; one
    that names none as read but does with the accents over its letters set aside ("ALÁ-GAL-2"): our
    codes carry none, and on a fax such an accent is a speck over the letter OCR read, not another
    letter (the rest of the description must still name the product, as for any code found here)."""
    if len(code) < MIN_CODE or not any(c.isdigit() or c == "-" for c in code):
        return None
    product = _code_named(code, customer, master)
    plain = _unaccented(code)
    return product if product is not None or plain == code else _code_named(plain, customer, master)


def _code_named(code: str, customer: Customer | None, master: MasterData) -> Product | None:
    product = master.product(code) or master.product(code.upper())
    if product is None and code.isdigit() and GTIN_LENGTHS[0] <= len(code) <= GTIN_LENGTHS[1]:
        product = master.product_by_gtin(code)
    if product is None and customer is not None:
        sku = master.sku_for_customer_code(customer.customer_id, code)
        product = master.product(sku) if sku else None
    return product


def _unaccented(text: str) -> str:
    """`text` with the accents over its letters dropped ("ALÁ-GAL-2" -> "ALA-GAL-2")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_CODE_PIECE = re.compile(r"^[A-Z0-9-]+$")
# the pieces a space OCR read into a code may cut it in: one after each hyphen of a three-part code
MAX_CUTS = 2


def _joined_code(
    words: Sequence[str], customer: Customer | None, master: MasterData
) -> tuple[Product | None, int]:
    """The product the code at the head of `words` names once the pieces OCR cut it into are joined
    again, and how many words after the first it took: the code cut in two by a space read into it
    ("LLA-AJ- 250", "ALA-G AL-2"), or after each of its hyphens ("CIN- AIS- 19"): no code ends in a
    hyphen, so a join that still ends in one ("CIN-AIS-") takes the next piece too."""
    joined = words[0]
    for n, after in enumerate(words[1 : MAX_CUTS + 1], start=1):
        if not _cut_code(joined, after):
            break
        joined += after
        product = _printed_code(joined.strip(_AROUND_CODE), customer, master)
        if product is not None:
            return product, n
        if not joined.endswith("-"):
            break
    return None, 0


def _cut_code(word: str, after: str) -> bool:
    """Whether `word` and the word `after` it may be one code OCR cut in two: the first a piece with a
    hyphen ("LLA-AJ-", "TOR-M"), the second a short piece of capitals, figures and hyphens with a
    figure or a hyphen in it ("250", "8-40", "AL-2"), never an ordinary word of the description."""
    head, tail = word.strip(_AROUND_CODE), after.strip(_AROUND_CODE)
    return (
        len(head) >= 3
        and "-" in head
        and bool(_CODE_PIECE.match(head))
        and 0 < len(tail) <= MAX_PIECE
        and bool(_CODE_PIECE.match(tail))
        and any(c.isdigit() or c == "-" for c in tail)
    )


def _words(text: str | None) -> set[str]:
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in re.split(r"[^a-z0-9]+", plain) if len(w) >= MIN_WORD}


def _describes(description: str | None, product: Product) -> bool:
    """Whether the line's own description names the product a misread code was taken for: most of the
    words of its name (or English description) stand in it."""
    said = _words(description)
    for name in (product.name, product.description_en):
        wanted = _words(name)
        if wanted and len(wanted & said) >= NAMED_SHARE * len(wanted):
            return True
    return False

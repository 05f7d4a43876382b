"""A row of the promotions file as a promotion, every rule of a promotion checked with the row number."""

from __future__ import annotations

from typing import TypeVar

from core.catalog.domain.promotions import Promotion, PromotionKind, Scope
from core.catalog.services.terms_import import Row, code_cell, date_cell, decimal_cell
from core.kernel.errors import MasterDataError

COLUMNS = (
    "promotion_id",
    "description",
    "kind",
    "value",
    "buy",
    "get",
    "scope",
    "target",
    "currency",
    "valid_from",
    "valid_to",
    "code",
)


E = TypeVar("E", PromotionKind, Scope)


def _choice(enum: type[E], row: Row, column: str, number: int) -> E:
    text = (row[column] or "").strip().lower().replace("-", "_")
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise MasterDataError(f"{column} {row[column]!r} is not one of {allowed}", row=number) from None


def _count(row: Row, column: str, number: int) -> int | None:
    value = decimal_cell(row, column, number)
    if value is None:
        return None
    if value != value.to_integral_value() or value <= 0:
        raise MasterDataError(f"{column} {row[column]!r} is not a positive whole number", row=number)
    return int(value)


def promotion(number: int, row: Row) -> Promotion:
    kind = _choice(PromotionKind, row, "kind", number)
    scope = _choice(Scope, row, "scope", number)
    value = decimal_cell(row, "value", number)
    buy, get = _count(row, "buy", number), _count(row, "get", number)
    currency = (row["currency"] or "").upper() or None
    if kind is PromotionKind.PERCENT and (value is None or not 0 < value <= 100):
        raise MasterDataError(f"value {row['value']!r} is not a percentage above 0 and up to 100", row=number)
    if kind is PromotionKind.FIXED and (value is None or value <= 0):
        raise MasterDataError(f"value {row['value']!r} is not a positive amount", row=number)
    if kind is PromotionKind.FIXED and (currency is None or len(currency) != 3 or not currency.isalpha()):
        raise MasterDataError("a fixed amount needs its currency (a three-letter code)", row=number)
    if kind is PromotionKind.BUY_GET and (buy is None or get is None):
        raise MasterDataError("buy_get needs both buy and get", row=number)
    target = code_cell(row, "target", number) if row["target"] else ""
    if scope in (Scope.PRODUCT, Scope.CUSTOMER) and target:
        target = str(row["target"]).strip()  # SKUs and customer ids keep their own spelling
    if (scope is Scope.ALL) != (target == ""):
        raise MasterDataError(
            f"scope {scope.value} " + ("takes no target" if target else "needs a target"), row=number
        )
    valid_from, valid_to = date_cell(row, "valid_from", number), date_cell(row, "valid_to", number)
    if valid_from and valid_to and valid_to < valid_from:
        raise MasterDataError(f"valid_to {valid_to} is before valid_from {valid_from}", row=number)
    code = (row["code"] or "").strip().upper() or None
    if code is not None and len(code) > 32:
        raise MasterDataError(f"code {row['code']!r} is longer than 32 characters", row=number)
    return Promotion(
        promotion_id=str(row["promotion_id"]).strip().upper(),
        kind=kind.value,
        scope=scope.value,
        target=target,
        value=value if kind is not PromotionKind.BUY_GET else None,
        buy=buy if kind is PromotionKind.BUY_GET else None,
        get=get if kind is PromotionKind.BUY_GET else None,
        currency=currency if kind is PromotionKind.FIXED else None,
        valid_from=valid_from,
        valid_to=valid_to,
        code=code,
        description=(row["description"] or "")[:256],
    )

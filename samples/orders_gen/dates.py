"""Dates as documents print them: numeric (day-first, US month-first, ISO), written in Spanish and
English (`2 de diciembre de 2026`, `December 3rd, 2026`, `03-Dec-26`), and in prose (`entregar antes
del 05/12/2026`, `required by …`)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date

MONTHS = {
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
WEEKDAYS = {
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

NUMERIC = ("dmy_slash", "dmy_dash", "dmy_dot", "dmy_short_dot", "dmy_short_slash", "iso", "ymd_slash")
US_NUMERIC = ("mdy_slash", "mdy_short", "mdy_dash")
WRITTEN = {
    "es": ("es_long", "es_weekday", "es_abbr", "es_long_comma"),
    "en": ("en_us", "en_us_ord", "en_gb", "en_gb_ord", "en_abbr", "en_abbr_short", "en_short_month"),
}


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _written(value: date, fmt: str) -> str:
    d, y = value.day, value.year
    es, en = MONTHS["es"][value.month - 1], MONTHS["en"][value.month - 1]
    forms = {
        "es_long": f"{d} de {es} de {y}",
        "es_long_comma": f"{d} {es.capitalize()}, {y}",
        "es_weekday": f"{WEEKDAYS['es'][value.weekday()]}, {d} de {es} de {y}",
        "es_abbr": f"{d:02d}-{es[:3]}-{y}",
        "en_us": f"{en} {d}, {y}",
        "en_us_ord": f"{en} {_ordinal(d)}, {y}",
        "en_gb": f"{d} {en} {y}",
        "en_gb_ord": f"{_ordinal(d)} {en} {y}",
        "en_abbr": f"{d:02d}-{en[:3]}-{y % 100:02d}",
        "en_abbr_short": f"{d:02d} {en[:3].upper()} {y}",
        "en_short_month": f"{en[:3]} {d}, {y}",
    }
    return forms[fmt]


def format_date(value: date, fmt: str) -> str:
    """`value` printed in the form `fmt` (one of NUMERIC, US_NUMERIC or WRITTEN's)."""
    d, m, y = value.day, value.month, value.year
    numeric = {
        "dmy_slash": f"{d:02d}/{m:02d}/{y}",
        "dmy_dash": f"{d:02d}-{m:02d}-{y}",
        "dmy_dot": f"{d:02d}.{m:02d}.{y}",
        "dmy_short_dot": f"{d:02d}.{m:02d}.{y % 100:02d}",
        "dmy_short_slash": f"{d:02d}/{m:02d}/{y % 100:02d}",
        "iso": value.isoformat(),
        "ymd_slash": f"{y}/{m:02d}/{d:02d}",
        "mdy_slash": f"{m:02d}/{d:02d}/{y}",
        "mdy_short": f"{m}/{d}/{y}",
        "mdy_dash": f"{m:02d}-{d:02d}-{y}",
    }
    return numeric[fmt] if fmt in numeric else _written(value, fmt)


def is_month_first(fmt: str) -> bool:
    return fmt in US_NUMERIC


def draw_format(rng: random.Random, language: str, *, us: bool = False, written: float = 0.3) -> str:
    """A date form a sender writing in `language` uses; US senders write month first."""
    if language in WRITTEN and rng.random() < written:
        return rng.choice(WRITTEN[language])
    if us:
        return rng.choice((*US_NUMERIC, "mdy_slash", "iso"))
    return rng.choice(NUMERIC)


# Sentences stating the delivery date in prose; {d} is the date as the document prints it.
DELIVERY_PROSE = {
    "es": (
        "Rogamos entregar antes del {d}.",
        "Entrega: antes del {d} en horario de mañana.",
        "La mercancía deberá estar en nuestro almacén el {d} como muy tarde.",
        "Plazo máximo de entrega: {d}.",
        "Necesitamos el material para el día {d}.",
    ),
    "en": (
        "Please deliver no later than {d}.",
        "Goods required by {d}.",
        "Delivery is needed on or before {d}.",
        "Please ship in time to arrive by {d}.",
        "Required delivery: {d} (goods-in closes at 3 pm).",
    ),
}
# The opening of a letter: place and date.
PLACE_DATE = {"es": "{city}, {d}", "en": "{city}, {d}"}
# Sentences that carry the order number and date (the letter family prints no header fields).
ORDER_PROSE = {
    "es": (
        "Por la presente les hacemos el pedido nº {po} de fecha {d}, con los artículos siguientes:",
        "Adjuntamos nuestro pedido {po}, fechado el {d}. Les rogamos suministren lo siguiente:",
    ),
    "en": (
        "Please find below our order no. {po} dated {d} for the following goods:",
        "This letter confirms our purchase order {po} of {d}. Please supply:",
    ),
}


def prose(rng: random.Random, table: Mapping[str, tuple[str, ...]], language: str, **values: str) -> str:
    lang = language if language in table else "en"
    return rng.choice(table[lang]).format(**values)

"""Numbers written for people, in their language (Babel's CLDR data): ``1.683,5`` in Italian,
``1,683.5`` in English; integers without decimals."""

from __future__ import annotations

LOCALES = {"en": "en_GB", "it": "it_IT"}
"""Babel locale of each language of the reports and the terminal."""


def number(value: float, digits: int, lang: str) -> str:
    """``value`` with ``digits`` decimals and the language's separators."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])

"""Every sentence and label a person reads, in English and Italian: one catalogue.

:data:`CATALOGUE` joins the reports' labels (:mod:`twin.core.locale.report`) and the terminal's
sentences (:mod:`twin.core.locale.terminal`); a test checks that both languages have the same
keys and the same placeholders and that the Italian is translated. :class:`Say` fills a sentence
with numbers, euro and dates written in the language (Babel's CLDR data: ``1.683,5`` and
``12 giugno 2026`` in Italian). Imports nothing heavy: the command line's parser may use it.
"""

from __future__ import annotations

import datetime as dt
import os

from twin.core.locale.report import REPORT
from twin.core.locale.terminal import TERMINAL
from twin.core.numbers import LOCALES, number

LANGUAGES = ("en", "it")
"""Languages of the catalogue; English is the default."""

CATALOGUE = {lang: {**REPORT[lang], **TERMINAL[lang]} for lang in LANGUAGES}
"""Key → text, per language (report labels and terminal sentences; their keys are disjoint)."""

def default_lang() -> str:
    """``CER_TWIN_LANG`` (en or it) when set, else English: the default of every ``--lang``
    (the command line refuses any other value before it gets here)."""
    value = os.environ.get("CER_TWIN_LANG", "en")
    return value if value in LANGUAGES else "en"


class Say:
    """The catalogue's sentences in one language, with its numbers.

    >>> say = Say("it")
    >>> say("run.sources", weather="builtin-milan", prices=say.eur(71195.2))
    'Meteo: builtin-milan; prezzi: € 71.195.'
    """

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"lang: expected one of {LANGUAGES}; found {lang!r}")
        self.lang = lang
        self.text = CATALOGUE[lang]

    def __call__(self, key: str, **values: object) -> str:
        """The sentence ``key`` with its placeholders filled (values already formatted)."""
        return self.text[key].format(**values)

    def message(self, message: object) -> str:
        """An error or a note in the language: a :class:`twin.errors.Text` (or an error made of
        them) rendered with :data:`twin.core.locale.errors.ERRORS`; anything else as written."""
        from twin.core.locale.errors import ERRORS

        render = getattr(message, "render", None)
        return render(ERRORS[self.lang]) if render is not None else str(message)

    def eligibility(self, reason: str, code: object, values: object) -> str:
        """A plant's premium eligibility in the language: the rules write it in English
        (``reason``); another language has a template per reason, ``elig_<code>``, filled with
        the reason's values (a JSON object)."""
        import json

        template = self.text.get(f"elig_{code}")
        return reason if template is None else template.format(**json.loads(str(values)))

    def n(self, value: float, digits: int = 0, signed: bool = False) -> str:
        """``value`` with ``digits`` decimals and the language's separators (``+`` when
        ``signed`` and positive)."""
        text = number(value, digits, self.lang)
        return "+" + text if signed and not text.startswith("-") and float(value) > 0 else text

    def g(self, value: float) -> str:
        """``value`` with the decimals it has (up to three), like ``:g``: ``20``, ``4,5``."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=LOCALES[self.lang])

    def eur(self, value: float, digits: int = 0) -> str:
        """An amount in euro: ``€ 1,235`` / ``€ 1.235``."""
        return "€ " + self.n(value, digits)

    def month(self, month: str) -> str:
        """A month (``2026-06``) in words: ``Jun 2026`` / ``giu 2026``."""
        from babel.dates import format_date

        year, month_of_year = (int(part) for part in str(month)[:7].split("-"))
        return format_date(dt.date(year, month_of_year, 1), format="MMM y",
                           locale=LOCALES[self.lang])

    def date(self, day: dt.date) -> str:
        """A date in words: ``12 June 2026`` / ``12 giugno 2026``."""
        from babel.dates import format_date

        return format_date(day, format="long", locale=LOCALES[self.lang])

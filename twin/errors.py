"""Exceptions of cer-twin.

Every error a user can cause (a bad scenario file, a bad weather or price file, a bad command-line
argument) is a :class:`TwinError`; the CLI prints its message and exits with code 2, without a
traceback. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import string
from collections.abc import Mapping


class Text(str):
    """A message that can be shown in another language: a ``str`` (its English, so it prints,
    compares and serialises as before) that keeps its English template and values. The
    template is the key of its translation (as gettext's msgid), looked up in
    :data:`twin.core.locale.errors.ERRORS` when the command line shows it. Values may
    themselves be :class:`Text`, or errors whose message is one.

    >>> t = Text("{option}: expected {low} to {high}; found {value}", option="--years",
    ...          low=1, high=30, value=45)
    >>> t
    '--years: expected 1 to 30; found 45'
    >>> t.render({"{option}: expected {low} to {high}; found {value}":
    ...           "{option}: atteso da {low} a {high}; trovato {value}"})
    '--years: atteso da 1 a 30; trovato 45'
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Text:
        text = super().__new__(cls, _fill(template, values, {}))
        text.template, text.values = template, values
        return text

    def render(self, translations: Mapping[str, str] | None = None) -> str:
        """The message in the language of ``translations`` (English template → translated
        template); English, as written, for a template it does not hold."""
        table = translations or {}
        return _fill(table.get(self.template, self.template), self.values, table)

    def __reduce__(self) -> tuple:
        return (_text, (self.template, self.values))


def _text(template: str, values: dict[str, object]) -> Text:
    return Text(template, **values)


class _Formatter(string.Formatter):
    """Fills a template; numbers through the table's ``format_number`` when it has one (its
    language's separators), everything else as :meth:`str.format` would."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = table
        self.number = getattr(table, "format_number", None)

    def format_field(self, value: object, format_spec: str) -> str:
        if self.number is not None and isinstance(value, int | float) \
                and not isinstance(value, bool):
            written = self.number(value, format_spec)
            if written is not None:
                return written
        return super().format_field(value, format_spec)

    def convert_field(self, value: object, conversion: str | None) -> object:
        if isinstance(value, Text | TwinError):
            value = value.render(self.table)
        elif isinstance(value, BaseException) and len(value.args) == 1 and isinstance(
                value.args[0], Text):
            value = value.args[0].render(self.table)
        return super().convert_field(value, conversion)


def _fill(template: str, values: Mapping[str, object], table: Mapping[str, str]) -> str:
    """``template`` with its values, each translatable one in the language of ``table``."""
    return _Formatter(table).vformat(template, (), values)


class TwinError(Exception):
    """Base class of the errors a user can cause and fix.

    The message is a string (a :class:`Text` to be translatable) or a sequence of them, one
    line each; ``str()`` gives it in English, :meth:`render` in the language of a
    translation table.
    """

    def __init__(self, message: str | list[str] | tuple[str, ...] = "",
                 *args: object) -> None:
        self.parts = list(message) if isinstance(message, list | tuple) else [message]
        super().__init__(self.render(), *args)

    def render(self, translations: Mapping[str, str] | None = None) -> str:
        """The message, its translatable parts in the language of ``translations``."""
        return "\n".join(p.render(translations) if isinstance(p, Text) else str(p)
                         for p in self.parts)


class ScenarioError(TwinError, ValueError):
    """A scenario file is missing, unreadable or invalid."""


class InputDataError(TwinError, ValueError):
    """A weather, price or meter data file is unreadable or invalid."""


class ConsistencyError(TwinError, ValueError):
    """Events or state break a domain rule (for example a member leaving before joining)."""


class TamperError(TwinError):
    """An event store does not match its hashes or head records: edited, cut short or replaced
    outside cer-twin; the CLI exits with code 3."""


class SweepError(TwinError):
    """Variants of a sweep failed after their retries (the message names each one); the CLI
    exits with code 1, as for a bug, after writing the variants that succeeded."""

    def __init__(self, message: str | list[str], partial: object = None) -> None:
        super().__init__(message)
        self.partial = partial
        """The Dataset of the variants that succeeded."""

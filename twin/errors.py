"""Exceptions of cer-twin.

Every error a user can cause (a bad scenario file, a bad weather or price file, a bad command-line
argument) is a :class:`TwinError`; the CLI prints its message and exits with code 2, without a
traceback. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Mapping


class Text:
    """A message as its English template and values, so that it can be shown in another
    language: the template is the key of its translation (as gettext's msgid), looked up in
    :data:`twin.core.locale.errors.ERRORS` when the command line shows the error. Values may
    themselves be :class:`Text`.

    >>> str(Text("{option}: expected {low} to {high}; found {value}", option="--years",
    ...          low=1, high=30, value=45))
    '--years: expected 1 to 30; found 45'
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    def render(self, translations: Mapping[str, str] | None = None) -> str:
        """The message in the language of ``translations`` (English template → translated
        template); English, as written, for a template it does not hold."""
        table = translations or {}
        values = {k: v.render(table) if isinstance(v, Text) else v
                  for k, v in self.values.items()}
        return table.get(self.template, self.template).format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.template!r}, **{self.values!r})"


Message = str | Text
"""What an error says: a plain English string, or a translatable :class:`Text`."""


class TwinError(Exception):
    """Base class of the errors a user can cause and fix.

    The message is a string, a :class:`Text` or a sequence of them (one line each); ``str()``
    gives it in English, :meth:`render` in the language of a translation table.
    """

    def __init__(self, message: Message | list[Message] | tuple[Message, ...] = "",
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

    def __init__(self, message: str, partial: object = None) -> None:
        super().__init__(message)
        self.partial = partial
        """The Dataset of the variants that succeeded."""

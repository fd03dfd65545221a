"""Exceptions of cer-twin.

Every error a user can cause (a bad scenario file, a bad weather or price file, a bad command-line
argument) is a :class:`TwinError`; the CLI prints its message and exits with code 2, without a
traceback. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class TwinError(Exception):
    """Base class of the errors a user can cause and fix."""


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

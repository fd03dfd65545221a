"""The one exception of the weather library."""

from __future__ import annotations


class WeatherDataError(ValueError):
    """A weather file is missing, unreadable or invalid; the message names the file, the column
    or row, what was expected and what was found. (cer-twin turns it into its own
    ``InputDataError``; the library knows nothing of cer-twin.)"""


def found_columns(columns: object) -> str:
    """The columns a file has, for an error message; not echoed when they do not look like a
    header of named columns (a file of another kind: its first line is not shown)."""
    import re

    names = [str(c) for c in columns]  # type: ignore[attr-defined]
    if names and all(re.fullmatch(r"[\w .()%°/\-]{1,40}", n) for n in names) and len(names) <= 60:
        return f"found columns {names}"
    return "its first line is not a header of named columns (is it the right file?)"

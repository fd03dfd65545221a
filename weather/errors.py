"""The one exception of the weather library."""

from __future__ import annotations


class WeatherDataError(ValueError):
    """A weather file is missing, unreadable or invalid; the message names the file, the column
    or row, what was expected and what was found. (cer-twin turns it into its own
    ``InputDataError``; the library knows nothing of cer-twin.)"""

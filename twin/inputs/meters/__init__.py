"""Measured meter data: distributor exports read, validated, put on the UTC grid, accumulated
import after import, bound to their POD, and held against the model.

* :mod:`~twin.inputs.meters.formats`: the export layouts (daily rows, interval rows,
  e-distribuzione, Unareti, plain), units and DST days;
* :mod:`~twin.inputs.meters.series`: a series of one POD and quantity, and what the quantities
  mean (net at the POD);
* :mod:`~twin.inputs.meters.ledger`: imports accumulate, later ones correct earlier ones;
* :mod:`~twin.inputs.meters.binding`: an import checked against the member or plant it is for;
* :mod:`~twin.inputs.meters.transfer`: a measured year as the profile of another year.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from twin.errors import InputDataError, Text
from twin.inputs.meters.formats import FORMATS, UNSPECIFIED, parse_text, to_series
from twin.inputs.meters.series import QUANTITIES, UNITS, MeterSeries, on_grid

__all__ = ["FORMATS", "QUANTITIES", "UNITS", "MeterFile", "MeterSeries", "on_grid",
           "parse_meter_file", "read_meter_file"]


@dataclass(frozen=True)
class MeterFile:
    """A parsed export: the series of each quantity it holds, and what reading it noticed."""

    name: str
    sha256: str
    format: str
    unit: str
    pod: str | None
    step: str
    series: dict[str, MeterSeries]
    notes: list[str] = field(default_factory=list)
    """What the reader repaired or left out, for the person importing (translatable Texts)."""

    @property
    def directed(self) -> bool:
        """Whether the file says which quantity each value is (withdrawal or injection)."""
        return UNSPECIFIED not in self.series

    def quantity(self, quantity: str) -> MeterSeries:
        """The series of ``quantity``; a file that does not say its direction holds whichever
        the import names."""
        if quantity in self.series:
            return self.series[quantity]
        if UNSPECIFIED in self.series:
            return dataclasses.replace(self.series[UNSPECIFIED], quantity=quantity)
        raise InputDataError(Text("{name}: no {quantity} in the file (it holds "
                                  "{held})", name=self.name, quantity=quantity,
                                  held=sorted(self.series) or 'nothing'))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_meter_file(data: bytes, name: str, fmt: str = "auto",
                     unit: str | None = None) -> MeterFile:
    """Validate and parse a meter export (formats: :mod:`twin.inputs.meters.formats`)."""
    digest = hashlib.sha256(data).hexdigest()
    parsed = parse_text(_decode(data), name, fmt, unit)
    notes = list(parsed.notes)
    estimated = None
    if parsed.estimated:
        estimated = pd.Series(list(parsed.estimated.values()), dtype=bool,
                              index=pd.DatetimeIndex(list(parsed.estimated), tz="UTC"))
        estimated = estimated.sort_index()
        if estimated.any():
            notes.append(Text("{count} interval(s) marked estimated by the distributor",
                              count=int(estimated.sum())))
    series = {}
    for quantity, energy in to_series(parsed).items():
        full = pd.date_range(energy.index[0], energy.index[-1], freq=parsed.step)
        if len(full) != len(energy):
            missing = full.difference(energy.index)
            notes.append(Text("{quantity}: {count} interval(s) missing (first at "
                              "{first:%Y-%m-%d %H:%M} UTC); the model fills them",
                              quantity=quantity, count=len(missing), first=missing[0]))
        flags = estimated.reindex(energy.index, fill_value=False) if estimated is not None \
            else None
        series[quantity] = MeterSeries(parsed.pod, quantity, parsed.step, energy, flags, digest,
                                       name, parsed.format, parsed.unit)
    return MeterFile(name, digest, parsed.format, parsed.unit, parsed.pod, parsed.step, series,
                     notes)


def read_meter_file(path: str | Path, fmt: str = "auto",
                    unit: str | None = None) -> tuple[MeterFile, bytes]:
    """Read and validate a meter file; returns it parsed and its bytes (for storing)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputDataError(Text("{path}: meter file not found", path=path)) from None
    except IsADirectoryError:
        raise InputDataError(Text("{path}: is a folder, expected a meter file",
                                  path=path)) from None
    return parse_meter_file(data, str(path), fmt, unit), data

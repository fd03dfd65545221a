"""A measured series of one POD and one quantity, on the UTC grid, and the units it may come in.

Meaning of the quantities (docs/models.md, "Measured data"): a POD's **withdrawal** and
**injection** are what its meter measures, net of whatever sits behind it. A member's measured
withdrawal is therefore used as it is (no PV subtracted again), and the injection measured at a
member's POD is the net injection of the plants behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from twin.errors import InputDataError, Text

QUANTITIES = ("withdrawal", "injection")
"""What a POD's meter measures: energy taken from the grid and energy fed into it."""

UNITS: dict[str, tuple[str, float]] = {
    "kwh": ("energy", 1.0),
    "wh": ("energy", 0.001),
    "mwh": ("energy", 1000.0),
    "kw": ("power", 1.0),
}
"""Accepted units: energy per interval (kWh, Wh, MWh) or mean power over the interval (kW, as
some quarter-hour exports give it); anything else is an error, never a guess."""


def unit_key(text: str, where: str) -> str:
    """The accepted unit named by ``text`` (case-insensitive), or an error naming ``where``."""
    key = str(text).strip().lower()
    if key not in UNITS:
        raise InputDataError(Text("{where}: expected a unit among kWh, Wh, MWh (energy per "
                                  "interval) or kW (mean power); found {text!r}", where=where,
                                  text=text))
    return key


def unit_in_name(name: str) -> str | None:
    """The unit a column name declares (``kWh``, ``energy_kwh``, ``MWh``, ``power_kw``), if any."""
    tokens = str(name).strip().lower().replace("[", "_").replace("]", "").replace(" ", "_")
    for part in reversed(tokens.split("_")):
        if part in UNITS:
            return part
    return None


def to_kwh(values: np.ndarray, unit: str, step_h: float) -> np.ndarray:
    """Energy per interval in kWh from values in ``unit`` (power × interval length for kW)."""
    kind, factor = UNITS[unit]
    return values * factor * (step_h if kind == "power" else 1.0)


@dataclass(frozen=True)
class MeterSeries:
    """A validated series: energy per interval [kWh], UTC index labelled by interval start.

    ``estimated`` flags intervals the distributor marked as estimated (``None`` when the format
    has no such flag). Intervals may be missing (a gap is reported when the file is read); the
    run uses the model there.
    """

    pod: str | None
    quantity: str
    step: str  # "1h" or "15min"
    energy_kwh: pd.Series
    estimated: pd.Series | None
    sha256: str
    source_name: str
    format: str
    unit: str

    @property
    def start_utc(self) -> dt.datetime:
        return self.energy_kwh.index[0].to_pydatetime()

    @property
    def end_utc(self) -> dt.datetime:
        return (self.energy_kwh.index[-1] + pd.Timedelta(self.step)).to_pydatetime()

    @property
    def step_h(self) -> float:
        return pd.Timedelta(self.step).total_seconds() / 3600.0


def on_grid(energy_kwh: pd.Series, step: str,
            index: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """Measured energy per simulation step, and which steps it covers. [kWh], bool

    Hourly data on a 15-minute grid is spread evenly over the hour's quarters; 15-minute data on
    an hourly grid is summed into hours (an hour counts as covered only with all four quarters).
    """
    step_h = pd.Timedelta(index.freq).total_seconds() / 3600
    data = energy_kwh
    if step == "15min" and step_h == 1.0:
        data = data.resample("1h").sum(min_count=4)
    hours = index.floor("h") if step == "1h" and step_h < 1.0 else index
    values = data.reindex(hours).to_numpy(dtype=float)
    if step == "1h" and step_h < 1.0:
        values = values * step_h
    covered = np.isfinite(values)
    return np.where(covered, values, 0.0), covered

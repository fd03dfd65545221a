"""How the household shapes by contracted-power class were calibrated (run on demand).

    python bench/calibrate_households.py [CLASS ...]

Fits, for each ARERA power class, the parameters of ``twin.assets.loads.household_archetype``
(named in ``HOUSEHOLD_PARAMETERS``) so that the archetype's expected shape
(``twin.assets.loads.expected_shape``: bumps widened by the members' time shifts, cooling from
Milan's UNI 10349 monthly temperatures, lighting from each day's sunrise and sunset) correlates
with the ARERA Lombardy average profile of every month and day type. The profiles are read from
../shared/data; the fitted parameters, not the data, go into twin/assets/loads.py
(HOUSEHOLD_CLASS_SHAPES). Prints the parameter lines and the worst and mean correlation; starts
from the current parameters, so a rerun can only improve on them.

The expected shape is averaged over the days of 2023 (the ARERA reference year is not stated)
the way the ARERA averages are: energy of a clock hour summed over the days of the month and day
type, divided by their number, so the hour skipped on the last Sunday of March counts as zero
(hour 2 of March Sundays is about a quarter lower in every class and region).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize

from twin.assets.archetypes import (
    HOUSEHOLD_CLASS_SHAPES,
    HOUSEHOLD_PARAMETERS,
    household_archetype,
)
from twin.assets.loads import (
    expected_shape,
)
from twin.core.calendar import day_types

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "load" / "rse_cacer"
NAMES = {0: "Giorno feriale", 1: "Sabato", 2: "Domenica"}
CLASSES = {"0<P<=1.5": 1.5, "1.5<P<=3": 3.0, "3<P<=4.5": 4.5, "4.5<P<=6": 6.0,
           "P>6": float("inf")}
DAYS = pd.date_range("2023-01-01", "2023-12-31", freq="D", tz="Europe/Rome")
BOUNDS = {"evening_hour": (18.0, 22.0), "evening_summer_shift_h": (0.0, 2.0),
          "cooling_per_k": (0.0, 0.5), "night_cooling_per_k": (0.0, 0.5),
          "evening_width_h": (1.0, 3.5), "lighting_until_h": (19.0, 24.0),
          "lighting_smoothing_h": (0.3, 1.5)}
"""Plausible ranges; every other parameter is a height in [0, 3]."""
LOW = np.array([BOUNDS.get(n, (0.0, 3.0))[0] for n in HOUSEHOLD_PARAMETERS])
HIGH = np.array([BOUNDS.get(n, (0.0, 3.0))[1] for n in HOUSEHOLD_PARAMETERS])


def averaging_weights() -> tuple[list[tuple[int, int]], np.ndarray]:
    """(month, day type) keys and weights ``(key, day, hour)`` that average days like ARERA."""
    local = DAYS.tz_localize(None)
    kinds = day_types(DAYS)
    keys = [(m, d) for m in range(1, 13) for d in NAMES]
    weights = np.zeros((len(keys), len(DAYS), 24))
    for k, (m, d) in enumerate(keys):
        on = (local.month == m) & (kinds == d)
        weights[k, on, :] = 1.0 / on.sum()
    midnights = DAYS.append(pd.DatetimeIndex([DAYS[-1].normalize() + pd.DateOffset(days=1)]))
    hours_in_day = (midnights[1:] - midnights[:-1]) / pd.Timedelta(hours=1)
    for day in np.flatnonzero(hours_in_day < 24):
        weights[:, day, 2] = 0.0  # 02:00-03:00 does not exist on the spring-forward day
    return keys, weights


def references(power_class: str, keys: list[tuple[int, int]]) -> np.ndarray:
    frame = pd.read_csv(DATA / "prelievo_orario_ARERA.csv")
    rows = frame[(frame["Regione"] == "Lombardia") & (frame["Classe potenza"] == power_class)]
    return np.array([rows[(rows["Mese"] == m) & (rows["Working day"] == NAMES[d])]
                     .sort_values("Ora")["Prelievo medio Orario Regionale (kWh)"].to_numpy()
                     for m, d in keys])


def correlations(params: np.ndarray, weights: np.ndarray, refs: np.ndarray) -> np.ndarray:
    shape = expected_shape(household_archetype("fit", np.clip(params, LOW, HIGH)), DAYS)
    ours = np.einsum("kdh,dh->kh", weights, shape)
    a = ours - ours.mean(axis=1, keepdims=True)
    b = refs - refs.mean(axis=1, keepdims=True)
    return (a * b).sum(axis=1) / np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))


def fit(power_class: str) -> tuple[np.ndarray, np.ndarray]:
    keys, weights = averaging_weights()
    refs = references(power_class, keys)

    def loss(p: np.ndarray) -> float:
        r = correlations(p, weights, refs)
        return -(r.mean() + 2.0 * r.min())

    current = dict(HOUSEHOLD_CLASS_SHAPES)[CLASSES[power_class]]
    best = None
    with_lighting = np.array(current)
    with_lighting[HOUSEHOLD_PARAMETERS.index("lighting")] = 0.4
    for start in (np.array(current), with_lighting):
        x = np.clip(start, LOW, HIGH)
        for _ in range(3):  # restarts shake Nelder-Mead out of a collapsed simplex
            x = optimize.minimize(loss, x, method="Nelder-Mead", options={
                "maxiter": 6000, "xatol": 1e-4, "fatol": 1e-7, "adaptive": True}).x
        if best is None or loss(x) < loss(best):
            best = x
    best = np.clip(best, LOW, HIGH)
    return best, correlations(best, weights, refs)


def main(classes: list[str]) -> None:
    for power_class in classes or list(CLASSES):
        params, r = fit(power_class)
        limit = CLASSES[power_class]
        limit_text = "np.inf" if np.isinf(limit) else f"{limit:.1f}"
        values = ", ".join(f"{v:.3f}" if name.endswith("_per_k") else f"{v:.2f}"
                           for name, v in zip(HOUSEHOLD_PARAMETERS, params, strict=True))
        print(f"    ({limit_text}, ({values})),"
              f"  # {power_class} r min {r.min():.3f} mean {r.mean():.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

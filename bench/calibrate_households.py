"""How the household model of each ARERA power class was calibrated (run on demand).

    python bench/calibrate_households.py [CLASS ...]

For each ARERA contracted-power class, fits what ``twin.assets.archetypes.HOUSEHOLD_CLASSES``
holds: the 13 shape parameters (named in ``HOUSEHOLD_PARAMETERS``), the level of each month and
the level of Saturdays and Sundays, so that the model's typical days (month x day type) follow
the ARERA Lombardy average profiles of the class in level and shape, not only in correlation
(issue 20: correlation ignores the base load and the peak height).

1. The shape: least squares of the expected typical days (``twin.assets.loads.expected_shape``:
   bumps widened by the members' time shifts, cooling from Milan's UNI 10349 monthly
   temperatures, lighting from each day's sunrise and sunset), each at the levels that fit it
   best (a month factor times a day-type factor, solved in closed form), against ARERA's,
   every hour's residual divided by its typical day's mean.
2. The levels, again, on a simulation: 400 homes of the class's own annual energy (ARERA's on
   a 2023 calendar), two seeds, with everything the expectation leaves out (weeks away in
   summer, appliance cycles, the contracted-power cap); the factors are corrected by the ratio
   of ARERA's energy to the simulated one by month and day type.

The profiles are read from ../shared/data; the fitted numbers, not the data, go into
twin/assets/archetypes.py. Averaging is ARERA's (``averaging_weights``): a clock hour summed
over the days of the month and day type and divided by their number, so the hour skipped on
the last Sunday of March counts as zero. Prints one ``HouseholdClass`` line per class with the
normalised typical-day error before and after.
"""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize

sys.path.insert(0, str(Path(__file__).parent))
from model_metrics import (  # noqa: E402
    ARERA_CLASSES,
    arera_typical_days,
    day_counts,
    household_figures,
    model_typical_days,
    shape_error,
)

from twin.assets.archetypes import (  # noqa: E402
    HOUSEHOLD_CLASSES,
    HOUSEHOLD_PARAMETERS,
    household_archetype,
)
from twin.assets.loads import Consumer, archetype_power, expected_shape  # noqa: E402
from twin.core.calendar import day_types  # noqa: E402
from twin.core.time import time_index  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "load" / "rse_cacer"
DAYS = pd.date_range("2023-01-01", "2023-12-31", freq="D", tz="Europe/Rome")
YEAR = time_index(dt.date(2023, 1, 1), dt.date(2024, 1, 1), "1h")
BOUNDS = {"evening_hour": (18.0, 22.0), "evening_summer_shift_h": (0.0, 2.0),
          "cooling_per_k": (0.0, 0.5), "night_cooling_per_k": (0.0, 0.5),
          "evening_width_h": (1.0, 3.5), "lighting_until_h": (19.0, 24.0),
          "lighting_smoothing_h": (0.3, 1.5), "base": (0.05, 3.0)}
"""Plausible ranges; every other parameter is a height in [0, 8] (relative to the base)."""
LOW = np.array([BOUNDS.get(n, (0.0, 8.0))[0] for n in HOUSEHOLD_PARAMETERS])
HIGH = np.array([BOUNDS.get(n, (0.0, 8.0))[1] for n in HOUSEHOLD_PARAMETERS])
FLAT = (1.0,) * 12


def averaging_weights() -> np.ndarray:
    """Weights ``(month, day type, day, hour)`` that average days like ARERA."""
    local = DAYS.tz_localize(None)
    kinds = day_types(DAYS)
    weights = np.zeros((12, 3, len(DAYS), 24))
    for m in range(12):
        for d in range(3):
            on = (local.month == m + 1) & (kinds == d)
            weights[m, d, on, :] = 1.0 / on.sum()
    midnights = DAYS.append(pd.DatetimeIndex([DAYS[-1].normalize() + pd.DateOffset(days=1)]))
    hours_in_day = (midnights[1:] - midnights[:-1]) / pd.Timedelta(hours=1)
    for day in np.flatnonzero(hours_in_day < 24):
        weights[:, :, day, 2] = 0.0  # 02:00-03:00 does not exist on the spring-forward day
    return weights


def fit_levels(ours: np.ndarray, reference: np.ndarray, counts: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """Month factors ``(12,)`` and day-type factors ``(3,)`` (workday 1) minimising the
    count-weighted squared error of ``ours * f_m * g_d`` against ``reference``
    (typical days ``(month, day type, hour)``), by alternating closed forms."""
    f, g = np.ones(12), np.ones(3)
    cross = (ours * reference).sum(axis=2) * counts
    square = (ours * ours).sum(axis=2) * counts
    for _ in range(20):
        f = (cross * g).sum(axis=1) / (square * g * g).sum(axis=1)
        g = (cross * f[:, None]).sum(axis=0) / (square * (f * f)[:, None]).sum(axis=0)
    return f * g[0], g / g[0]


def expected_typical(params: np.ndarray, weights: np.ndarray) -> np.ndarray:
    shape = expected_shape(household_archetype("fit", np.clip(params, LOW, HIGH), FLAT), DAYS)
    return np.einsum("mkdh,dh->mkh", weights, shape)


def fit_shape(reference: np.ndarray, start: np.ndarray, counts: np.ndarray) -> np.ndarray:
    weights = averaging_weights()
    scale = reference.mean(axis=2, keepdims=True)

    def residuals(params: np.ndarray) -> np.ndarray:
        ours = expected_typical(params, weights)
        f, g = fit_levels(ours, reference, counts)
        return ((ours * f[:, None, None] * g[None, :, None] - reference) / scale).ravel()

    best = optimize.least_squares(residuals, np.clip(start, LOW, HIGH), bounds=(LOW, HIGH),
                                  diff_step=1e-3, x_scale=np.maximum(HIGH - LOW, 0.1) / 10)
    return best.x


def simulate(archetype, annual_kwh: float, kw: float, seeds=(1, 2), n: int = 400) -> np.ndarray:
    """Mean typical days of ``n`` homes over ``seeds``. [kWh per hour]"""
    homes = [Consumer(f"h{i}", "household", annual_kwh, kw) for i in range(n)]
    return np.mean([model_typical_days(archetype_power(archetype, YEAR, homes, s).mean(axis=1),
                                       YEAR) for s in seeds], axis=0)


def calibrate(power_class: str) -> tuple[str, float, float]:
    frame = pd.read_csv(DATA / "prelievo_orario_ARERA.csv")
    reference = arera_typical_days(frame, power_class)
    counts = day_counts(2023)
    annual = household_figures(reference, counts)["annual_kwh"]
    kw = ARERA_CLASSES[power_class]
    current = next(c for c in HOUSEHOLD_CLASSES if kw <= c.limit_kw)
    before = shape_error(simulate(household_archetype(
        "now", current.shape, current.monthly_factor, current.day_type_factor), annual, kw),
        reference)
    params = fit_shape(reference, np.array(current.shape), counts)
    f, g = fit_levels(expected_typical(params, averaging_weights()), reference, counts)
    for _ in range(2):  # what the expectation leaves out, corrected on simulated homes
        ours = simulate(household_archetype("fit", params, f / f.mean(), g), annual, kw)
        df, dg = fit_levels(ours, reference, counts)
        f, g = f * df, g * dg
    f = f / f.mean()
    after = shape_error(simulate(household_archetype("fit", params, f, g), annual, kw),
                        reference)
    limit = "np.inf" if kw == max(ARERA_CLASSES.values()) else f"{current.limit_kw:.1f}"
    line = f"    HouseholdClass({limit},\n" + ",\n".join(
        INDENT + _tuple(values) for values in (params, f, g)) + "),"
    return line, before, after


INDENT = " " * 19


def _tuple(values: np.ndarray) -> str:
    """A tuple of three-decimal numbers wrapped within the line limit, as the code holds it."""
    lines = textwrap.wrap(", ".join(f"{v:.3f}" for v in values), 100 - len(INDENT) - 2)
    return "(" + ("\n" + INDENT + " ").join(lines) + ")"


def main(classes: list[str]) -> None:
    for power_class in classes or list(ARERA_CLASSES):
        line, before, after = calibrate(power_class)
        print(f"    # {power_class}: typical-day error (MAE / mean) {before:.3f} -> {after:.3f}")
        print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

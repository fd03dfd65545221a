"""Batteries: state of charge, efficiency, limits and ageing, dispatched for many at once.

Each step, for every battery at once (numpy over batteries; one pass over time):

1. standby loss: ``standby_loss_pct_per_day`` of the stored energy, spread over the day;
2. the policy offers a **surplus** (energy the battery may take in) and a **deficit** (energy it
   may deliver); a battery never does both in one step;
3. charge ``c = min(surplus, charge_kw × h, room / η_c)``, where room is up to ``soc_max``;
   discharge ``d = min(deficit, discharge_kw × h, (SoC − soc_min) × η_d)``;
4. ``SoC ← SoC + η_c × c − d / η_d``; the usable capacity fades with throughput (per equivalent
   full cycle) and with time (per year); stored energy above the faded maximum is lost too.

So, for every battery and step: ``ΔSoC = η_c × charge − discharge / η_d − loss``, with ``loss``
the standby loss and what fading capacity cuts off (a hypothesis test checks the balance and the
limits). The round-trip efficiency is split evenly, ``η_c = η_d = √η``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HOURS_PER_YEAR = 8766.0


@dataclass(frozen=True)
class Batteries:
    """Parameters of ``n`` batteries (arrays of length ``n``)."""

    capacity_kwh: np.ndarray
    charge_kw: np.ndarray
    discharge_kw: np.ndarray
    round_trip_efficiency: np.ndarray
    soc_min_pct: np.ndarray
    soc_max_pct: np.ndarray
    soc_initial_pct: np.ndarray
    standby_loss_pct_per_day: np.ndarray
    fade_pct_per_cycle: np.ndarray
    fade_pct_per_year: np.ndarray

    def __len__(self) -> int:
        return len(self.capacity_kwh)


@dataclass(frozen=True)
class Dispatch:
    """What the batteries did, ``(time, battery)``. [kWh per step]"""

    charge_kwh: np.ndarray
    """Energy taken in at the terminals."""
    discharge_kwh: np.ndarray
    """Energy delivered at the terminals."""
    soc_kwh: np.ndarray
    """Stored energy at the end of each step."""
    loss_kwh: np.ndarray
    """Standby loss, and stored energy cut off by fading capacity."""
    capacity_kwh: np.ndarray
    """Usable capacity at the end of each step."""


def dispatch(batteries: Batteries, surplus_kwh: np.ndarray, deficit_kwh: np.ndarray,
             step_h: float) -> Dispatch:
    """Charge from ``surplus_kwh`` and discharge into ``deficit_kwh`` (``(time, battery)``,
    non-negative) as far as each battery can (module docstring)."""
    b = batteries
    n_t, n = surplus_kwh.shape
    eta = np.sqrt(np.clip(b.round_trip_efficiency, 1e-6, 1.0))
    cap0 = b.capacity_kwh.astype(float)
    cap = cap0.copy()
    lo, hi = b.soc_min_pct / 100.0, b.soc_max_pct / 100.0
    soc = cap0 * b.soc_initial_pct / 100.0
    keep = (1.0 - b.standby_loss_pct_per_day / 100.0) ** (step_h / 24.0)
    calendar = cap0 * b.fade_pct_per_year / 100.0 * step_h / HOURS_PER_YEAR
    per_kwh = np.divide(b.fade_pct_per_cycle / 100.0, 2.0, out=np.zeros(n), where=cap0 > 0)
    # What the policy offers, within the power limits, for all steps at once.
    offer_in = np.minimum(np.where(surplus_kwh > 0, surplus_kwh, 0.0), b.charge_kw * step_h)
    offer_out = np.minimum(np.where((deficit_kwh > 0) & ~(surplus_kwh > 0), deficit_kwh, 0.0),
                           b.discharge_kw * step_h)
    charge, discharge, stored, loss, capacity = (np.empty((n_t, n)) for _ in range(5))
    _kernel()(offer_in, offer_out, eta, cap, soc, lo, hi, keep, calendar, per_kwh,
              charge, discharge, stored, loss, capacity)
    return Dispatch(charge, discharge, stored, loss, capacity)


def _steps(offer_in, offer_out, eta, cap, soc, lo, hi, keep,  # noqa: ANN001, PLR0913
           calendar, per_kwh, charge, discharge, stored, loss, capacity) -> None:
    """The steps of the module docstring, battery by battery and step by step (compiled by
    numba: a Python loop over 35,040 steps of numpy calls took 0.7-1.5 s for 200 batteries).
    Arrays are ``(time, battery)`` or ``(battery,)``; results are written in place."""
    n_t, n = offer_in.shape
    for k in range(n_t):  # time outside, batteries inside: rows are contiguous
        for j in range(n):
            lost = soc[j] * (1.0 - keep[j])
            s_j = soc[j] - lost
            c_j = cap[j]
            c = min(offer_in[k, j], max(c_j * hi[j] - s_j, 0.0) / eta[j])
            d = min(offer_out[k, j], max(s_j - c_j * lo[j], 0.0) * eta[j])
            s_j += eta[j] * c - d / eta[j]
            c_j = max(c_j - calendar[j] - per_kwh[j] * (eta[j] * c + d / eta[j]), 0.0)
            cut = max(s_j - c_j * hi[j], 0.0)
            soc[j], cap[j] = s_j - cut, c_j
            charge[k, j], discharge[k, j], stored[k, j] = c, d, soc[j]
            loss[k, j], capacity[k, j] = lost + cut, c_j


_COMPILED: list = []


def _kernel():  # noqa: ANN202 - the compiled function
    """:func:`_steps` compiled by numba on first use (numba imported only then)."""
    if not _COMPILED:
        import numba

        _COMPILED.append(numba.njit(cache=True)(_steps))
    return _COMPILED[0]


def behind_the_meter_offers(surplus_kwh: np.ndarray, load_kwh: np.ndarray
                            ) -> tuple[np.ndarray, np.ndarray]:
    """``self_consumption``: charge from what the host's plants would inject, discharge into
    what the host would withdraw."""
    return np.maximum(surplus_kwh, 0.0), np.maximum(load_kwh, 0.0)


def schedule_offers(local_hour: np.ndarray, charge_hours: tuple[int, int],
                    discharge_hours: tuple[int, int], surplus_kwh: np.ndarray,
                    load_kwh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``schedule``: charge from the host's surplus only within a daily window, discharge into
    its load only within another (local hours, ``[from, to)``, wrapping past midnight)."""
    def within(window: tuple[int, int]) -> np.ndarray:
        a, b = window
        return (local_hour >= a) & (local_hour < b) if a <= b else \
            (local_hour >= a) | (local_hour < b)

    charge = within(charge_hours)[:, None]
    discharge = within(discharge_hours)[:, None]
    return (np.where(charge, np.maximum(surplus_kwh, 0.0), 0.0),
            np.where(discharge, np.maximum(load_kwh, 0.0), 0.0))


def batteries_of(events: list) -> Batteries:  # list of StorageInstalled
    """The parameters of batteries installed by ``StorageInstalled`` events."""
    def col(name: str) -> np.ndarray:
        return np.array([float(getattr(e, name)) for e in events])

    return Batteries(col("capacity_kwh"), col("charge_kw"), col("discharge_kw"),
                     col("round_trip_efficiency"), col("soc_min_pct"), col("soc_max_pct"),
                     col("soc_initial_pct"), col("standby_loss_pct_per_day"),
                     col("fade_pct_per_cycle"), col("fade_pct_per_year"))

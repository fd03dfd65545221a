"""Demand that moves toward the sun: EV charging sessions placed in their plug-in window, and
the flexible part of a heat pump's load shifted by a few hours. Energy is conserved: every
session delivers its energy, every day keeps its heat-pump energy."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Session:
    """One plug-in of a vehicle: steps ``[arrive, depart)`` of the run and the energy it
    needs. [kWh]"""

    arrive: int
    depart: int
    energy_kwh: float


def charge_sessions(sessions: list[Session], n_steps: int, charger_kwh_per_step: float,
                    policy: str, solar_weight: np.ndarray) -> np.ndarray:
    """Energy drawn by one vehicle in each step. [kWh]

    ``immediate``: at full charger power from arrival until the need is met. ``solar_first``:
    the steps of the window with the most sun first (``solar_weight``, e.g. the configuration's
    PV output), the sunless rest in time order. A need the window cannot hold is capped at what
    the charger can deliver in it (the same for both policies).
    """
    out = np.zeros(n_steps)
    for s in sessions:
        steps = np.arange(s.arrive, min(s.depart, n_steps))
        if not len(steps):
            continue
        need = min(s.energy_kwh, charger_kwh_per_step * len(steps))
        if policy == "solar_first":
            sunny = steps[solar_weight[steps] > 0]
            dark = steps[solar_weight[steps] <= 0]
            steps = np.r_[sunny[np.argsort(-solar_weight[sunny], kind="stable")], dark]
        full = int(need // charger_kwh_per_step)
        out[steps[:full]] += charger_kwh_per_step
        if full < len(steps):
            out[steps[full]] += need - full * charger_kwh_per_step
    return out


def shift_toward_sun(energy_kwh: np.ndarray, share: float, max_shift_steps: int,
                     solar_weight: np.ndarray, day_of_step: np.ndarray) -> np.ndarray:
    """Move ``share`` of each step's energy to the step within ``max_shift_steps`` of it, on the
    same local day, with the most sun (itself if none has more). ``energy_kwh`` is ``(time,)``.
    Each day's energy is unchanged. [kWh]"""
    n = len(energy_kwh)
    flexible = energy_kwh * share
    best = np.arange(n)
    best_weight = solar_weight.copy()
    for offset in range(-max_shift_steps, max_shift_steps + 1):
        target = np.arange(n) + offset
        ok = (target >= 0) & (target < n)
        t_ok = np.where(ok, target, 0)
        ok &= day_of_step[t_ok] == day_of_step
        better = ok & (solar_weight[t_ok] > best_weight)
        best = np.where(better, t_ok, best)
        best_weight = np.where(better, solar_weight[t_ok], best_weight)
    out = energy_kwh - flexible
    np.add.at(out, best, flexible)
    return out

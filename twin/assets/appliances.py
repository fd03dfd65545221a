"""Household appliances as discrete, seeded cycles on top of the smooth archetype load.

A household's archetype gives its expected shape; what a meter sees is lumpier: a washing machine
heats water at 2 kW for a quarter of an hour, an oven runs for an hour. Each household owns each
appliance with its probability, runs it a random number of times (Poisson, its uses per week) at
start times drawn from its own load shape, and the energy of those cycles is taken from the smooth
part, so the member's annual energy and the community's expected shape do not change while the
individual profile gets its peaks (the RSE domestic load emulator and RECOpt build households the
same way, appliance by appliance).

Parameters are assumptions from typical Italian appliance use, written here and compared in the
tests with the RSE domestic load emulator's cycles (``rse_cacer/appliance_load_profile.xlsx``,
read from ../shared/data, never copied).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twin.core.random import member_rng

QUARTER_H = 0.25


@dataclass(frozen=True)
class Appliance:
    """One appliance's cycle and use."""

    name: str
    cycle_kw: tuple[float, ...]
    """Mean power in each quarter hour of one cycle. [kW]"""
    uses_per_week: float
    """Cycles per week in a household that owns it."""
    ownership: float
    """Share of households that own it."""

    @property
    def cycle_kwh(self) -> float:
        return sum(self.cycle_kw) * QUARTER_H


APPLIANCES: tuple[Appliance, ...] = (
    # 40 °C programme: water heated in the first quarter hour, then drum and spin.
    Appliance("washing_machine", (1.9, 0.4, 0.15, 0.15, 0.3, 0.15), uses_per_week=3.5,
              ownership=0.97),
    # Heating for washing and again for drying.
    Appliance("dish_washer", (1.8, 0.15, 0.1, 0.1, 1.8, 0.1), uses_per_week=4.0,
              ownership=0.55),
    # Preheating at full power, then the thermostat cycling (EU label: 0.7-1 kWh a cycle).
    Appliance("oven", (1.8, 0.7, 0.5), uses_per_week=2.0, ownership=0.95),
)
"""Cycles per quarter hour: about 0.8, 1.0 and 0.75 kWh a cycle; 320 kWh a year for the average
household (12 % of 2,700 kWh). Shorter bursts (kettle, microwave, iron) stay in the smooth part
and its interval noise."""

MAX_SHARE = 0.12
"""At most this share of a member's energy comes in cycles: what they take in the average home
(320 of 2,700 kWh). A smaller home runs proportionally fewer cycles, so the cycles scale with
its energy instead of taking half of it (which once flattened the 1.5 kW class's shape)."""
AWAY_BELOW = 0.5
"""A day with less than this share of the member's mean daily energy is a day away: no cycles."""
MAX_CYCLES_PER_DAY = 3
"""Runs of one appliance in one day at most (a Poisson count is cut there)."""


def add_appliance_cycles(power_kw: np.ndarray, member_ids: list[str], total_kwh: np.ndarray,
                         step_h: float, seed: int) -> None:
    """Move part of each member's energy into appliance cycles, in place.

    ``power_kw`` is ``(time, member)`` mean power per step of 15 minutes or one hour, starting
    at a local midnight; ``total_kwh`` is each column's energy. Day by day (blocks of 24 hours),
    each owned appliance runs a Poisson number of times (its uses per week; none on days away,
    see :data:`AWAY_BELOW`), at times drawn in proportion to the member's power that day, the
    cycle's centre of energy at the drawn time. The smooth part is scaled down by the cycles'
    energy, so each column's total is unchanged.

    Every draw comes from the member's own ``appliances`` stream in fixed-size blocks per day:
    a change to one day (weather, a profile) moves only that day's cycles, and other members
    are never touched.
    """
    if step_h not in (0.25, 1.0):
        raise ValueError(f"appliance cycles need a step of 15 minutes or 1 hour; got {step_h} h")
    n_t, n_m = power_kw.shape
    per_hour = int(round(1.0 / step_h))  # steps in an hour
    quarters = int(round(step_h / QUARTER_H))  # quarters in a step
    total_kwh = np.asarray(total_kwh, dtype=float)
    n_hours = n_t // per_hour
    n_days = -(-n_hours // 24)
    daily = np.zeros((n_m, n_days * 24))  # energy by member and hour, whole days [kWh]
    daily[:, :n_hours] = power_kw[: n_hours * per_hour].T.reshape(n_m, n_hours, per_hour).sum(
        axis=2) * step_h
    daily = daily.reshape(n_m, n_days, 24)
    home = daily.sum(axis=2) >= AWAY_BELOW * total_kwh[:, None] / n_days  # (member, day)

    n_kinds = len(APPLIANCES)
    ownership = np.array([a.ownership for a in APPLIANCES])
    per_day = np.array([a.uses_per_week for a in APPLIANCES]) / 7.0
    cycle_kwh = np.array([a.cycle_kwh for a in APPLIANCES])
    expected_kwh = (ownership * per_day) @ cycle_kwh * n_days
    owned = np.zeros((n_m, n_kinds), dtype=bool)
    draws = np.zeros((n_m, n_days, n_kinds, 1 + MAX_CYCLES_PER_DAY), dtype=np.float32)
    for j, member_id in enumerate(member_ids):  # the draws, from each member's own stream
        rng = member_rng(seed, f"{member_id}/appliances")
        owned[j] = rng.random(n_kinds) < ownership
        draws[j] = rng.random((n_days, n_kinds, 1 + MAX_CYCLES_PER_DAY), dtype=np.float32)
    thin = np.minimum(1.0, MAX_SHARE * total_kwh / expected_kwh)  # (member,)
    rate = (per_day[None, None, :] * (owned * thin[:, None])[:, None, :]
            * home[:, :, None])  # (member, day, kind)
    count = _poisson_counts(draws[..., 0], rate)
    member, day, kind, slot = np.nonzero(np.arange(MAX_CYCLES_PER_DAY) < count[..., None])
    if not len(member):
        return
    u = draws[member, day, kind, 1 + slot]
    centre_quarter = _drawn_quarters(daily, member, day, u)
    _place_cycles(power_kw, centre_quarter, member, kind, total_kwh, quarters, step_h)


def _drawn_quarters(daily: np.ndarray, member: np.ndarray, day: np.ndarray,
                    u: np.ndarray) -> np.ndarray:
    """The quarter hour (from the first day's midnight) at the centre of each cycle.

    The drawn hour is the inverse CDF of the day's hourly energy, for every cycle in one search
    of the running total over (member, day, hour), which increases throughout; the quarter within
    the hour follows the same draw.
    """
    n_days = daily.shape[1]
    running = np.cumsum(daily.reshape(-1))
    day_end = running[23::24]
    day_start = np.r_[0.0, day_end[:-1]]
    block = member * n_days + day
    target = day_start[block] + u * (day_end[block] - day_start[block])
    position = np.minimum(np.searchsorted(running, target, side="right"), block * 24 + 23)
    hour = position - block * 24
    before = np.where(hour > 0, running[np.maximum(position - 1, 0)], day_start[block])
    within = (target - before) / np.maximum(running[position] - before, 1e-300)
    return (day * 24 + hour) * 4 + np.minimum(within * 4, 3.999).astype(int)


def _place_cycles(power_kw: np.ndarray, centre_quarter: np.ndarray, member: np.ndarray,
                  kind: np.ndarray, total_kwh: np.ndarray, quarters: int, step_h: float) -> None:
    """Add each cycle's power curve around its centre and take its energy from the smooth part
    of the member's load, in place."""
    n_t, n_m = power_kw.shape
    longest = max(len(a.cycle_kw) for a in APPLIANCES)
    cycle_kw = np.zeros((len(APPLIANCES), longest))
    for k, a in enumerate(APPLIANCES):
        cycle_kw[k, :len(a.cycle_kw)] = a.cycle_kw
    lead = np.rint(cycle_kw @ np.arange(longest) / cycle_kw.sum(axis=1)).astype(int)
    quarter = (centre_quarter - lead[kind])[:, None] + np.arange(longest)[None, :]
    step = quarter // quarters  # (cycle, quarter of the cycle)
    kw = cycle_kw[kind] / quarters
    inside = (step >= 0) & (step < n_t) & (kw > 0)
    step, kw = step[inside], kw[inside]
    member = np.broadcast_to(member[:, None], inside.shape)[inside]
    cycles_kwh = np.bincount(member, weights=kw, minlength=n_m) * step_h
    share = np.divide(cycles_kwh, total_kwh, out=np.zeros(n_m), where=total_kwh > 0)
    power_kw *= np.clip(1.0 - share, 0.0, 1.0)[None, :]
    np.add.at(power_kw.reshape(-1), step * n_m + member, kw)
    over = np.flatnonzero(share > 1.0)  # cycles beyond the member's energy (tiny loads)
    if len(over):
        power_kw[:, over] *= total_kwh[over] / (power_kw[:, over].sum(axis=0) * step_h)



def _poisson_counts(u: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """Poisson counts by inverting the distribution function at ``u``, up to
    :data:`MAX_CYCLES_PER_DAY` (the same ``u`` always gives the same count for the same rate)."""
    term = np.exp(-rate)
    cdf = term.copy()
    count = np.zeros(u.shape, dtype=int)
    for k in range(1, MAX_CYCLES_PER_DAY + 1):
        count += u > cdf
        term = term * rate / k
        cdf = cdf + term
    return count

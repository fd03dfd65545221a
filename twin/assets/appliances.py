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
    total_kwh = np.asarray(total_kwh, dtype=float)
    cycles = drawn_cycles(power_kw, member_ids, total_kwh, step_h, seed)
    if len(cycles[0]):
        place_cycles(power_kw, *cycles, total_kwh, step_h)


def drawn_cycles(power_kw: np.ndarray, member_ids: list[str], total_kwh: np.ndarray,
                 step_h: float, seed: int) -> tuple[np.ndarray, ...]:
    """Every cycle of the period: its member (column), day, appliance (index in
    :data:`APPLIANCES`) and the uniform draw that places it within the day, ordered by member,
    day, appliance and run."""
    n_t, n_m = power_kw.shape
    per_hour = int(round(1.0 / step_h))  # steps in an hour
    n_hours = n_t // per_hour
    n_days = -(-n_hours // 24)
    full = n_hours // 24  # whole days; a last, shorter one is summed apart
    day_kwh = np.zeros((n_days, n_m))  # energy by day and member [kWh]
    day_kwh[:full] = power_kw[: full * 24 * per_hour].reshape(full, 24 * per_hour, n_m).sum(
        axis=1) * step_h
    if full < n_days:
        day_kwh[full] = power_kw[full * 24 * per_hour: n_hours * per_hour].sum(axis=0) * step_h
    home = day_kwh.T >= AWAY_BELOW * total_kwh[:, None] / n_days  # (member, day)

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
    rate = per_day[None, None, :] * (owned * thin[:, None])[:, None, :]  # (member, 1, kind)
    count = _poisson_counts(draws[..., 0], rate) * home[:, :, None]  # none on days away
    member, day, kind, slot = np.nonzero(np.arange(MAX_CYCLES_PER_DAY) < count[..., None])
    return member, day, kind, draws[member, day, kind, 1 + slot].astype(np.float64)


def cycle_curves() -> tuple[np.ndarray, np.ndarray]:
    """Each appliance's power per quarter hour of its cycle, padded with zeros, ``(appliance,
    quarter)`` [kW]; and the quarter of its centre of energy from its start."""
    longest = max(len(a.cycle_kw) for a in APPLIANCES)
    cycle_kw = np.zeros((len(APPLIANCES), longest))
    for k, a in enumerate(APPLIANCES):
        cycle_kw[k, :len(a.cycle_kw)] = a.cycle_kw
    return cycle_kw, np.rint(cycle_kw @ np.arange(longest) / cycle_kw.sum(axis=1)).astype(
        np.int64)


COMPILED_FROM_STEPS = 5_000_000
"""From this many member-steps in one call or one run (:func:`prepare_placement`), cycles are
placed by compiled loops (numba): a 20-year block of 256 members is 45 million hourly steps
(0.84 s instead of 4.1 s), a year of 256 members at 15 minutes 9 million; below, by numpy, which
needs no import or compiled code to load (importing numba adds 0.2 s, more than numpy's 0.08 s
for a one-year hourly block of 2.2 million; both from ``python bench/appliances.py``). Once
loaded, the compiled loops place every call's cycles."""


def prepare_placement(member_steps: int) -> None:
    """Load the compiled placement when a run will place cycles over ``member_steps`` of at
    least :data:`COMPILED_FROM_STEPS` (a long run calls the model one year at a time: each call
    alone would be under it)."""
    if member_steps >= COMPILED_FROM_STEPS:
        _kernels()


def place_cycles(power_kw: np.ndarray, member: np.ndarray, day: np.ndarray, kind: np.ndarray,
                 u: np.ndarray, total_kwh: np.ndarray, step_h: float,
                 compiled: bool | None = None) -> None:
    """Put the cycles (:func:`drawn_cycles`) in ``power_kw``, in place: each centred on the
    quarter hour its draw gives in its day's load (the inverse of the day's hourly energy
    distribution at ``u``, read before any cycle is added), its energy taken from the smooth
    part of its member's load. Two equal implementations (a test holds them to 1e-12):
    numpy, and compiled loops (decision 70), chosen by ``compiled``, or when it is None from
    :data:`COMPILED_FROM_STEPS` (or because they are loaded already)."""
    n_t, n_m = power_kw.shape
    per_hour = int(round(1.0 / step_h))
    quarters = int(round(step_h / QUARTER_H))  # quarters in a step
    cycle_kw, lead = cycle_curves()
    member, kind = member.astype(np.int64), kind.astype(np.int64)
    if compiled is None:
        compiled = bool(_COMPILED) or n_t * n_m >= COMPILED_FROM_STEPS
    if compiled:
        centres, add = _kernels()
        by_day = np.argsort(day, kind="stable")  # rows of power_kw in order, members across
        centre = np.empty(len(member), dtype=np.int64)
        centre[by_day] = centres(power_kw, member[by_day], day[by_day].astype(np.int64),
                                 u[by_day], per_hour, step_h)
        cycles_kwh = add(power_kw, centre, member, kind, quarters, step_h, cycle_kw, lead, False)
    else:
        centre = _centres_numpy(power_kw, member, day, u, per_hour, step_h)
        step, kw, who = _cycle_steps(centre, member, kind, n_t, quarters, cycle_kw, lead)
        cycles_kwh = np.bincount(who, weights=kw, minlength=n_m) * step_h
    share = np.divide(cycles_kwh, total_kwh, out=np.zeros(n_m), where=total_kwh > 0)
    power_kw *= np.clip(1.0 - share, 0.0, 1.0)[None, :]  # the smooth part gives the cycles'
    if compiled:                                         # energy
        add(power_kw, centre, member, kind, quarters, step_h, cycle_kw, lead, True)
    else:
        np.add.at(power_kw.reshape(-1), step * n_m + who, kw)
    over = np.flatnonzero(share > 1.0)  # cycles beyond the member's energy (tiny loads)
    if len(over):
        power_kw[:, over] *= total_kwh[over] / (power_kw[:, over].sum(axis=0) * step_h)


def _centres_numpy(power_kw: np.ndarray, member: np.ndarray, day: np.ndarray, u: np.ndarray,
                   per_hour: int, step_h: float) -> np.ndarray:
    """:func:`_centres` in numpy: one search of the running total over (member, day, hour),
    which increases throughout."""
    n_t, n_m = power_kw.shape
    n_hours = n_t // per_hour
    n_days = -(-n_hours // 24)
    daily = np.zeros((n_m, n_days * 24))  # energy by member and hour, whole days [kWh]
    daily[:, :n_hours] = power_kw[: n_hours * per_hour].T.reshape(n_m, n_hours, per_hour).sum(
        axis=2) * step_h
    running = np.cumsum(daily)
    day_end = running[23::24]
    day_start = np.r_[0.0, day_end[:-1]]
    block = member * n_days + day
    target = day_start[block] + u * (day_end[block] - day_start[block])
    position = np.minimum(np.searchsorted(running, target, side="right"), block * 24 + 23)
    hour = position - block * 24
    before = np.where(hour > 0, running[np.maximum(position - 1, 0)], day_start[block])
    within = (target - before) / np.maximum(running[position] - before, 1e-300)
    return (day * 24 + hour) * 4 + np.minimum(within * 4, 3.999).astype(np.int64)


def _cycle_steps(centre: np.ndarray, member: np.ndarray, kind: np.ndarray, n_t: int,
                 quarters: int, cycle_kw: np.ndarray,
                 lead: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each cycle's steps inside the period, its power in them and its member (numpy)."""
    quarter = (centre - lead[kind])[:, None] + np.arange(cycle_kw.shape[1])[None, :]
    step = quarter // quarters
    kw = cycle_kw[kind] / quarters
    inside = (step >= 0) & (step < n_t) & (kw > 0)
    return step[inside], kw[inside], np.broadcast_to(member[:, None], inside.shape)[inside]


def _centres(power_kw: np.ndarray, member: np.ndarray, day: np.ndarray, u: np.ndarray,
             per_hour: int, step_h: float) -> np.ndarray:  # pragma: no cover - compiled
    """The quarter hour (from the first day's midnight) at the centre of each cycle: the hour
    is the inverse of the day's hourly energy distribution at ``u`` (the first hour whose
    running total exceeds ``u`` × the day's energy), and the quarter within it follows the same
    ``u``. Plain loops, compiled by numba; the cycles of one member-day come together."""
    n_t = power_kw.shape[0]
    n_hours = n_t // per_hour
    centre = np.empty(len(member), dtype=np.int64)
    hourly = np.zeros(24)
    last = (-1, -1)
    for i in range(len(member)):
        m, d = member[i], day[i]
        if (m, d) != last:  # the day's hourly energy, once per member-day
            last = (m, d)
            for h in range(24):
                e = 0.0
                if d * 24 + h < n_hours:
                    for k in range(per_hour):
                        e += power_kw[(d * 24 + h) * per_hour + k, m]
                hourly[h] = e * step_h
        target = u[i] * hourly.sum()
        running, h = 0.0, 0
        while h < 23 and running + hourly[h] <= target:
            running += hourly[h]
            h += 1
        within = (target - running) / max(hourly[h], 1e-300)
        centre[i] = (d * 24 + h) * 4 + min(int(within * 4.0), 3)
    return centre


def _add(power_kw: np.ndarray, centre: np.ndarray, member: np.ndarray, kind: np.ndarray,
         quarters: int, step_h: float, cycle_kw: np.ndarray, lead: np.ndarray,
         adding: bool) -> np.ndarray:  # pragma: no cover - compiled
    """Each cycle's power curve around its centre, ``1 / quarters`` of a quarter's power in
    each step of ``quarters`` quarter hours: added to ``power_kw`` in place when ``adding``,
    else only summed. Returns each member's cycle energy. [kWh]"""
    n_t, n_m = power_kw.shape
    cycles_kwh = np.zeros(n_m)
    for i in range(len(member)):
        for q in range(cycle_kw.shape[1]):
            step = (centre[i] - lead[kind[i]] + q) // quarters
            kw = cycle_kw[kind[i], q] / quarters
            if 0 <= step < n_t and kw > 0:
                cycles_kwh[member[i]] += kw * step_h
                if adding:
                    power_kw[step, member[i]] += kw
    return cycles_kwh


_COMPILED: list = []


def _kernels() -> list:
    """:func:`_centres` and :func:`_add` compiled by numba on first use (cached on disk; numba
    is imported only then)."""
    if not _COMPILED:
        import numba

        _COMPILED.extend(numba.njit(cache=True)(f) for f in (_centres, _add))
    return _COMPILED


def _poisson_counts(u: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """Poisson counts by inverting the distribution function at ``u``, up to
    :data:`MAX_CYCLES_PER_DAY` (the same ``u`` always gives the same count for the same rate);
    ``rate`` broadcasts against ``u`` (one rate per member and appliance serves every day)."""
    term = np.exp(-rate)
    cdf = term.copy()
    count = np.zeros(u.shape, dtype=int)
    for k in range(1, MAX_CYCLES_PER_DAY + 1):
        count += u > cdf
        term = term * rate / k
        cdf = cdf + term
    return count

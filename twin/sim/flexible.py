"""Members' demand that moves toward the sun, applied as their loads are generated: an EV's
sessions (drawn by SimPy, :mod:`twin.sim.ev`) placed by its policy, and the flexible share of a
load shifted by a few hours (:mod:`twin.assets.flexible`). The sun is the configuration's own
PV output, known before any load."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from twin.assets.flexible import charge_sessions, shift_toward_sun
from twin.core.time import interval_hours, to_local
from twin.events import MemberJoined
from twin.sim.ev import ev_sessions


def move_flexible_demand(block: Sequence[MemberJoined], energy_kwh: np.ndarray,
                         index: pd.DatetimeIndex, seed: int, sun: np.ndarray,
                         config_col: dict[str, int]) -> None:
    """Rewrite the energy of a block's flexible members in place, ``(time, block)``. [kWh]

    A member with an ``ev_policy`` is its vehicle: its load is the vehicle's sessions (its
    ``annual_kwh`` a year); ``flexible_share`` moves up to ``max_shift_h`` within the day.
    ``sun`` is ``(time, configuration)`` PV output, the weight of each step."""
    if not any(m.flexibility for m in block):
        return
    step_h = interval_hours(index)
    days = to_local(index).normalize()
    day_of_step = np.unique(days.asi8, return_inverse=True)[1]
    for i, m in enumerate(block):
        f = m.flexibility
        if f is None:
            continue
        weight = sun[:, config_col[m.configuration_id]]
        if f.ev_policy:
            sessions = ev_sessions(m.member_id, index, seed, m.annual_kwh,
                                   (float(f.plug_in_hours[0]), float(f.plug_in_hours[1])))
            energy_kwh[:, i] = charge_sessions(sessions, len(index), f.charger_kw * step_h,
                                               f.ev_policy, weight)
        if f.flexible_share > 0 and f.max_shift_h > 0:
            energy_kwh[:, i] = shift_toward_sun(energy_kwh[:, i], f.flexible_share,
                                                round(f.max_shift_h / step_h), weight,
                                                day_of_step)

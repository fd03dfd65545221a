"""EV charging sessions drawn by SimPy: one process per vehicle, seeded, day after day it
arrives (with a probability), plugs in until it leaves, and asks for its energy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import simpy

from twin.assets.flexible import Session
from twin.core.random import member_rng
from twin.core.time import to_local

USE_PROBABILITY = 0.55
"""Days a vehicle plugs in (the ev_charging archetype's 55 %) [assumed]."""
ARRIVAL_SD_H = 1.0
"""Spread of the arrival time around its mean. [h]"""


def ev_sessions(member_id: str, index: pd.DatetimeIndex, seed: int, annual_kwh: float,
                plug_in_hours: tuple[float, float]) -> list[Session]:
    """The sessions of one vehicle over the run: arrival about ``plug_in_hours[0]`` local time,
    departure at ``plug_in_hours[1]`` (the next day if earlier), energy split so that a year
    of sessions adds up to ``annual_kwh``."""
    rng = member_rng(seed, f"ev:{member_id}")
    local = to_local(index)
    step_h = (index[1] - index[0]).total_seconds() / 3600 if len(index) > 1 else 1.0
    start_hour = float(local[0].hour + local[0].minute / 60)
    days = (len(index) * step_h + start_hour) / 24.0
    arrive_h, depart_h = plug_in_hours
    window_h = (depart_h - arrive_h) % 24 or 24.0
    env = simpy.Environment()
    drawn: list[tuple[float, float]] = []

    def vehicle():  # noqa: ANN202 - a SimPy process
        for day in range(int(np.ceil(days))):
            plug = day * 24.0 + arrive_h + rng.normal(0.0, ARRIVAL_SD_H) - start_hour
            use = rng.random() < USE_PROBABILITY
            if use and plug >= env.now:
                yield env.timeout(plug - env.now)
                drawn.append((env.now, env.now + window_h))
            yield env.timeout(max((day + 1) * 24.0 - start_hour - env.now, 0.0))

    env.process(vehicle())
    env.run()
    if not drawn:
        return []
    per_session = annual_kwh * (len(index) * step_h / 8760.0) / len(drawn)
    return [Session(int(a / step_h), int(b / step_h), per_session) for a, b in drawn
            if 0 <= a / step_h < len(index)]

"""Benchmark: PV for 200 plants, one year at 15 minutes, vectorised vs a ModelChain loop.

    python bench/pv.py [--plants 200] [--step 15min]

In one run: :func:`twin.assets.pv.plant_ac_power_kw` for all plants at once, and pvlib's
``ModelChain`` (same models) plant by plant, on the same built-in weather; prints the speed-up
and the largest difference in annual energy. Target (issue 4): ≥ 20× with the same totals.
Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np
from community import record
from naive_twin import modelchain_kw

from twin.assets.pv import plant_ac_power_kw
from twin.core.time import time_index
from twin.events import PlantCommissioned
from weather import generate_milan_weather


def plants(n: int, seed: int = 0) -> list[PlantCommissioned]:
    """Plants on 20 Milan sites with 4 roof orientations each (as a city's roofs are)."""
    rng = np.random.default_rng(seed)
    sites = [(45.44 + rng.uniform(0, 0.1), 9.12 + rng.uniform(0, 0.15)) for _ in range(20)]
    orientations = [(15.0, 180.0), (10.0, 90.0), (10.0, 270.0), (30.0, 160.0)]
    out = []
    for j in range(n):
        lat, lon = sites[j % len(sites)]
        tilt, azimuth = orientations[(j // len(sites)) % len(orientations)]
        kwp = float(rng.uniform(10, 900))
        out.append(PlantCommissioned(
            effective_utc=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), plant_id=f"p{j}",
            configuration_id="c", source="pv", capacity_kwp=kwp, inverter_kw=kwp * 0.95,
            tilt_deg=tilt, azimuth_deg=azimuth, latitude=lat, longitude=lon,
            mounting="open_rack" if j % 2 else "roof_mounted", system_losses_pct=0.0,
            degradation_pct_per_year=0.0, albedo=0.2, entry_into_operation=dt.date(2025, 1, 1),
            lifecycle="existing", grant_intensity_pct=0.0, building_obligation_kw=0.0,
            pre_constitution_exception=False, owner=None, host_member=None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plants", type=int, default=200)
    parser.add_argument("--step", choices=["1h", "15min"], default="15min")
    args = parser.parse_args()
    index = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), args.step)
    weather, _ = generate_milan_weather(index, seed=1)
    fleet = plants(args.plants)

    start = time.perf_counter()
    fast = plant_ac_power_kw(fleet, weather)
    fast_s = time.perf_counter() - start

    start = time.perf_counter()
    slow = np.column_stack([modelchain_kw(p, weather) for p in fleet])
    slow_s = time.perf_counter() - start

    annual_fast, annual_slow = fast.sum(axis=0), slow.sum(axis=0)
    worst = float(np.max(np.abs(annual_fast / annual_slow - 1)))
    record(f"PV: {args.plants} plants, 1 year at {args.step} ({len(index):,} steps)",
           f"vectorised {fast_s:.2f} s",
           f"ModelChain loop {slow_s:.1f} s (speed-up {slow_s / fast_s:.0f}×; annual energy "
           f"equal within {worst:.1e})",
           f"python bench/pv.py --plants {args.plants} --step {args.step}")

if __name__ == "__main__":
    main()

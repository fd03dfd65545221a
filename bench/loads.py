"""Benchmark: 10,000 members, one year at 15 minutes, generated and aggregated per configuration.

    python bench/loads.py [--members 10000] [--step 15min]

Builds a community of 4 configurations with a realistic mix of archetypes, runs the SimPy
timeline and books the loads in member blocks (twin.sim.flows.book_flows). Reports the wall time,
the peak resident memory of this process, and, as a reference measured in the same run, the time
to draw as many normal random numbers as the loads have values (touching the data once).
Targets (issue 5): < 10 s and < 2 GB peak. Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time

import numpy as np
from community import MIX, record

from twin.core.time import time_index
from twin.events import CommunityFounded, ConfigurationRegistered, MemberJoined
from twin.inputs.prices import builtin_zonal_price
from twin.inputs.run import Inputs
from twin.sim.flows import book_flows
from twin.sim.timeline import run_timeline
from weather import generate_milan_weather


def events(n: int) -> list:
    t0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    out: list = [CommunityFounded(effective_utc=t0, name="bench", region="Lombardia",
                                  market_zone="NORD", solidarity=True,
                                  founded_on=dt.date(2025, 1, 1))]
    out += [ConfigurationRegistered(effective_utc=t0, configuration_id=f"c{k}", name=f"C{k}",
                                    cabina_primaria=f"CP{k}") for k in range(4)]
    rng = np.random.default_rng(0)
    names, weights = zip(*MIX, strict=True)
    kinds = rng.choice(names, size=n, p=np.array(weights) / sum(weights))
    for i, kind in enumerate(kinds):
        out.append(MemberJoined(effective_utc=t0, member_id=f"m{i}", configuration_id=f"c{i % 4}",
                                category="household", archetype=str(kind),
                                annual_kwh=float(rng.uniform(1200, 4000)), group_id=str(kind)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--step", choices=["1h", "15min"], default="15min")
    args = parser.parse_args()
    index = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), args.step)
    hourly = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
    weather, meta = generate_milan_weather(index, 1)
    inputs = Inputs(index, hourly, weather, meta, builtin_zonal_price(hourly, 1), {})
    log = events(args.members)

    start = time.perf_counter()
    timeline = run_timeline(log, index)
    _, counted = book_flows(log, inputs, 1, timeline, [f"c{k}" for k in range(4)])
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    start = time.perf_counter()
    rng = np.random.default_rng(0)
    for lo in range(0, args.members, 256):
        rng.standard_normal((len(index), min(256, args.members - lo))).sum(axis=1)
    reference = time.perf_counter() - start
    total_gwh = counted.configuration_withdrawal_kwh.sum() / 1e6
    record(f"loads: {args.members:,} members, 1 year at {args.step}, 4 configurations "
           f"({total_gwh:.1f} GWh)",
           f"{elapsed:.1f} s, peak RSS {peak_mb:,.0f} MB",
           f"drawing as many normals {reference:.1f} s (ratio {elapsed / reference:.1f})",
           f"python bench/loads.py --members {args.members} --step {args.step}")

if __name__ == "__main__":
    main()

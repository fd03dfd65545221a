"""Benchmark: 10,000 members and 200 plants in 4 configurations, one year at 15 minutes.

    python bench/scale.py [--members 10000] [--plants 200] [--step 15min]

The whole run (``twin.Simulation.run()``: timeline, PV, loads, rules, cash and fund) in this
process; reports the wall time, the peak resident memory, and, measured in the same run as a
reference, the time to touch the data once (draw as many normal numbers as the run has load
and PV values). Targets (issue 9): < 10 s and < 3 GB peak. Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from community import bench_spec, record

from twin.sim.run import Simulation


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--plants", type=int, default=200)
    parser.add_argument("--step", choices=["1h", "15min"], default="15min")
    args = parser.parse_args()
    spec = bench_spec(args.members, args.plants, args.step)
    start = time.perf_counter()
    result = Simulation(spec).run()
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    steps = 8760 * (4 if args.step == "15min" else 1)
    start = time.perf_counter()
    rng = np.random.default_rng(0)
    columns = args.members + args.plants
    for lo in range(0, columns, 256):
        rng.standard_normal((steps, min(256, columns - lo))).sum(axis=1)
    reference = time.perf_counter() - start
    shared = result.summary.loc["community", "shared_mwh"]
    record(f"scale: {args.members:,} members, {args.plants} plants, 4 configurations, 1 year "
           f"at {args.step}, whole run ({shared:,.0f} MWh shared)",
           f"{elapsed:.1f} s, peak RSS {peak_mb:,.0f} MB (targets 10 s, 3 GB)",
           f"touching the data once {reference:.1f} s (ratio {elapsed / reference:.1f})",
           f"python bench/scale.py --members {args.members} --plants {args.plants} "
           f"--step {args.step}")


if __name__ == "__main__":
    main()

"""Benchmark: 10,000 members and 200 plants in 4 configurations, one year at 15 minutes.

    python bench/scale.py [--members 10000] [--plants 200] [--step 15min] [--profile]

The whole run (``twin.Simulation.run()``: timeline, PV, loads, rules, cash and fund) in this
process; reports the wall time, the peak resident memory, and, measured in the same run as a
reference, the time to touch the data once (draw as many normal numbers as the run has load
and PV values). Targets (issue 22): within 1.5 × that reference and < 2 GB peak (issue 9's were
< 10 s and < 3 GB). ``--profile`` runs it once more under cProfile and adds the time of its
parts (bench/community.py's ``RUN_PARTS``). Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from community import bench_spec, profiled, record

from twin.sim.run import Simulation


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--plants", type=int, default=200)
    parser.add_argument("--step", choices=["1h", "15min"], default="15min")
    parser.add_argument("--profile", action="store_true", help="add the time of the run's parts")
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
    parts = f"; {profiled(lambda: Simulation(spec).run())[1]}" if args.profile else ""
    record(f"scale: {args.members:,} members, {args.plants} plants, 4 configurations, 1 year "
           f"at {args.step}, whole run ({shared:,.0f} MWh shared)",
           f"{elapsed:.1f} s, peak RSS {peak_mb:,.0f} MB (targets 1.5 × the reference, 2 GB)"
           + parts,
           f"touching the data once {reference:.1f} s (ratio {elapsed / reference:.1f})",
           f"python bench/scale.py --members {args.members} --plants {args.plants} "
           f"--step {args.step}" + (" --profile" if args.profile else ""))


if __name__ == "__main__":
    main()

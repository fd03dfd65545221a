"""Benchmark: the fast path against the naive reference twin, on the same community, in one run.

    python bench/fast_vs_naive.py [--members 1000] [--plants 50]

A community of 4 configurations (bench/community.py), one year hourly. The fast path is
``twin.Simulation.run()`` (timeline, PV, loads, rules, cash and fund; median of ``--repeat``
runs); the naive twin
(bench/naive_twin.py) computes shared energy, premium and valorization with ModelChain per plant,
a SimPy process per member and Python loops. Target (issue 22; 50× in issue 9): ≥ 100× faster, with shared
energy and premium equal within 1e-6 relative. ``--profile`` adds the time of the fast run's
parts under cProfile (bench/community.py's ``RUN_PARTS``). Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import time

from community import bench_spec, profiled, record
from naive_twin import naive_totals

from twin.sim.run import Simulation


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--plants", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the fast path (median)")
    parser.add_argument("--profile", action="store_true", help="add the time of the run's parts")
    args = parser.parse_args()
    spec = bench_spec(args.members, args.plants, "1h")
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = Simulation(spec).run()
        times.append(time.perf_counter() - start)
    fast_s = statistics.median(times)
    parts = f"; {profiled(lambda: Simulation(spec).run())[1]}" if args.profile else ""
    start = time.perf_counter()
    naive = naive_totals(spec, spec.load_inputs())
    naive_s = time.perf_counter() - start
    community = result.summary.loc["community"]
    fast = {"shared_kwh": community["shared_mwh"] * 1000, "premium_eur": community["premium_eur"],
            "valorization_eur": community["valorization_eur"]}
    worst = max(abs(fast[k] / naive[k] - 1) for k in naive)
    record(f"fast vs naive twin: {args.members:,} members, {args.plants} plants, "
           "4 configurations, 1 year hourly",
           f"{fast_s:.2f} s (median of {args.repeat}; the first, with one-time set-up, "
           f"{times[0]:.2f} s){parts}",
           f"naive twin {naive_s:.1f} s (speed-up {naive_s / fast_s:.0f}×, target ≥ 100×); "
           f"shared energy, premium, valorization equal within {worst:.1e} (target 1e-6)",
           f"python bench/fast_vs_naive.py --members {args.members} --plants {args.plants} "
           f"--repeat {args.repeat}" + (" --profile" if args.profile else ""))


if __name__ == "__main__":
    main()

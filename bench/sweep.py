"""Benchmark: a sweep of N variants on a LocalCluster with 1 and with 2 workers.

    python bench/sweep.py [--variants 256] [--days 31]

The variants are the built-in CER.ca.MI scenario under N weather years, each simulating its
first ``--days`` days (so that the sweep takes minutes, not hours). Reports both wall times and
the speed-up; checks that both sweeps give the same Dataset. Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

import xarray as xr
from community import record, timed_on_cluster

import twin
from twin.studies.sweep import Variant, run_sweep, with_weather_seed


def variants(n: int, days: int) -> list[Variant]:
    spec = twin.load().spec
    sim = spec.settings.simulation
    short = sim.model_copy(update={"end": sim.start + dt.timedelta(days=days)})
    spec = dataclasses.replace(spec, settings=spec.settings.model_copy(
        update={"simulation": short}))
    base = Variant("cercami-solidale", spec, "cercami-solidale")
    return [with_weather_seed(base, seed) for seed in range(1, n + 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", type=int, default=256)
    parser.add_argument("--days", type=int, default=31)
    args = parser.parse_args()
    work = variants(args.variants, args.days)
    one_s, one = timed_on_cluster(lambda client: run_sweep(work, client), 1)
    two_s, two = timed_on_cluster(lambda client: run_sweep(work, client), 2)
    xr.testing.assert_identical(one, two)
    record(f"sweep: {args.variants} variants (default scenario, {args.days} days, one weather "
           "year each) on a LocalCluster",
           f"2 workers {two_s:.1f} s",
           f"1 worker {one_s:.1f} s (speed-up {one_s / two_s:.2f}× on 2 cores; same Dataset)",
           f"python bench/sweep.py --variants {args.variants} --days {args.days}")


if __name__ == "__main__":
    main()

"""The coursework grid study (issue 22), run on demand (not a test).

    python bench/grid.py [--seeds 10]

In one process: the reference is one warm run of the built-in default scenario (``twin.load()``,
its first run in the process discarded). Then the study's first ``--seeds`` weather seeds (all
20 roof sizes x 4 household counts each) run through ``twin.studies.grid.run_grid`` on a
LocalCluster of 1 worker and then of 2 workers (one dask task per seed, with reuse); the two
Datasets must be equal. Seeds are independent tasks of equal size, so the 100-seed study is
projected as the 2-worker time x 100 / seeds (``--seeds 100`` runs the whole study instead).
``--profile`` adds the parts of one seed's variants run in this process under cProfile, per
variant (bench/community.py's ``RUN_PARTS``). Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import xarray as xr
from community import profiled, record, timed_on_cluster

import twin
from twin.studies.grid import read_grid, run_grid, run_group

COURSEWORK = Path(__file__).parents[1] / "examples" / "coursework"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--profile", action="store_true",
                        help="add the parts of a variant under the profiler")
    args = parser.parse_args()
    full = read_grid(COURSEWORK / "sweep.toml")
    seeds = full.axes[0].values[:args.seeds]
    grid = full.restrict(weather_seed=seeds)
    default = twin.load()
    default.run()  # first run in the process: imports and calendars
    start = time.perf_counter()
    default.run()
    single_s = time.perf_counter() - start
    one_s, one = timed_on_cluster(lambda client: run_grid(grid, client), 1)
    two_s, two = timed_on_cluster(lambda client: run_grid(grid, client), 2)
    xr.testing.assert_equal(one, two)
    study_s = two_s * len(full.axes[0].values) / len(seeds)
    parts = ""
    if args.profile:
        points = grid.groups()[0]
        run_group(grid, points)  # imports and calendars
        parts = profiled(lambda: run_group(grid, points))[1]
        parts = f"; for one seed's {len(points)} variants, {parts}"
    record(f"coursework grid: {len(seeds)} weather seeds x 20 sizes x 4 household counts "
           f"= {grid.size:,} variants (of {full.size:,}), with reuse",
           f"2 workers {two_s:.1f} s ({two_s / grid.size * 2000:.0f} ms a variant a worker); "
           f"1 worker {one_s:.1f} s: speed-up {one_s / two_s:.2f}x (target 1.8); "
           f"study on 2 workers {study_s:.0f} s (target 180 s){parts}",
           f"one warm default run {single_s:.2f} s: study / run {study_s / single_s:.0f} "
           "(target < 40)",
           f"python bench/grid.py --seeds {args.seeds}" + (" --profile" if args.profile else ""))


if __name__ == "__main__":
    main()

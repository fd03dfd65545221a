"""Benchmark: where the time of a long default run goes, inside one process.

    python bench/long_run.py [--years 20]

Runs the built-in default for ``--years`` under cProfile and reports the run's time and the
cumulative time of its main parts (bench/community.py's ``RUN_PARTS``: member loads, and within them the appliance
draws, their placement and the capping; masking and booking; PV; weather and prices; rules), the share of the
member-days of the horizon in which the members belong to the community and the share of
member-years in which their loads are modelled (those with an active day, decision 71), then
writes every output twice, ``results.nc`` uncompressed (the default) and with ``compress=True``
(zlib level 1), with the time and the file's size. The reference in the same run is the time of
the same run without the profiler. Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
from community import profiled, record

import twin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()
    sim = twin.load(None)
    sim.run(years=1)  # imports and compiled code loaded: not the long run's cost
    start = time.perf_counter()
    sim.run(years=args.years)
    plain_s = time.perf_counter() - start
    result, parts = profiled(lambda: sim.run(years=args.years))
    ds = result.dataset
    days = ds["member_active_days"]
    active = float(days.sum()) / (len(ds["member"]) * len(ds["time"]) / 24)
    year = days["month"].to_numpy().astype("datetime64[Y]")
    modelled = float(np.mean([(days.to_numpy()[:, year == y].sum(axis=1) > 0)
                              for y in np.unique(year)]))  # member-years with an active day
    written = []
    for compress in (False, True):
        out = Path(tempfile.mkdtemp())
        start = time.perf_counter()
        path = result.write(out, compress=compress)["results"]
        written.append(f"writing every output {time.perf_counter() - start:.1f} s with "
                       f"results.nc {'compressed' if compress else 'plain'} "
                       f"({path.stat().st_size / 1e6:.0f} MB)")
    record(f"default scenario, {args.years} years hourly, in one process: the run and its parts "
           f"({len(ds['member'])} members, active in {100 * active:.0f} % of the member-days "
           f"of the horizon; loads modelled in {100 * modelled:.0f} % of the member-years)",
           f"run {plain_s:.1f} s; {parts}; " + "; ".join(written),
           "the whole CLI process: bench/default_run.py",
           f"python bench/long_run.py --years {args.years}")


if __name__ == "__main__":
    main()

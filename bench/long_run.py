"""Benchmark: where the time of a long default run goes, inside one process.

    python bench/long_run.py [--years 20]

Runs the built-in default for ``--years`` under cProfile and reports the run's time and the
cumulative time of its main parts (member loads, and within them the appliance draws, their
placement and the capping; masking and booking; PV; weather and prices), the share of the
member-days of the horizon in which the members belong to the community and the share of
member-years in which their loads are modelled (those with an active day, decision 71), then
writes every output twice, ``results.nc`` uncompressed (the default) and with ``compress=True``
(zlib level 1), with the time and the file's size. The reference in the same run is the time of
the same run without the profiler. Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

import numpy as np
from community import record

import twin

PARTS = {
    "member loads": ("loads.py", "member_power_kw"),
    "appliance draws": ("appliances.py", "drawn_cycles"),
    "appliance placement": ("appliances.py", "place_cycles"),
    "capping": ("loads.py", "_capped"),
    "masking and booking": ("flows.py", "book_active"),
    "PV": ("flows.py", "plant_production"),
    "weather and prices": ("run.py", "load_inputs"),
}
"""Named parts of a run: (file, function) whose cumulative time is reported."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()
    sim = twin.load(None)
    sim.run(years=1)  # imports and compiled code loaded: not the long run's cost
    start = time.perf_counter()
    sim.run(years=args.years)
    plain_s = time.perf_counter() - start
    profile = cProfile.Profile()
    result = profile.runcall(sim.run, years=args.years)
    stats = pstats.Stats(profile).stats  # (file, line, function) -> (.., .., .., cumulative, ..)
    parts = {name: sum(v[3] for (path, _, fn), v in stats.items()
                       if path.endswith(file) and fn == function)
             for name, (file, function) in PARTS.items()}
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
           f"run {plain_s:.1f} s; under the profiler "
           + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items())
           + "; " + "; ".join(written),
           "the whole CLI process: bench/default_run.py",
           f"python bench/long_run.py --years {args.years}")


if __name__ == "__main__":
    main()

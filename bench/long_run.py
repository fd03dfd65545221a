"""Benchmark: where the time of a long default run goes, inside one process.

    python bench/long_run.py [--years 20]

Runs the built-in default for ``--years`` under cProfile and reports the run's time and the
cumulative time of its main parts (member loads, and within them the appliance draws, their
placement and the capping; booking; PV), the share of the member-days computed in which the
member belongs to the community, then writes every output twice, ``results.nc`` uncompressed
(the default) and with ``compress=True`` (zlib level 1), with the time and the file's size. The reference in the same run is the time of the same run without the profiler. Appends a
line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from community import record

import twin

PARTS = {
    "member loads": ("loads.py", "load_power_kw"),
    "appliance draws": ("appliances.py", "drawn_cycles"),
    "appliance placement": ("appliances.py", "place_cycles"),
    "capping": ("loads.py", "_capped"),
    "booking": ("flows.py", "book_active"),
    "PV": ("flows.py", "plant_production"),
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
    active = float(ds["member_active_days"].sum()) / (len(ds["member"]) * len(ds["time"]) / 24)
    written = []
    for compress in (False, True):
        out = Path(tempfile.mkdtemp())
        start = time.perf_counter()
        path = result.write(out, compress=compress)["results"]
        written.append(f"writing every output {time.perf_counter() - start:.1f} s with "
                       f"results.nc {'compressed' if compress else 'plain'} "
                       f"({path.stat().st_size / 1e6:.0f} MB)")
    record(f"default scenario, {args.years} years hourly, in one process: the run and its parts "
           f"({len(ds['member'])} members, active {100 * active:.0f} % of the member-days "
           "the loads are computed for)",
           f"run {plain_s:.1f} s; under the profiler "
           + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items())
           + "; " + "; ".join(written),
           "the whole CLI process: bench/default_run.py",
           f"python bench/long_run.py --years {args.years}")


if __name__ == "__main__":
    main()

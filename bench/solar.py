"""Benchmark: the sun's position at several site cells over a long run.

    python bench/solar.py [--years 20] [--sites 3]

``twin.assets.solar.solar_positions`` (the SPA's time-only part once for all sites, decision
72) against the reference in the same run, pvlib's ``get_solarposition`` once per site, on the
hourly mid-points of ``--years`` years at ``--sites`` Milan site cells; reports both times, their
ratio and the largest difference (the test holds it at zero). Appends a line to
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
import pvlib
from community import record

from twin.assets.solar import solar_positions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--sites", type=int, default=3)
    args = parser.parse_args()
    times = pd.date_range("2026-01-01", f"{2026 + args.years}-01-01", freq="1h", tz="UTC",
                          inclusive="left") + pd.Timedelta("30min")
    sites = [(45.5 - 0.1 * (k % 3), 9.2 + 0.1 * (k // 3)) for k in range(args.sites)]
    start = time.perf_counter()
    shared = solar_positions(times, sites)
    shared_s = time.perf_counter() - start
    start = time.perf_counter()
    each = {site: pvlib.solarposition.get_solarposition(times, *site) for site in sites}
    each_s = time.perf_counter() - start
    worst = max(max(np.abs(shared[s][0] - each[s]["apparent_zenith"].to_numpy()).max(),
                    np.abs(shared[s][1] - each[s]["azimuth"].to_numpy()).max()) for s in sites)
    record(f"solar position: {args.sites} site cells x {len(times):,} hours ({args.years} years)",
           f"time-only part shared {shared_s:.2f} s",
           f"pvlib get_solarposition per site {each_s:.2f} s (ratio {each_s / shared_s:.1f}); "
           f"largest difference {worst:.1e} deg",
           f"python bench/solar.py --years {args.years} --sites {args.sites}")


if __name__ == "__main__":
    main()

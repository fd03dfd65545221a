"""Run the speed benchmarks (issues 9 and 22) and append their lines to bench/RESULTS.md.

    python bench/run.py            # the full set (about 20 minutes on 2 cores)
    python bench/run.py --quick    # smaller sizes, to check the benchmarks still run (~2 min);
                                   # its lines go to a temporary file, not to RESULTS.md

Each benchmark runs in its own Python process, so that its peak memory is its own. Targets
(issue 22): the default year cold < 3 s; 10,000 members + 200 plants at 15 min within 1.5 × a
touch-once reference and < 2 GB; fast vs naive ≥ 100× with totals equal within 1e-6; 20 years
< 8 s; the coursework grid study < 180 s on 2 workers, < 40 × one default run, ≥ 1.8 × on 2
workers vs 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

FULL = [
    ["cli_start.py", "--repeat", "15"],
    ["default_run.py", "--repeat", "3", "--years", "1"],
    ["default_run.py", "--repeat", "3", "--years", "20"],
    ["scale.py", "--members", "10000", "--plants", "200", "--step", "15min", "--profile"],
    ["fast_vs_naive.py", "--members", "1000", "--plants", "50", "--profile"],
    ["long_run.py", "--years", "20"],
    ["solar.py", "--years", "20", "--sites", "3"],
    ["appliances.py", "--members", "256", "--years", "20", "--step", "1h"],
    ["grid.py", "--seeds", "10"],
    ["sweep.py", "--variants", "256", "--days", "31"],
]
QUICK = [
    ["cli_start.py", "--repeat", "3"],
    ["default_run.py", "--repeat", "1", "--years", "1"],
    ["default_run.py", "--repeat", "1", "--years", "3"],
    ["scale.py", "--members", "1000", "--plants", "20", "--step", "15min", "--profile"],
    ["fast_vs_naive.py", "--members", "100", "--plants", "8", "--profile"],
    ["long_run.py", "--years", "2"],
    ["solar.py", "--years", "1", "--sites", "2"],
    ["appliances.py", "--members", "16", "--years", "1", "--step", "1h"],
    ["grid.py", "--seeds", "1"],
    ["sweep.py", "--variants", "16", "--days", "7"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.quick:  # a smoke run: keep its lines out of bench/RESULTS.md
        env["CER_TWIN_BENCH_RESULTS"] = str(Path(tempfile.mkdtemp()) / "RESULTS-quick.md")
        print(f"--quick: results go to {env['CER_TWIN_BENCH_RESULTS']}")
    failures = 0
    for script, *options in QUICK if args.quick else FULL:
        print(f"$ python bench/{script} {' '.join(options)}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *options], cwd=HERE, env=env)
        failures += done.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

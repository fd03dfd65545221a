"""Benchmark: the whole `cer-twin run` process on the built-in default scenario.

    python bench/default_run.py [--repeat N]

Reports the median wall time of N runs of the CLI process, next to the median time of a bare
`python -c "import twin"` measured in the same session (the fixed start-up cost), and appends a
line to bench/RESULTS.md. Target (issue 2): the default year finishes in seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

from community import record


def median_seconds(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--years", type=int, default=1)
    args = parser.parse_args()
    out = tempfile.mkdtemp()
    command = [sys.executable, "-m", "twin", "run", "--quiet", "--out", out]
    if args.years > 1:
        command += ["--years", str(args.years)]
    run = median_seconds(command, args.repeat)
    imp = median_seconds([sys.executable, "-c", "import twin.sim.run"], args.repeat)
    record(f"default scenario, {args.years} year(s) hourly, whole CLI process",
           f"{run:.2f} s (median of {args.repeat})",
           f"importing the libraries {imp:.2f} s (ratio {run / imp:.1f})",
           f"python bench/default_run.py --repeat {args.repeat} --years {args.years}")

if __name__ == "__main__":
    main()

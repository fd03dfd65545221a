"""How fast the command line answers: ``cer-twin --help`` against ``python -c pass``.

    python bench/cli_start.py [--repeat 15]

Both are whole processes, timed alike (warm: the first run of each is discarded); the ratio is
what the parser's imports add to the interpreter's start. Target (issue 13): ``--help`` under
0.5 s, and ``twin.cli`` importing no pvlib, scipy, xarray, dask or matplotlib (a test checks
that). Also the time to the first line `cer-twin run` prints on the default (target, issue 21:
within 1 s), against the whole run's time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from community import record

HEAVY = ("pvlib", "scipy", "xarray", "dask", "matplotlib", "pandas")


def median_s(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def first_line_s(command: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds to the first line on stderr, and to the end, of ``command``."""
    first, whole = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        process.stderr.readline()
        first.append(time.perf_counter() - start)
        process.stderr.read()
        process.wait()
        whole.append(time.perf_counter() - start)
    return statistics.median(first), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    script = shutil.which("cer-twin")
    help_cmd = [script, "--help"] if script else [sys.executable, "-m", "twin", "--help"]
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, twin.cli; print(' '.join(sorted(sys.modules)))"],
        check=True, capture_output=True, text=True).stdout.split()
    heavy = sorted({m.split(".")[0] for m in imported} & set(HEAVY))
    help_s = median_s(help_cmd, args.repeat)
    pass_s = median_s([sys.executable, "-c", "pass"], args.repeat)
    record("`cer-twin --help`, whole process, warm", f"{help_s:.3f} s (target 0.5 s); "
           f"heavy modules imported: {', '.join(heavy) or 'none'}",
           f"`python -c pass` {pass_s:.3f} s (ratio {help_s / pass_s:.1f})",
           f"python bench/cli_start.py --repeat {args.repeat}")
    with tempfile.TemporaryDirectory() as out:
        run = [*help_cmd[:-1], "run", "--out", out, "--force"]
        first_s, whole_s = first_line_s(run, 3)
    record("`cer-twin run` on the default: its first line (stderr)", f"{first_s:.2f} s "
           "(target 1 s)", f"the whole run {whole_s:.2f} s", "python bench/cli_start.py")


if __name__ == "__main__":
    main()

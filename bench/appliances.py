"""Benchmark: placing household appliance cycles, compiled loops against numpy, on one block.

    python bench/appliances.py [--members 256] [--years 20] [--step 1h]

One block of homes (random smooth loads, seeded), its cycles drawn once
(``twin.assets.appliances.drawn_cycles``), then placed by each implementation of
``place_cycles`` on copies of the same loads: the compiled loops (numba; its compilation warmed
first, it is cached on disk) and the vectorised numpy search, the reference in the same run.
Reports both times, their ratio, the largest difference between the two results (decision
70; a test holds them to 1e-12) and what importing numba adds to a fresh process (why one-year
runs keep numpy). Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

import numpy as np
from community import record

from twin.assets import appliances


def placed_seconds(power: np.ndarray, cycles: tuple, total: np.ndarray, step_h: float,
                   compiled: bool) -> tuple[float, np.ndarray]:
    out = power.copy()
    start = time.perf_counter()
    appliances.place_cycles(out, *cycles, total, step_h, compiled=compiled)
    return time.perf_counter() - start, out


def import_seconds(module: str, repeat: int = 5) -> float:
    """Median seconds of a fresh ``python -c "import MODULE"``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=256)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--step", choices=["1h", "15min"], default="1h")
    args = parser.parse_args()
    step_h = 1.0 if args.step == "1h" else 0.25
    n_t = round(args.years * 365.25 * 24 / step_h)
    rng = np.random.default_rng(7)
    power = rng.uniform(0.05, 0.65, (n_t, args.members))
    total = power.sum(axis=0) * step_h
    ids = [f"home-{j}" for j in range(args.members)]
    cycles = appliances.drawn_cycles(power, ids, total, step_h, seed=7)
    placed_seconds(power[: 24 * 4], tuple(c[:0] for c in cycles), total, step_h, True)  # warm
    compiled_s, compiled = placed_seconds(power, cycles, total, step_h, True)
    numpy_s, vectorised = placed_seconds(power, cycles, total, step_h, False)
    numba_s = import_seconds("numba") - import_seconds("numpy")
    record(f"appliance cycles placed: {args.members} homes × {args.years} year(s) at "
           f"{args.step} ({len(cycles[0]):,} cycles)",
           f"compiled {compiled_s:.2f} s",
           f"numpy {numpy_s:.2f} s (ratio {numpy_s / compiled_s:.1f}); largest difference "
           f"{np.abs(compiled - vectorised).max():.1e} kW; importing numba adds {numba_s:.2f} s "
           "to a process that imports numpy",
           f"python bench/appliances.py --members {args.members} --years {args.years} "
           f"--step {args.step}")


if __name__ == "__main__":
    main()

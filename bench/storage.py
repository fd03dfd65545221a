"""Benchmark and reference: battery dispatch, vectorised over batteries vs a plain loop.

    python bench/storage.py [--batteries 200] [--repeat 3]

200 batteries over a year of 15-minute steps (35,040), offered a synthetic midday surplus and
evening deficit, dispatched by :func:`twin.assets.storage.dispatch` (numpy over batteries, one
pass over time) and by :func:`reference_dispatch` below (a Python loop over batteries inside a
loop over time, written from the module docstring's steps, not from the code). Target (issue
18): under 1 s for the vectorised dispatch; recorded with the plain loop as the ratio's
reference, same session.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from twin.assets.storage import Batteries, dispatch  # noqa: E402


def reference_dispatch(b: Batteries, surplus: np.ndarray, deficit: np.ndarray,
                       step_h: float) -> np.ndarray:
    """The state of charge, battery by battery and step by step (plain Python floats)."""
    n_t, n = surplus.shape
    soc_out = np.zeros((n_t, n))
    for j in range(n):
        cap0 = float(b.capacity_kwh[j])
        cap = cap0
        eta = math.sqrt(max(min(float(b.round_trip_efficiency[j]), 1.0), 1e-6))
        soc = cap0 * float(b.soc_initial_pct[j]) / 100
        lo, hi = float(b.soc_min_pct[j]) / 100, float(b.soc_max_pct[j]) / 100
        keep = (1 - float(b.standby_loss_pct_per_day[j]) / 100) ** (step_h / 24)
        for k in range(n_t):
            soc *= keep
            offer_in = surplus[k, j] if surplus[k, j] > 0 else 0.0
            offer_out = deficit[k, j] if deficit[k, j] > 0 and not surplus[k, j] > 0 else 0.0
            c = min(offer_in, float(b.charge_kw[j]) * step_h, max(cap * hi - soc, 0.0) / eta)
            d = min(offer_out, float(b.discharge_kw[j]) * step_h,
                    max(soc - cap * lo, 0.0) * eta)
            soc += eta * c - d / eta
            throughput = eta * c + d / eta
            cap -= cap0 * float(b.fade_pct_per_year[j]) / 100 * step_h / 8766.0
            cap -= float(b.fade_pct_per_cycle[j]) / 100 / 2 * throughput
            cap = max(cap, 0.0)
            soc = min(soc, cap * hi)
            soc_out[k, j] = soc
    return soc_out


def example(n: int, n_t: int, step_h: float, seed: int = 0):  # noqa: ANN201
    """Batteries of assorted sizes and a day-shaped surplus and deficit."""
    rng = np.random.default_rng(seed)
    size = rng.uniform(10, 200, n)
    b = Batteries(size, size * rng.uniform(0.3, 1.0, n), size * rng.uniform(0.3, 1.0, n),
                  rng.uniform(0.8, 0.95, n), rng.uniform(5, 15, n), rng.uniform(85, 100, n),
                  rng.uniform(20, 60, n), rng.uniform(0, 3, n), rng.uniform(0, 0.02, n),
                  rng.uniform(0, 2, n))
    hour = (np.arange(n_t) * step_h) % 24
    sun = np.clip(np.sin((hour - 6) / 12 * np.pi), 0, None)[:, None]
    surplus = sun * size[None, :] * rng.uniform(0, 0.6, (n_t, n)) * step_h
    deficit = (1 - sun) * size[None, :] * rng.uniform(0, 0.2, (n_t, n)) * step_h
    return b, surplus, deficit


def main() -> None:
    from community import record

    parser = argparse.ArgumentParser()
    parser.add_argument("--batteries", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    step_h, n_t = 0.25, 35_040
    b, surplus, deficit = example(args.batteries, n_t, step_h)
    fast = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = dispatch(b, surplus, deficit, step_h)
        fast.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    reference = reference_dispatch(b, surplus, deficit, step_h)
    slow = time.perf_counter() - t0
    assert np.allclose(result.soc_kwh, reference, rtol=1e-9, atol=1e-9)
    record(f"battery dispatch, {args.batteries} batteries x 1 year x 15 min",
           f"{statistics.median(fast):.2f} s", f"plain loop {slow:.1f} s "
           f"({slow / statistics.median(fast):.0f}x)",
           f"python bench/storage.py --batteries {args.batteries} --repeat {args.repeat}")


if __name__ == "__main__":
    main()

"""Benchmark: the rules for 4 configurations × 40 plants × 20 years, hourly.

    python bench/rules.py [--years 20] [--repeat 3]

Times :func:`twin.sim.settle.apply_rules` on synthetic hourly arrays (PV-shaped injection, random
withdrawal and prices) and, in the same run, a reference that touches the same data once
(hourly min per configuration and injection × price). Target (issue 6): < 2 s. Appends a line to
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

import numpy as np
from community import record

from twin.core.time import time_index
from twin.rules.settlement import PlantTerms, apply_rules


def synthetic(years: int, n_config: int = 4, per_config: int = 40, seed: int = 0):
    rng = np.random.default_rng(seed)
    hourly = time_index(dt.date(2026, 1, 1), dt.date(2026 + years, 1, 1), "1h")
    n_t, n_p = len(hourly), n_config * per_config
    hour = hourly.hour.to_numpy()
    sun = np.clip(np.sin((hour - 5) / 14 * np.pi), 0, None)
    power = rng.uniform(10, 900, n_p)
    injected = sun[:, None] * power[None, :] * rng.uniform(0.2, 0.9, (n_t, 1))
    withdrawn = rng.uniform(0, 1, (n_t, n_config, 3)) * power.reshape(n_config, -1).sum(1)[
        None, :, None] * 0.2
    price = rng.uniform(40, 220, n_t)
    plants = [PlantTerms(j // per_config, float(power[j]), dt.date(2025, 1, 1) +
                         dt.timedelta(days=int(j)), True, float(rng.choice([0, 20])))
              for j in range(n_p)]
    active = np.ones((n_t, n_p), dtype=bool)
    return hourly, price, injected, active, withdrawn, plants, ["cer"] * n_config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    hourly, price, injected, active, withdrawn, plants, kinds = synthetic(args.years)
    n_config = len(kinds)
    rules_s, reference_s = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        out = apply_rules(hourly, price, injected, active, withdrawn, plants, kinds, "Lombardia")
        rules_s.append(time.perf_counter() - start)
        shared = out["shared_energy_kwh"].sum()
        assert np.isclose(out["allocated_shared_energy_kwh"].sum(), shared)
        del out  # each repeat starts with the same free memory
        start = time.perf_counter()
        per_config = injected.reshape(len(hourly), n_config, -1).sum(axis=2)
        np.minimum(per_config, withdrawn.sum(axis=2))
        (injected * price[:, None]).sum()
        reference_s.append(time.perf_counter() - start)
    rules, reference = statistics.median(rules_s), statistics.median(reference_s)
    record(f"rules, {n_config} configurations × {len(plants) // n_config} plants × "
           f"{args.years} years hourly ({len(hourly):,} h)", f"{rules:.2f} s",
           f"touch-once reference {reference:.2f} s (ratio {rules / reference:.1f})",
           f"python bench/rules.py --years {args.years} --repeat {args.repeat}")

if __name__ == "__main__":
    main()

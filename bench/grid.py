"""The coursework grid on one worker, one weather seed (run on demand, not a test).

    python bench/grid.py

Times one plain run of examples/coursework/coursework.toml (the reference, in the same run)
and the 80 variants of one weather seed (20 roof sizes x 4 household counts) run with reuse
(twin.studies.grid.run_group), and projects the 8,000-variant study (100 seeds) on 2 workers.
Appends a line to bench/RESULTS.md.
"""

from __future__ import annotations

import time
from pathlib import Path

from community import record

import twin
from twin.studies.grid import read_grid, run_group

COURSEWORK = Path(__file__).parents[1] / "examples" / "coursework"


def main() -> None:
    grid = read_grid(COURSEWORK / "sweep.toml")
    scenario = twin.load(COURSEWORK / "coursework.toml")
    scenario.run()  # first run in the process: imports and calendars
    start = time.perf_counter()
    scenario.run()
    single_s = time.perf_counter() - start
    seed = grid.groups()[0]
    run_group(grid, seed[:2])  # warm
    start = time.perf_counter()
    run_group(grid, seed)
    group_s = time.perf_counter() - start
    per_variant = group_s / len(seed)
    study_s = per_variant * grid.size / 2
    record(f"coursework grid: {len(seed)} variants of one weather seed with reuse (of "
           f"{grid.size:,})", f"{group_s:.2f} s, {per_variant * 1000:.0f} ms a variant; "
           f"projected study on 2 workers {study_s:.0f} s (target 180 s)",
           f"one plain coursework run {single_s:.2f} s (ratio {per_variant / single_s:.2f}; "
           f"study / run {study_s / single_s:.0f}, target < 40)", "python bench/grid.py")


if __name__ == "__main__":
    main()

"""Benchmark: a year of 15-minute meter data for many PODs, imported month by month, then a run.

    python bench/meters.py [--pods 300] [--months 12] [--cli 5]

The default scenario is seeded into a store; each of ``--pods`` members gets ``--months``
monthly Unareti curve exports (96 quarter hours a day, DST days as Unareti writes them), imported
one after another through the library (:func:`twin.inputs.meters.stored.import_meter_file`, the
code `cer-twin meters import` runs); ``--cli`` of them also go through the whole command
process. Then the branch is run with every import in force, against the same run without meter
data (the reference, in the same session). Target (issue 14): recorded, no bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from community import record  # noqa: E402

import twin  # noqa: E402
from tests.inputs.meters import exports  # noqa: E402
from twin.events import MemberJoined  # noqa: E402
from twin.events.store import EventStore  # noqa: E402
from twin.inputs.meters import parse_meter_file  # noqa: E402
from twin.inputs.meters.stored import import_meter_file  # noqa: E402


def monthly_files(members: list[MemberJoined], months: int, folder: Path) -> list[tuple]:
    """``(member, path)`` of every monthly export, written as Unareti does."""
    out = []
    for i, m in enumerate(members):
        year = exports.truth(dt.date(2026, 1, 1), 365, seed=i) * 0.08  # ~ 2,300 kWh a year
        local = year.index.tz_convert("Europe/Rome")
        for month in range(1, months + 1):
            path = folder / f"C_{m.member_id}_2026{month:02d}.csv"
            path.write_text(exports.unareti(year[local.month == month], pod=m.pod))
            out.append((m, path))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pods", type=int, default=300)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--cli", type=int, default=5, help="imports also timed as processes")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    store = str(folder / "twin.db")
    subprocess.run([sys.executable, "-m", "twin", "events", "init", "--store", store],
                   check=True, capture_output=True)
    spec = twin.load().spec
    members = [e for e in spec.events if isinstance(e, MemberJoined)
               and not any(getattr(p, "host_member", None) == e.member_id for p in spec.events)]
    members = members[: args.pods]
    files = monthly_files(members, args.months, folder)
    library, cli = [], []
    with EventStore(store) as s:
        for k, (member, path) in enumerate(files[: len(files) - args.cli]):
            start = time.perf_counter()
            data = path.read_bytes()
            meter_file = parse_meter_file(data, str(path))
            import_meter_file(s, "main", meter_file, data, member=member.member_id)
            library.append(time.perf_counter() - start)
            if k % 600 == 0:
                print(f"{k} imports, last {library[-1] * 1000:.0f} ms", flush=True)
    for member, path in files[len(files) - args.cli:]:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "twin", "meters", "import", str(path), "--store",
                        store, "--member", member.member_id], check=True, capture_output=True)
        cli.append(time.perf_counter() - start)
    start = time.perf_counter()
    metered = twin.load_store(store).run()
    run_s = time.perf_counter() - start
    start = time.perf_counter()
    reference = twin.load().run()
    reference_s = time.perf_counter() - start
    used = float(np.mean(metered.coverage.to_numpy())) if not metered.coverage.empty else 0.0
    shared = (metered.summary.loc["community", "shared_mwh"],
              reference.summary.loc["community", "shared_mwh"])
    record(f"meter data: {len(members)} PODs x {args.months} monthly Unareti files "
           f"(15 min), then the default year from the store",
           f"import {statistics.median(library) * 1000:.0f} ms median per file (library; last "
           f"{library[-1] * 1000:.0f} ms), {statistics.median(cli):.2f} s per `cer-twin meters "
           f"import` process; run {run_s:.1f} s ({len(files)} files in force, {used:.0f} % of "
           f"their meters' steps measured; shared {shared[0]:,.1f} vs {shared[1]:,.1f} MWh)",
           f"the same run without meter data {reference_s:.1f} s (ratio "
           f"{run_s / reference_s:.1f})",
           f"python bench/meters.py --pods {args.pods} --months {args.months} --cli {args.cli}")


if __name__ == "__main__":
    main()

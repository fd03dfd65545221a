"""The synthetic benchmark community, and how benchmarks record a result line.

Four configurations in Milan; plants on five roof sites per configuration (plants on a site
share its coordinates, as the panels of one roof do), four orientations, 10-900 kWp, all new and
in operation before the period; members drawn from the archetype mix of a city district.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from twin.events import (
    CommunityFounded,
    ConfigurationRegistered,
    MemberJoined,
    PlantCommissioned,
)
from twin.scenario import RunSettings, Simulation
from twin.sim.spec import RunSpec

T = TypeVar("T")

RESULTS = Path(os.environ.get("CER_TWIN_BENCH_RESULTS") or Path(__file__).with_name("RESULTS.md"))
"""Where result lines go (bench/run.py --quick points it elsewhere)."""
MIX = [("household", 0.45), ("household_working", 0.12), ("household_family", 0.12),
       ("household_elderly", 0.08), ("energy_poor_household", 0.1), ("heat_pump_home", 0.03),
       ("ev_charging", 0.02), ("shop", 0.05), ("office", 0.015), ("school", 0.005),
       ("condominium_services", 0.01)]
CATEGORY = {"shop": "sme", "office": "sme", "school": "public_body",
            "energy_poor_household": "energy_poor_household"}


def bench_spec(members: int, plants: int, step: str, years: int = 1, seed: int = 1,
               configurations: int = 4) -> RunSpec:
    """The benchmark community as a run: ``members`` members and ``plants`` plants."""
    t0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    rng = np.random.default_rng(seed)
    log: list = [CommunityFounded(effective_utc=t0, name="bench", region="Lombardia",
                                  market_zone="NORD", solidarity=True,
                                  founded_on=dt.date(2025, 1, 1))]
    log += [ConfigurationRegistered(effective_utc=t0, configuration_id=f"c{k}", name=f"C{k}",
                                    cabina_primaria=f"CP{k}") for k in range(configurations)]
    sites = [(round(45.44 + rng.uniform(0, 0.1), 4), round(9.12 + rng.uniform(0, 0.15), 4))
             for _ in range(5 * configurations)]
    orientations = [(15.0, 180.0), (10.0, 90.0), (10.0, 270.0), (30.0, 160.0)]
    for j in range(plants):
        k = j % configurations
        lat, lon = sites[k * 5 + (j // configurations) % 5]
        tilt, azimuth = orientations[j % len(orientations)]
        kwp = float(rng.uniform(10, 900))
        entry = dt.date(2025, 6, 1) + dt.timedelta(days=j)
        log.append(PlantCommissioned(
            effective_utc=t0, plant_id=f"p{j:04d}", configuration_id=f"c{k}", source="pv",
            capacity_kwp=kwp, inverter_kw=kwp * 0.95, tilt_deg=tilt, azimuth_deg=azimuth,
            latitude=lat, longitude=lon, mounting="open_rack" if j % 2 else "roof_mounted",
            system_losses_pct=0.0, degradation_pct_per_year=0.0, albedo=0.2,
            entry_into_operation=entry, lifecycle="existing", grant_intensity_pct=0.0,
            building_obligation_kw=0.0, pre_constitution_exception=False, owner=None,
            host_member=None))
    names, weights = zip(*MIX, strict=True)
    kinds = rng.choice(names, size=members, p=np.array(weights) / sum(weights))
    for i, kind in enumerate(kinds):
        log.append(MemberJoined(
            effective_utc=t0, member_id=f"m{i:05d}", configuration_id=f"c{i % configurations}",
            category=CATEGORY.get(str(kind), "household"), archetype=str(kind),
            annual_kwh=float(rng.uniform(1200, 4000)) * (8 if kind in CATEGORY else 1),
            group_id=str(kind)))
    start = dt.date(2026, 1, 1)
    end = dt.date(2026 + years, 1, 1)
    settings = RunSettings(simulation=Simulation(start=start, end=end, time_step=step,
                                                 seed=seed))
    return RunSpec(tuple(log), settings, {"benchmark": "bench/community.py"})


def machine() -> str:
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}")


def record(what: str, result: str, reference: str, command: str) -> str:
    """Print a result line and append it to bench/RESULTS.md."""
    line = (f"| {dt.date.today()} | {what} | {result} | {reference} | {machine()} | "
            f"`{command}` |")
    print(line)
    if not RESULTS.exists():
        RESULTS.write_text("# Benchmark results\n\n| date | what | median | reference | "
                           "machine | command |\n|---|---|---|---|---|---|\n")
    with RESULTS.open("a") as f:
        f.write(line + "\n")
    return line


def timed_on_cluster(work: Callable[[Any], T], workers: int) -> tuple[float, T]:
    """Seconds ``work(client)`` takes on a fresh LocalCluster of ``workers`` one-thread
    processes (the workers' imports warmed first: they are not the work's cost), and its
    result."""
    import time

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=":0", silence_logs=40) as cluster, \
            Client(cluster) as client:
        client.run(lambda: __import__("twin.sim.run"))
        start = time.perf_counter()
        result = work(client)
        return time.perf_counter() - start, result


RUN_PARTS = {
    "timeline": ("timeline.py", "run_timeline"),
    "flows (loads, PV, booking)": ("flows.py", "book_flows"),
    "member loads": ("loads.py", "member_power_kw"),
    "appliance draws": ("appliances.py", "drawn_cycles"),
    "appliance placement": ("appliances.py", "place_cycles"),
    "capping": ("capping.py", "capped"),
    "masking and booking": ("flows.py", "book_active"),
    "PV": ("flows.py", "plant_production"),
    "weather and prices": ("run.py", "load_inputs"),
    "rules": ("settle.py", "rules_applied"),
    "summary": ("results.py", "summary_of"),
}
"""Named parts of a run: (file, function) whose cumulative time a profile reports."""


def profiled(work: Callable[[], T]) -> tuple[T, str]:
    """``work()`` under cProfile, and the cumulative seconds of each of :data:`RUN_PARTS`
    ("under the profiler member loads 9.7 s, ...")."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(work)
    stats = pstats.Stats(profile).stats  # (file, line, function) -> (.., .., .., cumulative, ..)
    parts = {name: sum(v[3] for (path, _, fn), v in stats.items()
                       if path.endswith(file) and fn == function)
             for name, (file, function) in RUN_PARTS.items()}
    return result, "under the profiler " + ", ".join(f"{name} {seconds:.2f} s"
                                                     for name, seconds in parts.items())


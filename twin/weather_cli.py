"""``cer-twin weather``: write a generated Milan year, or compare the generator with a file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table

from twin.errors import TwinError
from twin.timeutil import LOCAL_TZ, time_index
from weather import generate_milan_weather, monthly_targets, read_weather

FORMATS = ("epw", "pvgis_tmy", "pvgis_hourly", "csv", "netcdf")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "weather", help="write a generated Milan weather year, or compare the generator with "
        "a weather file",
        description="With --out: write one generated year (seeded) as CSV (time in UTC, "
        "interval start; ghi, dni, dhi W/m², temp_air °C, wind_speed m/s). With --compare: "
        "print the generator's monthly figures (mean of --seeds years) next to a weather file's.")
    parser.add_argument("--seed", type=int, default=0, help="weather seed (default 0)")
    parser.add_argument("--year", type=int, default=2026, help="calendar year (default 2026)")
    parser.add_argument("--step", choices=["1h", "15min"], default="1h",
                        help="time step of the generated series")
    parser.add_argument("--calibrate-to", type=Path, default=None,
                        help="take the monthly targets from this EPW file instead of UNI 10349")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--out", type=Path, help="CSV file to write")
    action.add_argument("--compare", type=Path, help="weather file to compare with")
    parser.add_argument("--format", choices=FORMATS, default="epw",
                        help="format of the --compare file (default: epw)")
    parser.add_argument("--seeds", type=int, default=20,
                        help="generated years averaged in --compare (default 20)")


def run(args: argparse.Namespace, console: Console) -> int:
    index = time_index(dt.date(args.year, 1, 1), dt.date(args.year + 1, 1, 1), args.step)
    targets = None
    if args.calibrate_to is not None:
        data, _ = read_weather("epw", str(args.calibrate_to))
        targets = monthly_targets(data, args.calibrate_to.name)
    if args.out is not None:
        data, meta = generate_milan_weather(index, args.seed, targets=targets)
        out = data.copy()
        out.index = out.index.strftime("%Y-%m-%dT%H:%M:%SZ")
        out.index.name = "time"
        args.out.parent.mkdir(parents=True, exist_ok=True)
        out.round(3).to_csv(args.out)
        console.print(f"Wrote {args.out}: {meta['source']}, {len(data)} steps of {args.step}, "
                      f"GHI {data['ghi'].sum() * (0.25 if args.step == '15min' else 1) / 1000:,.0f}"
                      " kWh/m². Read it back with \\[weather] source = \"csv\".")
        return 0
    from weather import align_weather

    reference, meta = read_weather(args.format, str(args.compare))
    reference = align_weather(reference, meta, index)
    if args.seeds < 1:
        raise TwinError(f"--seeds: expected at least 1; found {args.seeds}")
    years = [generate_milan_weather(index, s, targets=targets)[0] for s in range(args.seeds)]
    step_h = 0.25 if args.step == "15min" else 1.0

    def monthly(data: pd.DataFrame) -> pd.DataFrame:
        local = data.tz_convert(LOCAL_TZ)
        grouped = local.groupby(local.index.month)
        return pd.DataFrame({"ghi": grouped["ghi"].sum() * step_h / 1000,
                             "temp": grouped["temp_air"].mean()})

    ref = monthly(reference)
    gen = sum(monthly(y) for y in years) / len(years)
    basis = f"calibrated to {args.calibrate_to.name}" if args.calibrate_to else "UNI 10349 Milano"
    table = Table(title=f"Built-in generator ({basis}, mean of {args.seeds} seeds) vs "
                  f"{args.compare.name}", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("month", "GHI file kWh/m²", "GHI generated", "diff %", "T file °C",
                   "T generated", "diff K"):
        table.add_column(column, justify="right")
    for m in ref.index:
        table.add_row(str(m), f"{ref.ghi[m]:.1f}", f"{gen.ghi[m]:.1f}",
                      f"{100 * (gen.ghi[m] / ref.ghi[m] - 1):+.1f}", f"{ref.temp[m]:.1f}",
                      f"{gen.temp[m]:.1f}", f"{gen.temp[m] - ref.temp[m]:+.1f}")
    table.add_row("year", f"{ref.ghi.sum():.0f}", f"{gen.ghi.sum():.0f}",
                  f"{100 * (gen.ghi.sum() / ref.ghi.sum() - 1):+.1f}", "", "", "",
                  style="bold")
    console.print(table)
    spread = np.array([monthly(y).ghi.sum() for y in years])
    console.print(f"Annual GHI of the generated years: {spread.min():.0f} to {spread.max():.0f} "
                  "kWh/m² (one seed, one year).")
    return 0

"""``cer-twin weather``: write a generated Milan year, or compare the generator with a file."""

from __future__ import annotations

import argparse
import datetime as dt

import numpy as np
import pandas as pd
from rich import box
from rich.console import Console
from rich.table import Table

from twin.cli.codes import EXIT_OK, WEATHER_SEEDS, require_range
from twin.core.time import interval_hours, power_to_energy_kwh, time_index, to_local
from twin.inputs.weather import align_weather, generate_milan_weather, monthly_targets, read_weather


def run(args: argparse.Namespace, console: Console, err: Console) -> int:
    index = time_index(dt.date(args.year, 1, 1), dt.date(args.year + 1, 1, 1), args.step)
    targets = monthly_targets(str(args.calibrate_to)) if args.calibrate_to is not None else None
    if args.out is not None:
        _write(args, index, targets, console)
    else:
        _compare(args, index, targets, console)
    return EXIT_OK


def _ghi_kwh_per_m2(ghi_w_per_m2: pd.Series, step_h: float) -> float:
    return float(power_to_energy_kwh(ghi_w_per_m2.to_numpy(), step_h).sum()) / 1000.0


def _write(args: argparse.Namespace, index: pd.DatetimeIndex, targets: pd.DataFrame | None,
           console: Console) -> None:
    data, meta = generate_milan_weather(index, args.seed, targets=targets)
    out = data.copy()
    out.index = out.index.strftime("%Y-%m-%dT%H:%M:%SZ")
    out.index.name = "time"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.round(3).to_csv(args.out)
    ghi = _ghi_kwh_per_m2(data["ghi"], interval_hours(index))
    console.print(f"Wrote {args.out}: {meta['source']}, {len(data)} steps of {args.step}, "
                  f"GHI {ghi:,.0f} kWh/m². Read it back with \\[weather] source = \"csv\".")


def _monthly(data: pd.DataFrame, step_h: float) -> pd.DataFrame:
    """GHI [kWh/m²] and mean temperature [°C] per local month."""
    month = to_local(data.index).month
    return pd.DataFrame({
        "ghi": data["ghi"].groupby(month).apply(lambda g: _ghi_kwh_per_m2(g, step_h)),
        "temp": data["temp_air"].groupby(month).mean()})


def _compare(args: argparse.Namespace, index: pd.DatetimeIndex, targets: pd.DataFrame | None,
             console: Console) -> None:
    require_range("--seeds", args.seeds, WEATHER_SEEDS)
    reference, meta = read_weather(args.format, str(args.compare))
    step_h = interval_hours(index)
    ref = _monthly(align_weather(reference, meta, index), step_h)
    years = [_monthly(generate_milan_weather(index, s, targets=targets)[0], step_h)
             for s in range(args.seeds)]
    gen = sum(years) / len(years)
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
    spread = np.array([y.ghi.sum() for y in years])
    console.print(f"Annual GHI of the generated years: {spread.min():.0f} to {spread.max():.0f} "
                  "kWh/m² (one seed, one year).")
    for warning in meta.get("warnings", []):
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)

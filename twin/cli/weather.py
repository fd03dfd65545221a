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
from twin.core.locale import Say
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
    say = Say(args.lang)
    console.print(say("weather.wrote", out=args.out, source=meta["source"],
                      steps=say.n(len(data)), step=args.step, ghi=say.n(ghi)))


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
    say = Say(args.lang)
    basis = (say("weather.calibrated", file=args.calibrate_to.name) if args.calibrate_to
             else "UNI 10349 Milano")
    table = Table(title=say("weather.title", basis=basis, seeds=say.n(args.seeds),
                            file=args.compare.name), box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("month", "ghi_file", "ghi_generated", "diff %", "t_file", "t_generated",
                   "diff K"):
        table.add_column(say.text.get(f"col.{column}", column), justify="right")
    for m in ref.index:
        table.add_row(str(m), say.n(ref.ghi[m], 1), say.n(gen.ghi[m], 1),
                      say.n(100 * (gen.ghi[m] / ref.ghi[m] - 1), 1, signed=True),
                      say.n(ref.temp[m], 1), say.n(gen.temp[m], 1),
                      say.n(gen.temp[m] - ref.temp[m], 1, signed=True))
    table.add_row(say("col.year"), say.n(ref.ghi.sum()), say.n(gen.ghi.sum()),
                  say.n(100 * (gen.ghi.sum() / ref.ghi.sum() - 1), 1, signed=True), "", "", "",
                  style="bold")
    console.print(table)
    spread = np.array([y.ghi.sum() for y in years])
    console.print(say("weather.spread", low=say.n(spread.min()), high=say.n(spread.max())))
    for warning in meta.get("warnings", []):
        console.print(f"[yellow]{say('cli.warning')}[/] {say.message(warning)}", highlight=False)

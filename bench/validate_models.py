"""The built-in models against real data: the validation table of docs/models.md (run on demand,
not a test; the tests assert the same bounds, from bench/validation_targets.py).

    python bench/validate_models.py            # print the table and the other figures
    python bench/validate_models.py --write    # and write the table into docs/models.md

Reads the real reference files from ../shared/data (it stops, naming the file, where one is
missing). About two minutes on this machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from model_metrics import (
    ARERA_CLASSES,
    RSE_SHEETS,
    arera_typical_days,
    beam_over_extraterrestrial,
    coincidence_factor,
    daily_clearness,
    daily_temperature_range_k,
    day_counts,
    deseasonalised_persistence,
    diffuse_fraction_by_month,
    extreme_hours_solar,
    household_figures,
    median_hourly_change_k,
    model_day_profile,
    model_typical_days,
    model_weekend_ratios,
    overcast_share,
    pearson_min,
    rse_weekend_ratios,
    shape_error,
)
from validation_targets import TARGETS

from twin.assets.loads import Consumer, load_power_kw, reference_year_index
from twin.assets.pv import plant_ac_power_kw
from twin.core.calendar import HOLIDAY, SATURDAY
from twin.core.time import time_index
from twin.events import PlantCommissioned
from twin.inputs.prices import align_prices, builtin_zonal_price, read_price_csv
from weather import (
    UNI_10349_MILANO,
    align_typical_year,
    generate_milan_weather,
    monthly_targets,
    read_epw,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
EPW = DATA / "weather" / "ITA_LM_Milano-Linate.AP.160800_TMYx.2004-2018.epw"
ARERA = DATA / "load" / "rse_cacer" / "prelievo_orario_ARERA.csv"
RSE = DATA / "load" / "rse_cacer" / "curve_carico_input.xlsx"
TURIN = DATA / "pv" / "measured_vs_simulated_pv_italy_hourly_normalized.csv"
PRICES = DATA / "prices" / "it_day_ahead_zonal_prices_2024_hourly.csv"
YEAR = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
BEGIN, END = "<!-- validation table: begin -->", "<!-- validation table: end -->"


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"reference data not found at {path}")
    return path


def roof(**changes) -> PlantCommissioned:
    base = PlantCommissioned(
        effective_utc=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), plant_id="roof",
        configuration_id="c", source="pv", capacity_kwp=1.0, inverter_kw=1.0, tilt_deg=30.0,
        azimuth_deg=180.0, latitude=45.47, longitude=9.22, mounting="open_rack",
        system_losses_pct=14.0, degradation_pct_per_year=0.0, albedo=0.2,
        entry_into_operation=dt.date(2020, 1, 1), lifecycle="existing", grant_intensity_pct=0.0,
        building_obligation_kw=0.0, pre_constitution_exception=False, owner=None,
        host_member=None)
    return dataclasses.replace(base, **changes)


def kwh(plant: PlantCommissioned, weather: pd.DataFrame, transposition: str = "haydavies"
        ) -> float:
    return float(plant_ac_power_kw([plant], weather, transposition)[:, 0].sum())


def pv_and_weather(values: dict[str, str]) -> None:
    data, meta = read_epw(need(EPW))
    tmy = align_typical_year(data, meta, YEAR)
    for mounting in ("open_rack", "roof_mounted"):
        plant = roof(mounting=mounting, system_losses_pct=14.08)
        values[f"pv_{mounting}"] = f"{kwh(plant, tmy):,.0f}"
    gain = kwh(roof(), tmy, "perez") / kwh(roof(), tmy) - 1
    values["pv_perez_gain"] = f"+{gain * 100:.1f}"

    targets = monthly_targets(tmy, "TMYx")
    years = [generate_milan_weather(YEAR, s, targets=targets, interannual=False)[0]
             for s in range(20)]
    kts = [daily_clearness(g) for g in years]
    ref_kt = daily_clearness(tmy)
    values["weather_persistence"] = (f"{np.mean([deseasonalised_persistence(k) for k in kts]):.2f}"
                                     f" (TMYx {deseasonalised_persistence(ref_kt):.2f})")
    values["weather_overcast"] = (f"{np.mean([overcast_share(k) for k in kts]) * 100:.1f} "
                                  f"(TMYx {overcast_share(ref_kt) * 100:.1f})")
    ratio = np.mean([daily_temperature_range_k(g) for g in years], axis=0) / \
        daily_temperature_range_k(tmy).to_numpy()
    values["weather_daily_range"] = f"{np.abs(ratio - 1).max():.2f}"
    hours = sum(extreme_hours_solar(g) for g in years) / len(years)
    values["weather_extreme_hours"] = f"{(hours - extreme_hours_solar(tmy)).abs().max().max():.1f}"
    values["weather_midnight_step"] = f"{max(median_hourly_change_k(g, 0) / np.mean([median_hourly_change_k(g, h) for h in (23, 1)]) for g in years):.2f}"  # noqa: E501
    uni = [generate_milan_weather(YEAR, s)[0] for s in range(20)]
    gap = np.abs(np.mean([diffuse_fraction_by_month(g) for g in uni], axis=0)
                 - UNI_10349_MILANO["diffuse_fraction"].to_numpy()).max()
    values["weather_beam"] = (f"{max(beam_over_extraterrestrial(g) for g in uni):.2f} (monthly "
                              f"DHI/GHI on target by construction: max gap {gap:.3f})")
    on_generated = np.mean([kwh(roof(), g) for g in years])
    values["weather_pv_yield"] = f"{on_generated / kwh(roof(), tmy):.3f}"


def households(values: dict[str, str]) -> None:
    frame = pd.read_csv(need(ARERA))
    year = reference_year_index(2023)
    counts = day_counts(2023)
    rows: dict[str, list[str]] = {k: [] for k in ("shape_error", "min_over_mean",
                                                  "peak_over_mean", "weekend_ratio", "f1_share")}
    r_min = []
    for power_class, kw in ARERA_CLASSES.items():
        reference = arera_typical_days(frame, power_class)
        ref = household_figures(reference, counts)
        homes = [Consumer(f"h{i}", "household", ref["annual_kwh"], kw) for i in range(1000)]
        runs = [model_typical_days(load_power_kw(homes, year, s).mean(axis=1), year)
                for s in (11, 12, 13)]
        figs = [household_figures(t, counts) for t in runs]
        name = power_class.replace("<=", "≤").replace("<", "<")
        rows["shape_error"].append(f"{name} {max(shape_error(t, reference) for t in runs):.3f}")
        for fig in ("min_over_mean", "peak_over_mean"):
            rows[fig].append(f"{name} {np.mean([f[fig] for f in figs]):.2f} ({ref[fig]:.2f})")
        sat = np.mean([f["saturday_ratio"] for f in figs])
        sun = np.mean([f["sunday_ratio"] for f in figs])
        rows["weekend_ratio"].append(f"{name} {sat:.2f}/{sun:.2f} ({ref['saturday_ratio']:.2f}/"
                                     f"{ref['sunday_ratio']:.2f})")
        rows["f1_share"].append(f"{name} {np.mean([f['f1_share_pct'] for f in figs]):.1f} "
                                f"({ref['f1_share_pct']:.1f})")
        r_min.append(f"{name} {min(pearson_min(t, reference) for t in runs):.2f}")
    for key, parts in rows.items():
        values[f"household_{key}"] = "; ".join(parts)
    values["household_pearson"] = "; ".join(r_min)

    quarters = reference_year_index(2025, "15min")
    many = load_power_kw([Consumer(f"h{i}", "household", 2700.0) for i in range(1000)],
                         quarters, seed=5)
    values["household_admd"] = f"{many.reshape(-1, 2, 1000).mean(axis=1).sum(axis=1).max() / 1000:.2f}"  # noqa: E501
    cf = {n: np.mean([coincidence_factor(many[:, k:k + n]) for k in range(0, 1000, n)][:10])
          for n in (10, 100, 1000)}
    values["household_coincidence"] = ", ".join(f"{n:,} homes {v:.2f}" for n, v in cf.items())
    homes = [Consumer(f"h{i}", "household", 2700.0) for i in range(150)]
    hourly = load_power_kw(homes, reference_year_index(2025), seed=2)
    summed = load_power_kw(homes, quarters, seed=2).reshape(-1, 4, 150).mean(axis=1)
    ratios = [np.percentile(summed, q) / np.percentile(hourly, q) for q in (50, 90, 99, 99.9)]
    values["household_step_quantiles"] = f"{min(ratios):.3f} to {max(ratios):.3f}"


def buildings(values: dict[str, str]) -> None:
    workbook = pd.read_excel(need(RSE), sheet_name=None)
    quarters = reference_year_index(2023, "15min")
    ratios, shapes = [], []
    for archetype in RSE_SHEETS:
        power = load_power_kw([Consumer(f"b{i}", archetype, 1e4) for i in range(30)], quarters,
                              1).sum(axis=1)
        ours = model_weekend_ratios(power, quarters)
        ref = rse_weekend_ratios(workbook, archetype)
        ratios.append(f"{archetype} {ours[0]:.2f}/{ours[1]:.2f} ({ref[0]:.2f}/{ref[1]:.2f})")
        for name, column, kind in (("office", "Saturday", SATURDAY),
                                   ("library", "Saturday", SATURDAY), ("gym", "Sunday", HOLIDAY)):
            if name == archetype:
                reference = workbook[RSE_SHEETS[archetype]][column].to_numpy(dtype=float)
                r = np.corrcoef(model_day_profile(power, quarters, kind), reference)[0, 1]
                shapes.append(f"{archetype} {column} {r:.2f}")
    values["building_weekend_ratio"] = "; ".join(ratios)
    values["building_weekend_shape"] = "; ".join(shapes)


def measured_pv(values: dict[str, str]) -> None:
    measured = pd.read_csv(need(TURIN))[["Turin2019_PV-MEAS", "Turin2020_PV-MEAS"]]
    site = {"latitude": 45.065, "longitude": 7.659, "altitude": 240.0}
    plant = roof(capacity_kwp=604.6, inverter_kw=635.0, tilt_deg=26.0, azimuth_deg=206.0,
                 latitude=site["latitude"], longitude=site["longitude"],
                 mounting="building_integrated", system_losses_pct=10.0)
    year = reference_year_index(2025)
    cf = np.array([plant_ac_power_kw([plant], generate_milan_weather(year, s, site=site)[0])
                   [:, 0] / 604.6 for s in range(20)])
    values["pv_measured_full_load_hours"] = (
        f"{cf.sum(axis=1).mean():,.0f} (seeds {cf.sum(axis=1).min():,.0f}-"
        f"{cf.sum(axis=1).max():,.0f}); measured 1,249 and 1,191")

    def shares(series: np.ndarray, index: pd.DatetimeIndex) -> np.ndarray:
        by_month = pd.Series(series, index=index).groupby(index.month).sum()
        return (by_month / by_month.sum()).to_numpy() * 100

    real = np.mean([shares(measured.iloc[:, k].to_numpy(), pd.date_range(
        f"{y}-01-01", periods=len(measured), freq="h", tz="UTC")) for k, y in enumerate(
        (2019, 2020))], axis=0)
    ours = np.mean([shares(c, year) for c in cf], axis=0)
    values["pv_measured_monthly_share"] = f"{np.abs(ours - real).max():.1f} points"
    day_real = measured.to_numpy().ravel()
    day_real, day_ours = day_real[day_real > 0.01], cf[cf > 0.01]
    gaps = [np.percentile(day_ours, q) / np.percentile(day_real, q) - 1
            for q in (50, 75, 90, 99)]
    values["pv_measured_cf_quantiles"] = f"{min(gaps) * 100:+.0f} % to {max(gaps) * 100:+.0f} %"


def table(values: dict[str, str]) -> str:
    lines = ["| figure | model | reference | bound (tests) | source |", "|---|---|---|---|---|"]
    for key, target in TARGETS.items():
        reference = "" if target.reference is None else f"{target.reference:,g} {target.unit}"
        lines.append(f"| {target.figure} | {values.get(key, 'not run')} | {reference.strip()} | "
                     f"{target.bound} | {target.source} |")
    extra = {"household_pearson": "households: lowest Pearson r of a typical day (reported)",
             "household_coincidence": "households: coincidence factor at 15 min (reported)"}
    for key, figure in extra.items():
        lines.append(f"| {figure} | {values.get(key, 'not run')} | | | |")
    return "\n".join(lines)


def other_figures() -> None:
    """Figures quoted in docs/models.md outside the validation table."""
    default = generate_milan_weather(YEAR, 2026)[0]
    print(f"PV 30° south, 14 % losses, built-in weather seed 2026: {kwh(roof(), default):.0f} "
          "kWh/kWp")
    july = np.asarray(YEAR.tz_convert("Europe/Rome").month == 7)
    for kw in (3.0, 10.0):
        homes = [Consumer(f"h{i}", "household", 2500.0, kw) for i in range(50)]
        mild, hot = (load_power_kw(homes, YEAR, 1, np.where(july, t, 12.0)).sum(axis=1)
                     for t in (22.0, 30.0))
        print(f"Households {kw:g} kW: a July at 30 °C instead of 22 °C (daily mean) draws "
              f"{(hot[july].sum() / mild[july].sum() - 1) * 100:.0f} % more in July")
    year24 = time_index(dt.date(2024, 1, 1), dt.date(2025, 1, 1), "1h")
    real, _ = read_price_csv(need(PRICES), "NORD")
    real = align_prices(real, year24, str(PRICES))
    model = builtin_zonal_price(year24, 0)
    hour = year24.tz_convert("Europe/Rome").hour
    shape = np.corrcoef(real.groupby(hour).mean(), model.groupby(hour).mean())[0, 1]
    print(f"NORD 2024: real mean {real.mean():.2f}, built-in {model.mean():.2f} €/MWh; mean daily "
          f"shape correlation {shape:.2f}; hourly correlation {np.corrcoef(real, model)[0, 1]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table into models.md")
    args = parser.parse_args()
    values: dict[str, str] = {}
    for section in (pv_and_weather, households, buildings, measured_pv):
        section(values)
    text = table(values)
    print(text)
    other_figures()
    if args.write:
        docs = REPO / "docs" / "models.md"
        page = docs.read_text(encoding="utf-8")
        head, rest = page.split(BEGIN)
        _, tail = rest.split(END)
        docs.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")
        print(f"wrote {docs}")


if __name__ == "__main__":
    main()

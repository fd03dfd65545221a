"""Print the validation figures quoted in docs/models.md (run on demand, not a test).

    python bench/validate_models.py

Reads the real reference files from ../shared/data where present.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib

from twin.assets.loads import (
    Consumer,
    load_power_kw,
    typical_day,
)
from twin.assets.pv import plant_ac_power_kw
from twin.core.calendar import WORKDAY, day_types
from twin.core.time import time_index
from twin.events import PlantCommissioned
from twin.inputs.prices import align_prices, builtin_zonal_price, read_price_csv
from weather import UNI_10349_MILANO, align_typical_year, generate_milan_weather, read_epw

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
EPW = DATA / "weather" / "ITA_LM_Milano-Linate.AP.160800_TMYx.2004-2018.epw"
PRICES = DATA / "prices" / "it_day_ahead_zonal_prices_2024_hourly.csv"
YEAR = time_index(dt.date(2026, 1, 1), dt.date(2027, 1, 1), "1h")
DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def monthly(series: pd.Series) -> np.ndarray:
    local = series.tz_convert("Europe/Rome")
    return local.groupby(local.index.month).sum().to_numpy()


def roof(tilt: float = 30.0) -> PlantCommissioned:
    return PlantCommissioned(
        effective_utc=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), plant_id="roof",
        configuration_id="c", source="pv", capacity_kwp=1.0, inverter_kw=1.0, tilt_deg=tilt,
        azimuth_deg=180.0, latitude=45.47, longitude=9.22, mounting="open_rack",
        system_losses_pct=14.0, degradation_pct_per_year=0.0, albedo=0.2,
        entry_into_operation=dt.date(2025, 1, 1), lifecycle="existing", grant_intensity_pct=0.0,
        building_obligation_kw=0.0, pre_constitution_exception=False, owner=None,
        host_member=None)


def main() -> None:
    target = UNI_10349_MILANO["ghi_kwh_per_m2_day"].to_numpy() * DAYS
    years = np.array([monthly(generate_milan_weather(YEAR, s)[0]["ghi"]) / 1000 for s in
                      range(20)])
    mean = years.mean(axis=0)
    print("Built-in weather vs UNI 10349 Milano, monthly GHI, mean of 20 seeds [kWh/m²]:")
    print("  target   ", np.round(target, 1).tolist())
    print("  generated", np.round(mean, 1).tolist())
    print(f"  max monthly deviation {np.max(np.abs(mean / target - 1)) * 100:.1f} %; annual "
          f"{mean.sum():.0f} vs {target.sum():.0f} kWh/m²; annual spread over seeds "
          f"{years.sum(axis=1).min():.0f}-{years.sum(axis=1).max():.0f}")
    default_weather = generate_milan_weather(YEAR, 2026)[0]
    print(f"  default scenario seed 2026: {default_weather['ghi'].sum() / 1000:.0f} kWh/m²")

    if EPW.exists():
        from scipy import stats

        from weather import monthly_targets

        data, meta = read_epw(EPW)
        tmy = align_typical_year(data, meta, YEAR)
        mid = YEAR + pd.Timedelta(minutes=30)
        zen = pvlib.solarposition.get_solarposition(mid, 45.45, 9.28)["zenith"].to_numpy()
        h0 = pvlib.irradiance.get_extra_radiation(mid).to_numpy() * np.clip(
            np.cos(np.radians(zen)), 0, None)
        day = YEAR.tz_convert("Europe/Rome").date
        extra = pd.Series(h0).groupby(day).sum().to_numpy()

        def kt(frame: pd.DataFrame) -> np.ndarray:
            return pd.Series(frame["ghi"].to_numpy()).groupby(day).sum().to_numpy() / extra

        def lag1(k: np.ndarray) -> float:
            return float(np.corrcoef(k[:-1], k[1:])[0, 1])

        ref = kt(tmy)
        cal = [generate_milan_weather(YEAR, s, targets=monthly_targets(tmy))[0]
               for s in range(20)]
        ks = np.mean([stats.ks_2samp(kt(g), ref).statistic for g in cal])
        clear = pvlib.location.Location(45.4667, 9.2167, altitude=122).get_clearsky(mid)["ghi"]
        month = YEAR.tz_convert("Europe/Rome").month
        ratio = (pd.Series(tmy["ghi"].to_numpy()).groupby(month).sum()
                 / pd.Series(clear.to_numpy()).groupby(month).sum())
        base = pd.DataFrame({"ghi": clear.to_numpy() * ratio.reindex(month).to_numpy()},
                            index=YEAR)
        ks_base = stats.ks_2samp(kt(base), ref).statistic
        monthly_cal = np.mean([monthly(g["ghi"]) / 1000 for g in cal], axis=0)
        dev = np.max(np.abs(monthly_cal / (monthly(tmy["ghi"]) / 1000) - 1))
        persistence = np.mean([lag1(kt(g)) for g in cal])
        print("Calibrated to the Milano-Linate TMYx (20 seeds): monthly GHI within "
              f"{dev * 100:.1f} %; daily clearness KS distance {ks:.3f} (clear-sky scaling "
              f"baseline {ks_base:.3f}); lag-1 autocorrelation {persistence:.2f} vs TMYx "
              f"{lag1(ref):.2f}")

    builtin_yield = plant_ac_power_kw([roof()], default_weather)[:, 0].sum()
    print(f"PV 30° south, 14 % losses, built-in weather seed 2026: {builtin_yield:.0f} kWh/kWp")
    if EPW.exists():
        data, meta = read_epw(EPW)
        tmy = align_typical_year(data, meta, YEAR)
        print(f"Milano-Linate TMYx 2004-2018: GHI {tmy['ghi'].sum() / 1000:.0f} kWh/m²; "
              f"PV 30° south: {plant_ac_power_kw([roof()], tmy)[:, 0].sum():.0f} kWh/kWp")

    arera = DATA / "load" / "rse_cacer" / "prelievo_orario_ARERA.csv"
    if arera.exists():
        frame = pd.read_csv(arera)
        lom = frame[frame["Regione"] == "Lombardia"]
        year23 = time_index(dt.date(2023, 1, 1), dt.date(2024, 1, 1), "1h")
        names = {0: "Giorno feriale", 1: "Sabato", 2: "Domenica"}
        classes = {"0<P<=1.5": 1.5, "1.5<P<=3": 3.0, "3<P<=4.5": 4.5, "4.5<P<=6": 6.0,
                   "P>6": 10.0}
        for power_class, kw in classes.items():
            total = load_power_kw([Consumer(f"h{i}", "household", 2000.0, kw)
                                   for i in range(1000)], year23, 1).sum(axis=1)
            rs = []
            for m in range(1, 13):
                for d in names:
                    ours = typical_day(total, year23, m, d)
                    ref = lom[(lom["Classe potenza"] == power_class) & (lom["Mese"] == m)
                              & (lom["Working day"] == names[d])].sort_values("Ora")
                    rs.append(np.corrcoef(ours, ref["Prelievo medio Orario Regionale (kWh)"])
                              [0, 1])
            print(f"Households ({kw:g} kW) vs ARERA Lombardy {power_class}: Pearson r min "
                  f"{min(rs):.2f}, median {np.median(rs):.2f} over 12 months x 3 day types")
    rse = DATA / "load" / "rse_cacer" / "curve_carico_input.xlsx"
    if rse.exists():
        quarters = time_index(dt.date(2023, 1, 1), dt.date(2024, 1, 1), "15min")
        lq = quarters.tz_convert("Europe/Rome")
        term = lq.month.isin([3, 4, 5, 10, 11]) & (day_types(lq.normalize()) == WORKDAY)
        slot = lq.hour * 4 + lq.minute // 15
        for sheet, archetype in [("scuola_500_studenti", "school"), ("liceo", "school"),
                                 ("ufficio_comunale", "office"), ("PA_comune", "public_building"),
                                 ("palestra_comunale", "gym"), ("biblioteca_comunale", "library"),
                                 ("COM_>6kw_feriale", "shop"),
                                 ("utenza_condominiale_media", "condominium_services")]:
            ref = pd.read_excel(rse, sheet_name=sheet)["Working_day"].to_numpy(dtype=float)
            power = load_power_kw([Consumer(f"b{i}", archetype, 1e4) for i in range(30)],
                                  quarters, 1).sum(axis=1)
            ours = pd.Series(power[term]).groupby(slot[term]).mean().reindex(range(96))
            print(f"RSE typical working day {sheet} vs {archetype}: r = "
                  f"{np.corrcoef(ours, ref)[0, 1]:.2f}")

    homes = [Consumer(f"h{i}", "household", 2000.0) for i in range(200)]
    load = load_power_kw(homes, YEAR, 1).sum(axis=1)
    local = YEAR.tz_convert("Europe/Rome")
    f1 = (day_types(local.normalize()) == WORKDAY) & (local.hour >= 8) & (local.hour < 19)
    print(f"Households: F1 share {load[f1].sum() / load.sum() * 100:.1f} % (ENEA 33.4 %); "
          f"peak of 200 homes {load.max() / 200:.2f} kW/home")

    quarters = time_index(dt.date(2025, 1, 1), dt.date(2026, 1, 1), "15min")
    each = load_power_kw([Consumer(f"h{i}", "household", 2700.0) for i in range(100)],
                         quarters, 1)
    print(f"100 households of 2,700 kWh at 15 min: coincidence factor "
          f"{each.sum(axis=1).max() / each.max(axis=0).sum():.2f}, peak "
          f"{each.sum(axis=1).max() / 100:.2f} kW/home; per home {(each > 1.5).mean() * 100:.1f} % "
          f"of quarter hours above 1.5 kW, median 99.5th percentile "
          f"{np.median(np.percentile(each, 99.5, axis=0)):.1f} kW")

    july = np.asarray(local.month == 7)
    for kw in (3.0, 10.0):
        homes = [Consumer(f"h{i}", "household", 2500.0, kw) for i in range(50)]
        mild, hot = (load_power_kw(homes, YEAR, 1, np.where(july, t, 12.0)).sum(axis=1)
                     for t in (22.0, 30.0))
        print(f"Households {kw:g} kW: a July at 30 °C instead of 22 °C (daily mean) draws "
              f"{(hot[july].sum() / mild[july].sum() - 1) * 100:.0f} % more in July")

    if PRICES.exists():
        year24 = time_index(dt.date(2024, 1, 1), dt.date(2025, 1, 1), "1h")
        real, _ = read_price_csv(PRICES, "NORD")
        real = align_prices(real, year24, str(PRICES))
        model = builtin_zonal_price(year24, 0)
        hour = year24.tz_convert("Europe/Rome").hour
        corr_shape = np.corrcoef(real.groupby(hour).mean(), model.groupby(hour).mean())[0, 1]
        print(f"NORD 2024: real mean {real.mean():.2f}, built-in {model.mean():.2f} €/MWh; "
              f"mean daily shape correlation {corr_shape:.2f}; hourly correlation "
              f"{np.corrcoef(real, model)[0, 1]:.2f}")


if __name__ == "__main__":
    main()

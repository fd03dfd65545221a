"""Built-in NORD prices and the price file reader, checked against the real 2024 series."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from twin.core.calendar import SATURDAY, WORKDAY, day_types
from twin.core.time import time_index
from twin.errors import InputDataError
from twin.inputs.prices import (
    NORD_TO_PUN,
    PUN_MONTHLY_EUR_PER_MWH,
    align_prices,
    builtin_zonal_price,
    read_price_csv,
)

YEAR_2024 = time_index(dt.date(2024, 1, 1), dt.date(2025, 1, 1), "1h")


def test_monthly_means_equal_the_published_targets():
    price = builtin_zonal_price(YEAR_2024, seed=0)
    local = price.tz_convert("Europe/Rome")
    monthly = local.groupby(local.index.month).mean().to_numpy()
    np.testing.assert_allclose(monthly, np.array(PUN_MONTHLY_EUR_PER_MWH[2024]) * NORD_TO_PUN)


def band_ratios(price: pd.Series, month: int) -> tuple[float, float, float]:
    local = price.index.tz_convert("Europe/Rome")
    kind = day_types(local.normalize())
    h = local.hour
    f1 = (kind == WORKDAY) & (h >= 8) & (h < 19)
    f2 = ((kind == WORKDAY) & ((h == 7) | ((h >= 19) & (h < 23)))) | (
        (kind == SATURDAY) & (h >= 7) & (h < 23))
    f3 = ~(f1 | f2)
    m = local.month == month
    mean = price[m].mean()
    return tuple(float(price[m & f].mean() / mean) for f in (f1, f2, f3))


@pytest.mark.parametrize(("month", "published"), [
    (1, (1.11, 1.06, 0.90)), (4, (0.99, 1.17, 0.93)), (7, (0.97, 1.16, 0.93)),
    (8, (0.95, 1.15, 0.95)), (12, (1.17, 1.08, 0.86)),
])
def test_band_shape_follows_published_f1_f2_f3_ratios(month, published):
    """MILAN_FIGURES §4.3 (PUN by band, 2024): each band ratio within 0.08."""
    ratios = band_ratios(builtin_zonal_price(YEAR_2024, seed=0), month)
    np.testing.assert_allclose(ratios, published, atol=0.08)


def test_builtin_model_against_the_real_2024_nord_series(nord_2024_csv):
    real, meta = read_price_csv(nord_2024_csv, "NORD")
    assert meta["filled_hours"] == 1  # 2024-12-30T23:00Z is missing upstream
    real = align_prices(real, YEAR_2024, str(nord_2024_csv))
    model = builtin_zonal_price(YEAR_2024, seed=0)
    assert real.mean() == pytest.approx(107.41, abs=0.01)
    assert model.mean() == pytest.approx(real.mean(), rel=0.03)
    hour = YEAR_2024.tz_convert("Europe/Rome").hour
    shape_real = real.groupby(hour).mean()
    shape_model = model.groupby(hour).mean()
    assert np.corrcoef(shape_real, shape_model)[0, 1] > 0.9


def test_reader_errors_name_file_and_field(tmp_path):
    bad = tmp_path / "prices.csv"
    bad.write_text("time_utc_start,NORD\n2024-01-01T00:00Z,100\n2024-01-01T01:00Z,abc\n")
    with pytest.raises(InputDataError, match=r"prices\.csv: field 'NORD' at line 3: expected a "
                                             r"number; found 'abc'"):
        read_price_csv(bad, "NORD")
    with pytest.raises(InputDataError, match="column 'SUD' is missing"):
        read_price_csv(bad, "SUD")
    gap = tmp_path / "gap.csv"
    rows = [f"2024-01-01T{h:02d}:00Z,{'' if 2 <= h <= 7 else 100}" for h in range(10)]
    gap.write_text("time_utc_start,NORD\n" + "\n".join(rows) + "\n")
    with pytest.raises(InputDataError, match="6 consecutive hours missing"):
        read_price_csv(gap, "NORD")


def test_quarter_hour_prices_are_averaged_to_the_hour(tmp_path):
    path = tmp_path / "q.csv"
    rows = [f"2025-10-01T00:{m:02d}:00Z,{v}" for m, v in zip((0, 15, 30, 45), (80, 90, 100, 110),
                                                           strict=True)]
    path.write_text("time_utc_start,NORD\n" + "\n".join(rows) + "\n")
    series, _ = read_price_csv(path, "NORD")
    assert series.iloc[0] == pytest.approx(95.0)


def test_price_file_must_cover_the_period(nord_2024_csv):
    real, _ = read_price_csv(nord_2024_csv, "NORD")
    with pytest.raises(InputDataError, match="no price for 2024-12-31 23:00"):
        align_prices(real, time_index(dt.date(2025, 1, 1), dt.date(2025, 1, 2), "1h"), "f.csv")


def test_local_time_layout_with_dst_equals_the_utc_layout(tmp_path, nord_2024_csv):
    frame = pd.read_csv(nord_2024_csv)
    local_only = tmp_path / "local.csv"
    frame.drop(columns=["time_utc_start"]).to_csv(local_only, index=False)
    from_utc, _ = read_price_csv(nord_2024_csv, "NORD")
    from_local, meta = read_price_csv(local_only, "NORD")
    assert meta["time_layout"] == "local"
    pd.testing.assert_series_equal(from_local, from_utc)


def test_gme_layout_with_23_and_25_hour_days(tmp_path):
    autumn = tmp_path / "autumn.csv"  # 25 hours: clocks go back
    autumn.write_text("Data;Ora;NORD\n" + "".join(f"20241027;{h};{100 + h},5\n"
                                                   for h in range(1, 26)))
    spring = tmp_path / "spring.csv"  # 23 hours: clocks go forward
    spring.write_text("Data;Ora;NORD\n" + "".join(f"20240331;{h};{50 + h},25\n"
                                                   for h in range(1, 24)))
    series, meta = read_price_csv(autumn, "NORD")
    assert meta["time_layout"] == "gme" and len(series) == 25
    assert series["2024-10-26T22:00Z"] == 101.5  # Ora 1 = 00:00 CEST = 22:00 UTC
    assert series["2024-10-27T22:00Z"] == 125.5  # Ora 25 = 23:00 CET = 22:00 UTC
    series, _ = read_price_csv(spring, "NORD")
    assert len(series) == 23
    assert series["2024-03-30T23:00Z"] == 51.25
    assert series["2024-03-31T21:00Z"] == 73.25  # Ora 23 = 23:00 CEST


def test_unknown_time_layout(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("when,NORD\n2024-01-01,1\n")
    with pytest.raises(InputDataError, match="no time columns"):
        read_price_csv(path, "NORD")

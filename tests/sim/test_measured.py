"""Runs on measured meters: imports accumulate, corrections replace exactly what they repeat,
whole-year exports with zeros before entry count the same, and a POD's values are net."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import twin
from tests.conftest import TESTS
from tests.inputs.meters import exports
from twin.cli import main
from twin.events import PlantCommissioned
from twin.events.store import EventStore
from twin.sim.flows import plant_production

METERED = TESTS / "data" / "scenarios" / "metered.toml"
YEAR = pd.date_range("2025-12-31T23:00Z", "2026-12-31T23:00Z", freq="1h", inclusive="left")
ROOF_B_ENTRY = pd.Timestamp("2026-04-14T22:00Z")  # 2026-04-15 local midnight


@pytest.fixture(scope="module")
def truth() -> dict[str, pd.Series]:
    """What the meters 'measured': 90 % of the modelled PV for the plants (none before roof-b
    entered operation), a school drawing 20 kWh an hour on weekday daytime and 4 otherwise."""
    spec = twin.load(METERED).spec
    inputs = spec.load_inputs()
    plants = [e for e in spec.events if isinstance(e, PlantCommissioned)]
    pv = plant_production(spec.events, plants, inputs)
    ids = [p.plant_id for p in plants]
    local = YEAR.tz_convert("Europe/Rome")
    daytime = (local.hour >= 8) & (local.hour < 17) & (local.day_of_week < 5)
    out = {pid: pd.Series(np.round(0.9 * pv[:, ids.index(pid)], 3), index=YEAR)
           for pid in ("roof-a", "roof-b")}
    out["roof-b"][out["roof-b"].index < ROOF_B_ENTRY] = 0.0
    out["school"] = pd.Series(np.where(daytime, 20.0, 4.0), index=YEAR)
    return out


POD = {"roof-a": "IT012E00000101", "roof-b": "IT012E00000102", "school": "IT012E00000201"}
TARGET = {"roof-a": "--plant", "roof-b": "--plant", "school": "--member"}


def store_for(tmp_path, name: str) -> str:
    store = str(tmp_path / f"{name}.db")
    assert main(["events", "init", str(METERED), "--store", store]) == 0
    return store


def import_file(store: str, tmp_path, meter: str, series: pd.Series, name: str,
                extra: tuple[str, ...] = ()) -> int:
    path = tmp_path / name
    path.write_text(exports.daily_rows(series, pod=POD[meter]))
    return main(["meters", "import", str(path), "--store", store, TARGET[meter], meter, *extra])


def months(series: pd.Series) -> list[pd.Series]:
    local = series.index.tz_convert("Europe/Rome")
    return [series[local.month == m] for m in range(1, 13)]


def settled(store: str) -> dict[str, np.ndarray]:
    ds = twin.load_store(store).run().dataset.sel(plant=["roof-a", "roof-b", "shop-roof"])
    return {name: ds[name].to_numpy() for name in
            ("allocated_shared_energy_kwh", "premium_eur", "valorization_eur",
             "shared_energy_kwh", "injected_energy_kwh", "configuration_withdrawn_energy_kwh")}


@pytest.mark.slow
def test_monthly_files_a_whole_year_with_zeros_and_one_file_agree_to_the_cent(truth, tmp_path):
    one = store_for(tmp_path, "one")
    for meter, series in truth.items():  # one file per meter, over the period it exists
        first = ROOF_B_ENTRY if meter == "roof-b" else series.index[0]
        assert import_file(one, tmp_path, meter, series[series.index >= first],
                           f"one-{meter}.csv") == 0
    monthly = store_for(tmp_path, "monthly")
    for meter, series in truth.items():  # 12 files each; roof-b's first months all zero
        for m, part in enumerate(months(series), start=1):
            if meter == "roof-b" and not part.any():
                continue  # a month of zeros only is refused (an all-zero file)
            assert import_file(monthly, tmp_path, meter, part, f"m{m:02d}-{meter}.csv") == 0
    year = store_for(tmp_path, "year")
    for meter, series in truth.items():  # calendar-year exports, zeros before entry
        assert import_file(year, tmp_path, meter, series, f"year-{meter}.csv") == 0

    a, b, c = settled(one), settled(monthly), settled(year)
    for name in a:
        for other in (b, c):
            np.testing.assert_allclose(other[name], a[name], atol=1e-9, err_msg=name)
    for other in (b, c):  # per plant, to the cent
        assert np.all(np.abs(other["premium_eur"].sum(axis=0)
                             - a["premium_eur"].sum(axis=0)) < 0.005)
    # and the measured values are what the run used for the two plants on their own PODs
    injected = a["injected_energy_kwh"].sum(axis=0)
    assert injected[0] == pytest.approx(truth["roof-a"].sum(), rel=1e-12)
    assert injected[1] == pytest.approx(truth["roof-b"].sum(), rel=1e-12)


@pytest.mark.slow
def test_a_correction_changes_exactly_its_month_and_the_log_shows_both(truth, tmp_path,
                                                                         capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: one line per import
    store = store_for(tmp_path, "corr")
    assert import_file(store, tmp_path, "school", truth["school"], "school-2026.csv") == 0
    before = twin.load_store(store).run().dataset
    june = months(truth["school"])[5] * 1.5
    capsys.readouterr()
    assert import_file(store, tmp_path, "school", june, "school-june-fix.csv") == 0
    out = capsys.readouterr().out
    assert "corrects 720 interval(s) from 2026-05-31 22:00 to 2026-06-30 22:00 UTC" in out
    result = twin.load_store(store).run()
    assert (result.coverage.loc["member school withdrawal"] == 100.0).all()
    after = result.dataset
    in_june = np.isin(after["time"].to_numpy(), june.index.tz_localize(None).to_numpy())
    diff = (after["configuration_withdrawn_energy_kwh"]
            - before["configuration_withdrawn_energy_kwh"]).to_numpy()[:, 0]
    assert np.all(diff[~in_june] == 0)
    assert diff[in_june] == pytest.approx(0.5 * june.to_numpy() / 1.5)
    assert main(["meters", "log", "--store", store]) == 0
    log = capsys.readouterr().out
    assert "school-2026.csv" in log and "school-june-fix.csv" in log
    assert "8,760      8,040" in log  # the year file keeps 8,760 - 720 intervals in force
    assert "720        720" in log


def test_a_member_pods_withdrawal_is_used_as_measured_not_net_of_its_pv(tmp_path):
    """The shop hosts a 20 kWp roof. Its POD's measured withdrawal is already net of the roof:
    the run takes it as it is (subtracting the roof's output again would count the PV twice).
    The roof's injection stays the model's (no injection was imported)."""
    store = store_for(tmp_path, "net")
    measured = pd.Series(3.0, index=YEAR)  # 3 kWh every hour, also at noon
    path = tmp_path / "shop.csv"
    path.write_text(exports.daily_rows(measured, pod="IT012E00000202"))
    assert main(["meters", "import", str(path), "--store", store, "--member", "shop"]) == 0
    ds = twin.load_store(store).run().dataset
    assert float(ds["member_withdrawn_energy_kwh"].sel(member="shop")) == pytest.approx(
        3.0 * 8760, rel=1e-12)
    modelled = twin.load(METERED).run().dataset
    assert float(ds["injected_energy_kwh"].sel(plant="shop-roof").sum()) == pytest.approx(
        float(modelled["injected_energy_kwh"].sel(plant="shop-roof").sum()), rel=1e-12)


def test_a_prosumer_pods_two_columns_set_withdrawal_and_its_roofs_net_injection(tmp_path):
    store = store_for(tmp_path, "prosumer")
    day = dt.date(2026, 6, 3)
    withdrawal = exports.truth(day, 1, seed=12) * 4  # quarter hours, < 30 kW x 1.1 x 0.25 h
    injection = exports.truth(day, 1, seed=13) * 5  # < 20 kW x 1.2 x 0.25 h
    path = tmp_path / "C_shop.csv"
    path.write_text(exports.unareti(withdrawal, injection, pod="IT012E00000202"))
    assert main(["meters", "import", str(path), "--store", store, "--member", "shop"]) == 0
    ds = twin.load_store(store).run().dataset
    hours = pd.date_range(withdrawal.index[0], periods=24, freq="1h").tz_localize(None)
    roof = ds["injected_energy_kwh"].sel(plant="shop-roof", time=hours).to_numpy()
    np.testing.assert_allclose(roof, injection.resample("1h").sum().to_numpy(), atol=1e-9)
    with EventStore(store) as s:
        imported = [e for e in s.events() if type(e).__name__ == "MeterDataImported"]
    assert [(e.quantity, e.member_id, e.format) for e in imported] == [
        ("withdrawal", "shop", "unareti"), ("injection", "shop", "unareti")]

"""Meter data: distributor exports parsed, validated, stored by hash and used by runs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import twin
from tests.conftest import TESTS
from twin.cli import main
from twin.core.time import local_midnight_utc
from twin.errors import InputDataError
from twin.events.store import EventStore
from twin.inputs.meters import parse_meter_file

POD = "IT001E12345678"


def _days(first: dt.date, n: int) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range(n)]


def intervals(day: dt.date, per_hour: int) -> int:
    span = local_midnight_utc(day + dt.timedelta(days=1)) - local_midnight_utc(day)
    return round(span.total_seconds() / 3600) * per_hour


def daily_file(days: list[dt.date], per_hour: int = 1, value=lambda d, k: 0.25 + k / 100,
               pod: str = POD) -> bytes:
    columns = 25 * per_hour
    lines = ["POD;Data;" + ";".join(str(k) for k in range(1, columns + 1))]
    for day in days:
        n = intervals(day, per_hour)
        cells = [f"{value(day, k):.3f}".replace(".", ",") if k <= n else ""
                 for k in range(1, columns + 1)]
        lines.append(f"{pod};{day:%d/%m/%Y};" + ";".join(cells))
    return ("\n".join(lines) + "\n").encode()


def test_daily_rows_with_both_dst_changes():
    days = [dt.date(2025, 3, 30), dt.date(2025, 3, 31), dt.date(2025, 10, 26)]
    spring = parse_meter_file(daily_file(days[:2]), "spring.csv")
    assert spring.pod == POD and spring.step == "1h"
    assert len(spring.energy_kwh) == 23 + 24
    assert spring.energy_kwh.index[0] == pd.Timestamp("2025-03-29T23:00Z")
    autumn = parse_meter_file(daily_file(days[2:]), "autumn.csv").energy_kwh
    assert len(autumn) == 25
    # The 3rd and 4th values are the two 02:00 local hours: 00:00 and 01:00 UTC.
    assert autumn["2025-10-26T00:00Z"] == pytest.approx(0.28)
    assert autumn["2025-10-26T01:00Z"] == pytest.approx(0.29)


def test_quarter_hour_rows_and_interval_rows_with_units():
    quarters = parse_meter_file(daily_file([dt.date(2025, 6, 2)], per_hour=4), "q.csv")
    assert quarters.step == "15min" and len(quarters.energy_kwh) == 96
    rows = ["POD;Data;Ora;Wh"] + [f"{POD};02/06/2025;{k};{100 * k}" for k in range(1, 25)]
    hourly = parse_meter_file(("\n".join(rows) + "\n").encode(), "rows.csv").energy_kwh
    assert hourly.iloc[0] == pytest.approx(0.1) and hourly.iloc[-1] == pytest.approx(2.4)


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda t: t.replace(POD, "IT001X12345678", 1), r"line 2, field 'POD': expected a POD"),
    (lambda t: t.replace("0,260", "-0,260", 1), r"line 2, field '1': expected energy ≥ 0"),
    (lambda t: t.replace("0,300", "", 1), r"line 2, field '5': value missing"),
    (lambda t: t.replace("0,300", "abc", 1), r"line 2, field '5': expected a number"),
    (lambda t: t.replace("03/06/2025", "02/06/2025"), r"line 3, field 'Data': 2025-06-02 appears"),
    (lambda t: t.replace("03/06/2025", "05/06/2025"), r"interval\(s\) missing"),
    (lambda t: t.replace(f"{POD};03/06", "IT001E99999999;03/06"), r"line 3, field 'POD': one"),
])
def test_malformed_files_name_the_line_and_field(mutate, expected):
    text = daily_file(_days(dt.date(2025, 6, 2), 3)).decode()
    with pytest.raises(InputDataError, match=expected):
        parse_meter_file(mutate(text).encode(), "bad.csv")


def test_wrong_unit_and_duplicate_interval():
    rows = ["POD;Data;Ora;Valore;Unita"] + [f"{POD};02/06/2025;{k};1,0;kW" for k in range(1, 25)]
    with pytest.raises(InputDataError, match=r"field 'Unita': expected kWh or Wh; found 'kW'"):
        parse_meter_file(("\n".join(rows) + "\n").encode(), "unit.csv")
    rows = ["POD;Data;Ora;kWh"] + [f"{POD};02/06/2025;{min(k, 23)};1,0" for k in range(1, 25)]
    with pytest.raises(InputDataError, match="interval 23 of 2025-06-02 appears twice"):
        parse_meter_file(("\n".join(rows) + "\n").encode(), "dup.csv")


@pytest.fixture
def store_with_tiny(tmp_path):
    store = str(tmp_path / "twin.db")
    assert main(["events", "init", str(TESTS / "data" / "scenarios" / "tiny.toml"),
                 "--store", store]) == 0
    return store


def test_import_stores_the_file_and_the_run_uses_the_measured_values(store_with_tiny,
                                                                      tmp_path):
    store = store_with_tiny
    meter = tmp_path / "school-june.csv"
    days = _days(dt.date(2026, 6, 10), 5)  # the school joins on 10 June
    meter.write_bytes(daily_file(days, value=lambda d, k: 5.0))
    before = twin.load_store(store).run().dataset
    assert main(["meters", "import", str(meter), "--store", store, "--member", "school"]) == 0
    after = twin.load_store(store).run().dataset
    with EventStore(store) as s:
        event = s.events()[-1]
        assert type(event).__name__ == "MeterDataImported" and event.pod == POD
        assert s.get_blob(event.sha256) == meter.read_bytes()
    covered = (after["time"] >= np.datetime64("2026-06-09T22:00")) & (
        after["time"] < np.datetime64("2026-06-14T22:00"))
    diff = (after["configuration_withdrawn_energy_kwh"] - before[
        "configuration_withdrawn_energy_kwh"]).sel(configuration="c1")
    assert float(abs(diff.where(~covered, 0)).max()) < 1e-9  # unchanged outside the file
    school_measured = 5.0 * int(covered.sum())
    assert float(after["member_withdrawn_energy_kwh"].sel(member="school")) == pytest.approx(
        school_measured)


def test_a_bad_or_refused_import_stores_nothing(store_with_tiny, tmp_path, capsys):
    store = store_with_tiny
    with EventStore(store) as s:
        head = s.head()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(daily_file([dt.date(2026, 6, 10)], value=lambda d, k: -1.0))
    assert main(["meters", "import", str(bad), "--store", store, "--member", "school"]) == 2
    good = tmp_path / "good.csv"
    good.write_bytes(daily_file([dt.date(2026, 6, 10)]))
    assert main(["meters", "import", str(good), "--store", store, "--member", "nobody"]) == 2
    assert "unknown member" in capsys.readouterr().err
    with EventStore(store) as s:
        assert s.head() == head
        assert s.db.fetchall("SELECT COUNT(*) FROM cer_blobs")[0][0] == 0

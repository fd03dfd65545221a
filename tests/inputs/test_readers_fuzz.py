"""Every reader of a user's file, fuzzed: a valid file mutated at random (characters replaced,
inserted or deleted, lines dropped or repeated, the file cut short) either reads as valid data
or raises a :class:`~twin.errors.TwinError` naming what is wrong, never another exception, and
within a time bound (hypothesis' deadline)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import MILANO_EPW, TESTS
from twin.errors import TwinError

TINY = (TESTS / "data" / "scenarios" / "tiny.toml").read_text()
SCENARIOS = TESTS.parent / "scenarios"
EVENTS = """
[[events]]
type = "MemberJoined"
effective = 2026-06-03
member_id = "b1"
configuration_id = "c1"
category = "sme"
archetype = "shop"
annual_kwh = 9000

[[events]]
type = "PlantOutageStarted"
effective = 2026-06-05T10:00
plant_id = "early"
"""
SWEEP = 'scenarios = ["tiny.toml"]\nyears = 2\n[weather_seeds]\nfirst = 3\ncount = 4\n'
PRICES = "time_utc_start,NORD\n" + "".join(
    f"{t:%Y-%m-%dT%H:%M:%SZ},{100 + (t.hour % 7) * 3.5}\n"
    for t in pd.date_range("2026-01-01", periods=72, freq="h", tz="UTC"))
WEATHER_CSV = "time,ghi,dni,dhi,temp_air,wind_speed\n" + "".join(
    f"{t:%Y-%m-%dT%H:%M:%SZ},{max(0, 400 - abs(t.hour - 12) * 60)},"
    f"{max(0, 500 - abs(t.hour - 12) * 80)},{max(0, 100 - abs(t.hour - 12) * 15)},10.5,2.0\n"
    for t in pd.date_range("2026-06-01", periods=72, freq="h", tz="UTC"))

PIECES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                 max_size=8) | st.sampled_from(
    ["", "nan", "inf", "-1", "1e12", "0,5", '"', "[", "]]", "=", ",", ";", "\n", "9999",
     "2026-02-30", "T25:00", "None", "true", "-", "📈"])


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` after one to four random edits."""
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        kind = draw(st.sampled_from(["replace", "insert", "delete", "drop_line", "repeat_line",
                                     "cut"]))
        if kind == "replace":
            text = text[:at] + draw(PIECES) + text[at + draw(st.integers(1, 12)):]
        elif kind == "insert":
            text = text[:at] + draw(PIECES) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif kind == "cut":
            text = text[:at]
        else:
            lines = text.splitlines(keepends=True)
            k = draw(st.integers(0, len(lines) - 1))
            lines[k:k + 1] = [] if kind == "drop_line" else [lines[k], lines[k]]
            text = "".join(lines)
    return text


FUZZ = settings(max_examples=60, deadline=dt.timedelta(seconds=5),
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def reads_or_refuses(read, path: Path, text: str) -> None:  # noqa: ANN001 - a reader
    path.write_text(text, encoding="utf-8")
    try:
        read(path)
    except TwinError as err:
        assert str(err).strip(), "a refusal must say what is wrong"


@FUZZ
@given(text=mutated(TINY))
def test_scenario_files(tmp_path, text):
    from twin.scenario import load_scenario
    from twin.scenario.compile import compile_events

    def read(path: Path) -> None:
        compile_events(load_scenario(path).scenario)

    reads_or_refuses(read, tmp_path / "s.toml", text)


@FUZZ
@given(text=mutated(EVENTS))
def test_event_files(tmp_path, text):
    from twin.scenario.event_files import read_event_file

    reads_or_refuses(read_event_file, tmp_path / "e.toml", text)


@FUZZ
@given(text=mutated((SCENARIOS / "cercami-candidates.toml").read_text()))
def test_candidates_files(tmp_path, text):
    from twin.scenario.candidates import load_candidates

    reads_or_refuses(load_candidates, tmp_path / "c.toml", text)


@FUZZ
@given(text=mutated(SWEEP))
def test_sweep_files(tmp_path, text):
    from twin.scenario.sweep_file import read_sweep_file

    reads_or_refuses(read_sweep_file, tmp_path / "w.toml", text)


@FUZZ
@given(text=mutated(PRICES))
def test_price_files(tmp_path, text):
    from twin.inputs.prices import read_price_csv

    reads_or_refuses(lambda p: read_price_csv(p, "NORD"), tmp_path / "p.csv", text)


@FUZZ
@given(text=mutated(WEATHER_CSV))
def test_weather_csv_files(tmp_path, text):
    from twin.inputs.weather import read_weather

    reads_or_refuses(lambda p: read_weather("csv", str(p)), tmp_path / "w.csv", text)


@pytest.mark.slow
@settings(max_examples=25, deadline=dt.timedelta(seconds=10),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_epw_files(tmp_path, data):
    """Mutations of the real Milano-Linate TMYx file (../shared/data), header and first days."""
    from twin.inputs.weather import read_weather

    if not MILANO_EPW.exists():
        pytest.fail(f"reference data not found at {MILANO_EPW}")
    text = MILANO_EPW.read_text()
    head_end = len("\n".join(text.splitlines()[:80]))
    edited = data.draw(mutated(text[:head_end])) + text[head_end:]
    reads_or_refuses(lambda p: read_weather("epw", str(p)), tmp_path / "m.epw", edited)


@settings(max_examples=200, deadline=dt.timedelta(seconds=1))
@given(value=PIECES | st.text(max_size=30))
def test_times_on_the_command_line(value):
    from twin.cli.store import cli_time

    try:
        stamp = cli_time("--as-of", value)
    except TwinError as err:
        assert "--as-of" in str(err)
    else:
        assert stamp.tzinfo is not None and 1990 <= stamp.year <= 2100


def _pvgis_texts() -> dict[str, str]:
    """A PVGIS TMY CSV and an hourly JSON file of a generated Milan week (the writers of
    tests/weather/makefiles.py), as text."""
    import tempfile

    from tests.weather import makefiles
    from weather import generate_milan_weather

    year = pd.date_range("2018-01-01", periods=8760, freq="h", tz="UTC", name="time")
    data = generate_milan_weather(year, seed=11)[0].round(1)
    with tempfile.TemporaryDirectory() as folder:
        tmy = makefiles.pvgis_tmy_csv(Path(folder) / "t.csv", data).read_text()
        hourly = makefiles.pvgis_hourly_json(Path(folder) / "h.json", data.iloc[:168]).read_text()
    return {"pvgis_tmy": tmy, "pvgis_hourly": hourly}


PVGIS = _pvgis_texts()


@pytest.mark.slow
@settings(max_examples=25, deadline=dt.timedelta(seconds=10),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(source=st.sampled_from(sorted(PVGIS)), data=st.data())
def test_pvgis_files(tmp_path, source, data):
    from twin.inputs.weather import read_weather

    text = PVGIS[source]
    head_end = min(len(text), 6000)
    edited = data.draw(mutated(text[:head_end])) + text[head_end:]
    suffix = ".json" if source == "pvgis_hourly" else ".csv"
    reads_or_refuses(lambda p: read_weather(source, str(p)), tmp_path / f"f{suffix}", edited)


@pytest.mark.slow
@settings(max_examples=25, deadline=dt.timedelta(seconds=10),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_the_real_price_file_mutated(tmp_path, data):
    """The 2024 zonal prices of ../shared/data, its first 200 lines mutated."""
    from tests.conftest import NORD_2024_CSV
    from twin.inputs.prices import read_price_csv

    if not NORD_2024_CSV.exists():
        pytest.fail(f"reference data not found at {NORD_2024_CSV}")
    text = NORD_2024_CSV.read_text()
    head_end = len("\n".join(text.splitlines()[:200]))
    edited = data.draw(mutated(text[:head_end])) + text[head_end:]
    reads_or_refuses(lambda p: read_price_csv(p, "NORD"), tmp_path / "p.csv", edited)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory) -> Path:
    from twin.cli import main

    path = tmp_path_factory.mktemp("fuzz") / "seed.db"
    assert main(["events", "init", str(TESTS / "data" / "scenarios" / "tiny.toml"),
                 "--store", str(path)]) == 0
    return path


@pytest.mark.slow
@settings(max_examples=15, deadline=dt.timedelta(seconds=30),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated(EVENTS))
@example(text=EVENTS)  # stored as it is: the run after it must go through
def test_no_stored_event_is_refused_by_a_later_run(tmp_path, seeded_store, text):
    """Whatever an event file holds, it is refused before it is stored, or the branch still
    runs afterwards (the store's own checks and the schema's agree with the engine's)."""
    import shutil

    import twin
    from twin.events.store import EventStore
    from twin.scenario.event_files import read_event_file

    store = tmp_path / "s.db"
    shutil.copy(seeded_store, store)
    path = tmp_path / "e.toml"
    path.write_text(text, encoding="utf-8")
    try:
        events = read_event_file(path)
        with EventStore(store) as s:
            s.append("main", events)
    except TwinError:
        return
    result = twin.load_store(store).run()
    assert result.summary.notna().all().all()

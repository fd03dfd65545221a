"""Issue 19's examples of bad input, each a regression test: exit 2, a message naming the file
or option and the field, no traceback, nothing stored."""

from __future__ import annotations

import pytest

from tests.conftest import TESTS, write_scenario
from twin.cli import main
from twin.events.store import EventStore

TINY = TESTS / "data" / "scenarios" / "tiny.toml"


def tiny_with(tmp_path, old: str, new: str):
    text = TINY.read_text()
    assert old in text
    return write_scenario(tmp_path, text.replace(old, new))


@pytest.mark.parametrize(("old", "new", "field"), [
    ("annual_kwh = 2000.0", "annual_kwh = inf", "annual_kwh"),
    ("end = 2026-06-15", "end = 2226-06-15", "simulation"),
    ("start = 2026-06-01\nend = 2026-06-15", "start = 1850-06-01\nend = 1850-06-15",
     "simulation"),
    ("count = 20", "count = 10000000", "count"),
    ("capacity_kwp = 60.0", "capacity_kwp = 1e12", "capacity_kwp"),
    ("seed = 7", "seed = 7\n[finance]\ndiscount_rate_pct = -100", "discount_rate_pct"),
    ("seed = 7", 'seed = 7\n[[parameters]]\nname = "tip_reference_price_eur_per_mwh"\n'
     'value = nan\nsource = "x"', "parameters[0].value"),
])
def test_implausible_scenarios_are_refused(tmp_path, capsys, old, new, field):
    path = tiny_with(tmp_path, old, new)
    assert main(["run", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert field in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_folder_and_non_utf8_text_are_not_scenarios(tmp_path, capsys):
    assert main(["run", str(tmp_path)]) == 2
    assert "found a folder" in capsys.readouterr().err
    path = tmp_path / "latin1.toml"
    path.write_bytes(b"\xff\xfe name = 1")
    assert main(["run", str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_out_naming_a_file_is_refused_before_the_run(tmp_path, capsys):
    (tmp_path / "afile").write_text("keep me")
    assert main(["run", str(TINY), "--out", str(tmp_path / "afile")]) == 2
    assert "--out: expected a folder" in capsys.readouterr().err
    assert (tmp_path / "afile").read_text() == "keep me"


@pytest.mark.parametrize("value", ["2026-02-30", "foo", "-1", "now", ""])
def test_times_on_the_command_line(tmp_path, capsys, value):
    store = str(tmp_path / "s.db")
    assert main(["events", "init", str(TINY), "--store", store]) == 0
    capsys.readouterr()
    assert main(["state", "--store", store, "--as-of", value]) == 2
    err = capsys.readouterr().err
    assert "--as-of" in err and "Traceback" not in err
    assert main(["explain", str(TINY), "--hour", value, "--configuration", "c1"]) == 2
    assert "--hour" in capsys.readouterr().err


EVENTS = {
    "archetype": ('type = "MemberJoined"\neffective = 2026-06-03\nmember_id = "b1"\n'
                  'configuration_id = "c1"\ncategory = "sme"\narchetype = "bakery"\n'
                  'annual_kwh = 9000', "archetype"),
    "negative energy": ('type = "MemberJoined"\neffective = 2026-06-03\nmember_id = "b1"\n'
                        'configuration_id = "c1"\ncategory = "sme"\narchetype = "shop"\n'
                        'annual_kwh = -15000', "annual_kwh"),
    "text for a number": ('type = "PlantCommissioned"\neffective = 2026-06-03\n'
                          'plant_id = "p9"\nconfiguration_id = "c1"\ncapacity_kwp = "30 kWp"\n'
                          'inverter_kw = 30\ntilt_deg = 20\nazimuth_deg = 180\nlatitude = 45.4\n'
                          'longitude = 9.2\nentry_into_operation = 2026-06-03', "capacity_kwp"),
    "now": ('type = "MemberLeft"\neffective = "now"\nmember_id = "leaver"', "effective"),
}


@pytest.mark.parametrize("case", sorted(EVENTS))
def test_bad_events_are_refused_and_nothing_is_stored(tmp_path, capsys, case):
    store = str(tmp_path / "s.db")
    assert main(["events", "init", str(TINY), "--store", store]) == 0
    with EventStore(store) as s:
        before = len(s.read("main"))
    body, field = EVENTS[case]
    events = tmp_path / "events.toml"
    events.write_text(f"[[events]]\n{body}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["events", "append", str(events), "--store", store]) == 2
    err = capsys.readouterr().err
    assert field in err and "events[0]" in err and "Traceback" not in err
    with EventStore(store) as s:
        assert len(s.read("main")) == before
    assert main(["run", "--store", store, "--out", str(tmp_path / "out"), "--quiet"]) == 0


def test_candidates_that_cannot_be_tried(tmp_path, capsys):
    roof = ('[[roofs]]\nid = "r"\nconfiguration = "c1"\nlatitude = 45.4\nlongitude = 9.2\n'
            'tilt_deg = 10\nazimuth_deg = 180\n')
    for sizes, message in (("min_kwp = 50\nmax_kwp = 20\nstep_kwp = 10", "min_kwp"),
                           ("min_kwp = 10\nmax_kwp = 200\nstep_kwp = 1e-6", "step_kwp")):
        path = tmp_path / "candidates.toml"
        path.write_text(roof + sizes + "\n", encoding="utf-8")
        assert main(["expand", str(TINY), "--candidates", str(path),
                     "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err


def test_too_many_generated_years_are_refused(capsys):
    assert main(["weather", "--compare", "x.epw", "--seeds", "100000"]) == 2
    assert "--seeds: expected 1 to 500" in capsys.readouterr().err


@pytest.mark.parametrize("price", ["1e12", "inf", "-900"])
def test_an_implausible_price_names_its_line(tmp_path, price):
    import pandas as pd

    from twin.errors import TwinError
    from twin.inputs.prices import read_price_csv

    hours = pd.date_range("2026-01-01", periods=24, freq="h", tz="UTC")
    values = ["100"] * 24
    values[5] = price
    path = tmp_path / "prices.csv"
    path.write_text("time_utc_start,NORD\n" + "".join(
        f"{t:%Y-%m-%dT%H:%M:%SZ},{v}\n" for t, v in zip(hours, values, strict=True)))
    with pytest.raises(TwinError, match=r"line 7: expected a price from -500 to 5000"):
        read_price_csv(path, "NORD")


def test_reading_or_appending_never_creates_a_store(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    events = tmp_path / "events.toml"
    events.write_text('[[events]]\ntype = "MemberLeft"\neffective = 2026-06-05\n'
                      'member_id = "leaver"\n', encoding="utf-8")
    for args in (["events", "verify"], ["events", "log"], ["run"], ["state", "--as-of",
                                                                    "2026-06-01"]):
        assert main([*args, "--store", str(missing)]) == 2
        assert "no event store there" in capsys.readouterr().err
    assert main(["events", "append", str(events), "--store", str(missing)]) == 2
    assert not missing.exists()


def test_a_store_truncated_to_nothing_fails_verification(tmp_path, capsys):
    store = tmp_path / "s.db"
    assert main(["events", "init", str(TINY), "--store", str(store)]) == 0
    store.write_bytes(b"")
    assert main(["events", "verify", "--store", str(store)]) == 3
    assert "empty file, not an event store" in " ".join(capsys.readouterr().out.split())
    assert main(["run", "--store", str(store)]) == 2
    assert "empty file" in " ".join(capsys.readouterr().err.split())


def test_an_internal_error_is_one_line_with_a_hint_and_debug_shows_it(monkeypatch, capsys):
    import twin.cli.run

    def broken(*_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(twin.cli.run, "run", broken)
    assert main(["run", str(TINY)]) == 1
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: a bug" in err and "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "run", str(TINY)])


@pytest.mark.parametrize("where", ["/etc/passwd", "../outside.csv"])
def test_data_outside_the_scenarios_folder_needs_permission(tmp_path, capsys, where):
    folder = tmp_path / "scenario"
    folder.mkdir()
    (tmp_path / "outside.csv").write_text("secret,line\n1,2\n")
    text = TINY.read_text().replace(
        "[simulation]", f'[weather]\nsource = "csv"\npath = "{where}"\n\n[simulation]')
    path = write_scenario(folder, text)
    assert main(["run", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "weather.path: expected a path inside the scenario's folder" in " ".join(err.split())
    assert "secret" not in err and "root:" not in err
    assert main(["--allow-outside-paths", "run", str(path), "--out", str(tmp_path / "out")]) == 2
    assert "outside the scenario's folder" not in capsys.readouterr().err  # read, then refused


def test_a_file_of_another_kind_is_not_echoed(tmp_path):
    from twin.errors import TwinError
    from twin.inputs.prices import read_price_csv
    from weather import read_weather_csv

    path = tmp_path / "shadow"
    path.write_text("root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
    with pytest.raises(TwinError) as info:
        read_price_csv(path, "NORD")
    assert "19000" not in str(info.value) and "not a header of named columns" in str(info.value)
    with pytest.raises(Exception) as info:
        read_weather_csv(path)
    assert "19000" not in str(info.value)


def test_out_keeps_other_results_unless_forced(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(TINY), "--out", str(out), "--quiet"]) == 0
    assert main(["run", str(TINY), "--out", str(out), "--quiet"]) == 0  # the same again: fine
    other = write_scenario(tmp_path, TINY.read_text().replace("seed = 7", "seed = 8"),
                           "other.toml")
    summary = (out / "summary.csv").read_text()
    assert main(["run", str(other), "--out", str(out), "--quiet"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--out:" in err and "holds results of run of" in err and "--force" in err
    assert (out / "summary.csv").read_text() == summary  # nothing overwritten
    assert main(["run", str(other), "--out", str(out), "--quiet", "--force"]) == 0
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("do not touch")
    assert main(["run", str(TINY), "--out", str(foreign), "--quiet"]) == 2
    assert "files cer-twin did not write" in " ".join(capsys.readouterr().err.split())


def test_soft_bounds_warn_and_the_run_goes_on(tmp_path, capsys):
    path = tiny_with(tmp_path, "capacity_kwp = 250.0\ninverter_kw = 240.0",
                     "capacity_kwp = 1500.0\ninverter_kw = 1400.0")
    assert main(["run", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "warning: plant 'late': 1,500 kWp is above the 1,000 kW premium cap" in err


def test_the_default_run_has_no_soft_bound_warning(default_run):
    assert not [w for w in default_run.warnings if "premium cap" in w or "zonal price" in w]


def test_an_empty_csv_and_a_word_in_an_epw_name_the_file(tmp_path, milano_epw):
    from twin.errors import TwinError
    from twin.inputs.prices import read_price_csv
    from twin.inputs.weather import read_weather

    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(TwinError, match="empty.csv: the price file is empty"):
        read_price_csv(empty, "NORD")
    with pytest.raises(TwinError, match="empty.csv: the weather file is empty"):
        read_weather("csv", str(empty))
    lines = milano_epw.read_text().splitlines()
    fields = lines[20].split(",")
    fields[13] = "sunny"  # global horizontal irradiance of the 13th hour
    lines[20] = ",".join(fields)
    word = tmp_path / "word.epw"
    word.write_text("\n".join(lines) + "\n")
    with pytest.raises(TwinError, match=r"word.epw: field 'ghi' at line 21: expected a number; "
                                        r"found 'sunny'"):
        read_weather("epw", str(word))

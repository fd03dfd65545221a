"""The cer-twin command: runs, writes outputs, fails cleanly on user errors."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
import xarray as xr

from tests.conftest import TESTS, write_scenario
from twin._version import __version__
from twin.cli import main


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    assert "--out" in capsys.readouterr().out


def test_run_writes_results_and_prints_the_table(tmp_path, capsys):
    code = main(["run", str(TESTS / "data" / "scenarios" / "tiny.toml"), "--out", str(tmp_path)])
    assert code == 0
    out = capsys.readouterr().out
    assert "Tiny CER" in out and "Shared MWh" in out and "Solidarity fund" in out
    summary = pd.read_csv(tmp_path / "summary.csv", index_col=0)
    assert list(summary.index) == ["c1", "community"]
    with xr.open_dataset(tmp_path / "results.nc", engine="h5netcdf") as ds:
        assert ds["shared_energy_kwh"].attrs["units"] == "kWh"
        assert float(ds["shared_energy_kwh"].sum()) / 1000 == pytest.approx(
            summary.loc["community", "shared_mwh"], rel=1e-3)


def test_broken_scenario_exits_2_with_a_message_and_no_traceback(tmp_path):
    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text().replace(
        "capacity_kwp = 60.0", "capacity_kwp = -1.0")
    path = write_scenario(tmp_path, text)
    proc = subprocess.run([sys.executable, "-m", "twin", "run", str(path), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "capacity_kwp" in proc.stderr and str(path) in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_option_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["run", "--no-such-option"])
    assert info.value.code == 2


@pytest.mark.slow
@pytest.mark.parametrize("scenario", [None, "whatif-chiaravalle-school-200kw.toml",
                                      "whatif-niguarda-60-households.toml"])
def test_builtin_scenarios_run_from_any_directory(tmp_path, monkeypatch, scenario):
    monkeypatch.chdir(tmp_path)
    args = ["run", "--quiet"] + ([scenario] if scenario else [])
    assert main(args) == 0
    name = scenario.removesuffix(".toml") if scenario else "cercami-solidale"
    assert (tmp_path / "results" / name / "summary.csv").exists()


@pytest.mark.parametrize("argv, message", [
    (["run", "TINY", "--years", "31"], "--years: expected 1 to 30; found 31"),
    (["run", "TINY", "--monte-carlo", "1"], "--monte-carlo: expected 2 to 500; found 1"),
    (["compare", "TINY", "TINY", "--years", "99"], "--years: expected 1 to 30; found 99"),
    (["compare", "TINY", "TINY", "--monte-carlo", "501"],
     "--monte-carlo: expected 2 to 500; found 501"),
])
def test_numeric_options_out_of_range_are_refused_before_any_work(argv, message, tmp_path,
                                                                  capsys):
    tiny = str(TESTS / "data" / "scenarios" / "tiny.toml")
    out = tmp_path / "out"
    argv = [tiny if a == "TINY" else a for a in argv] + ["--out", str(out)]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()  # refused before simulating or writing anything

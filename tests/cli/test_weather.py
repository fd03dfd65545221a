"""`cer-twin weather`: write a generated year; compare the generator with a file."""

from __future__ import annotations

import pandas as pd
import pytest

import twin
from tests.conftest import TESTS, write_scenario
from twin.cli import main


def test_written_year_reads_back_as_a_csv_weather_source(tmp_path, capsys):
    out = tmp_path / "milan-7.csv"
    assert main(["weather", "--seed", "7", "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == ["time", "ghi", "dni", "dhi", "temp_air", "wind_speed"]
    assert len(frame) == 8760
    text = (TESTS / "data" / "scenarios" / "tiny.toml").read_text().replace(
        "[simulation]", '[weather]\nsource = "csv"\npath = "milan-7.csv"\n\n[simulation]')
    from_file = twin.load(write_scenario(tmp_path, text)).run().dataset
    assert from_file.attrs["weather_source"] == "csv:milan-7.csv"
    assert float(from_file["injected_energy_kwh"].sum()) > 0


def test_compare_prints_the_monthly_table(milano_epw, capsys):
    assert main(["weather", "--compare", str(milano_epw), "--seeds", "3"]) == 0
    out = capsys.readouterr().out
    assert "UNI 10349" in out and "year" in out and "1,493" in out


def test_bad_arguments(capsys):
    with pytest.raises(SystemExit) as info:
        main(["weather"])
    assert info.value.code == 2
    assert main(["weather", "--compare", "/nonexistent.epw"]) == 2
    assert "not found" in capsys.readouterr().err

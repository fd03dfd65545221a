"""Sweeps: variants expanded from a file, run on a real dask LocalCluster, equal to sequential
runs; a failing variant is retried and reported by name, never dropped."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import xarray as xr
from distributed import Client, LocalCluster

from tests.conftest import TESTS
from twin.cli import EXIT_OK, EXIT_USAGE, main
from twin.errors import ScenarioError, SweepError
from twin.scenario import Weather
from twin.studies.sweep import load_sweep, run_sweep, write_sweep

CANDIDATES = """
[[roofs]]
id = "gym"
configuration = "c1"
latitude = 45.48
longitude = 9.20
tilt_deg = 15.0
azimuth_deg = 180.0
min_kwp = 20.0
max_kwp = 40.0
step_kwp = 20.0
"""


@pytest.fixture
def sweep_file(tmp_path: Path) -> Path:
    """The tiny scenario, as it is and with a roof of 20 or 40 kWp, under two weather years."""
    shutil.copy(TESTS / "data" / "scenarios" / "tiny.toml", tmp_path / "tiny.toml")
    (tmp_path / "candidates.toml").write_text(CANDIDATES)
    path = tmp_path / "sweep.toml"
    path.write_text('scenarios = ["tiny.toml"]\ncandidates = "candidates.toml"\n'
                    "weather_seeds = [3, 4]\n")
    return path


@pytest.fixture(scope="module")
def client():
    """A real LocalCluster: two worker processes on loopback."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0", silence_logs=40) as cluster, \
            Client(cluster) as c:
        yield c


def test_variants_are_every_combination(sweep_file):
    labels = [v.label for v in load_sweep(sweep_file)]
    assert labels == ["tiny/w3", "tiny/w4", "tiny+gym@20kWp/w3", "tiny+gym@20kWp/w4",
                      "tiny+gym@40kWp/w3", "tiny+gym@40kWp/w4"]


def test_cluster_results_equal_sequential_runs(sweep_file, client):
    variants = load_sweep(sweep_file)
    on_cluster = run_sweep(variants, client)
    assert len(client.scheduler_info()["workers"]) == 2
    xr.testing.assert_identical(on_cluster, run_sweep(variants))
    shared = on_cluster["shared_mwh"].sel(configuration="c1")
    assert list(on_cluster["weather_seed"].values) == [3, 4, 3, 4, 3, 4]
    assert float(shared[0]) != float(shared[1])  # another weather year
    assert float(shared[4]) >= float(shared[2]) >= float(shared[0])  # more PV, more sharing


def test_a_failing_variant_is_reported_and_the_others_kept(sweep_file, client):
    variants = load_sweep(sweep_file)[:3]
    broken = variants[1].spec.settings.model_copy(
        update={"weather": Weather(source="epw", path="/nonexistent/milan.epw")})
    variants[1] = dataclasses.replace(variants[1],
                                      spec=dataclasses.replace(variants[1].spec, settings=broken))
    with pytest.raises(SweepError, match=r"1 of 3 variants failed.*\n  tiny/w4: .*milan.epw") \
            as caught:
        run_sweep(variants, client)
    assert list(caught.value.partial["scenario"].values) == ["tiny/w3", "tiny+gym@20kWp/w3"]


def test_a_bad_sweep_file_names_the_field(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('scenarios = ["tiny.toml"]\nweather_seeds = "many"\n')
    with pytest.raises(ScenarioError,
                       match=r"bad.toml: invalid sweep file \(\d+ problem\(s\)\)\n  weather_seeds"):
        load_sweep(path)
    path.write_text("store = 'x.db'\n")
    with pytest.raises(ScenarioError, match="store needs branches"):
        load_sweep(path)


def test_cli_sweep_writes_one_dataset(sweep_file, tmp_path, capsys):
    out = tmp_path / "sweep.nc"
    assert main(["sweep", str(sweep_file), "--workers", "2", "--out", str(out)]) == EXIT_OK
    with xr.open_dataset(out) as ds:
        assert ds.sizes["scenario"] == 6 and "shared_energy_kwh" in ds
    assert main(["sweep", str(sweep_file), "--workers", "0"]) == EXIT_USAGE
    assert main(["sweep", str(sweep_file), "--out", str(tmp_path / "x.csv")]) == EXIT_USAGE
    assert "expected a .nc or .zarr path" in " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_written_sweeps_read_back(sweep_file, tmp_path, suffix):
    ds = run_sweep(load_sweep(sweep_file)[:2])
    out = write_sweep(ds, tmp_path / f"sweep{suffix}")
    with xr.open_dataset(out, engine="zarr" if suffix == ".zarr" else None) as back:
        xr.testing.assert_allclose(back["shared_mwh"], ds["shared_mwh"])
        assert list(back["scenario"].values) == ["tiny/w3", "tiny/w4"]
    with pytest.raises(ScenarioError, match="expected a .nc or .zarr path"):
        write_sweep(ds, tmp_path / "sweep.csv")


def test_a_roof_behind_a_members_meter_stays_behind_it_in_a_sweep(sweep_file):
    candidates = sweep_file.parent / "candidates.toml"
    candidates.write_text(CANDIDATES + 'host_member = "school"\n')
    roof_variant = next(v for v in load_sweep(sweep_file) if v.roof == "gym")
    plant = next(e for e in roof_variant.spec.events if getattr(e, "plant_id", "") == "+gym")
    school = next(e for e in roof_variant.spec.events
                  if getattr(e, "member_id", "") == "school")
    assert plant.host_member == "school" and plant.pod == school.pod


def test_a_failed_variant_is_reported_in_one_line():
    from twin.studies.sweep import one_line

    error = ValueError("first line of the message\n  Traceback-like detail\n  more")
    assert one_line(error) == "ValueError: first line of the message"
    assert len(one_line(RuntimeError("x" * 500))) == 160
    assert one_line(None) == "no result"

"""Grid sweeps: one dimension per swept field, units on everything, and variants run with reuse
equal to the same variants run from scratch (issue 22)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import xarray as xr

import twin.studies
from twin.cli import EXIT_OK, main
from twin.errors import ScenarioError
from twin.studies.grid import percentiles, read_grid, run_grid, run_point

COURSEWORK = Path(__file__).parents[2] / "examples" / "coursework" / "coursework.toml"


def grid_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "grid.toml"
    path.write_text(f'scenario = "{COURSEWORK}"\n[grid]\n{body}', encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = grid_file(tmp_path_factory.mktemp("grid"), "weather_seed = [1, 2]\n"
                     "plants.school-roof.capacity_kwp = [40, 120]\n"
                     "members.households.count = [30, 60]\n")
    grid = read_grid(path, allow_outside_paths=True)
    return grid, run_grid(grid)


@pytest.mark.slow
def test_one_dimension_per_swept_field_with_units(small):
    _, ds = small
    assert list(ds["shared_mwh"].dims) == ["weather_seed", "plants.school-roof.capacity_kwp",
                                           "members.households.count", "configuration"]
    assert ds["plants.school-roof.capacity_kwp"].attrs["units"] == "kWp"
    assert ds["members.households.count"].attrs["units"] == "members"
    assert all("units" in ds[v].attrs and "long_name" in ds[v].attrs for v in ds.data_vars)
    assert ds["premium_eur"].attrs["units"] == "EUR" and ds["shared_mwh"].attrs["units"] == "MWh"
    community = ds["shared_mwh"].sel(configuration="community")
    assert (community.diff("members.households.count") > 0).all()  # more homes share more
    assert (community.diff("plants.school-roof.capacity_kwp") > 0).all()


@pytest.mark.slow
def test_a_reused_variant_equals_a_run_from_scratch(small):
    grid, ds = small
    for point in [(0, 0, 0), (1, 1, 1), (1, 0, 1)]:
        scratch = run_point(grid, point)  # outside run_group: nothing cached
        reused = np.stack([ds[v].isel(weather_seed=point[0],
                                      **{"plants.school-roof.capacity_kwp": point[1],
                                         "members.households.count": point[2]}).to_numpy()
                           for v in ds.data_vars], axis=1)
        np.testing.assert_allclose(reused, scratch, rtol=1e-9, atol=1e-9)


@pytest.mark.slow
def test_percentiles_over_weather_years_follow_the_p90_convention(small):
    _, ds = small
    p = percentiles(ds)["shared_mwh"]
    assert list(p["p_value"].values) == ["P90", "P50", "P10"]
    # two weather years a < b: the 10th percentile is a + 0.1 (b - a), by linear interpolation
    a = ds["shared_mwh"].min("weather_seed")
    b = ds["shared_mwh"].max("weather_seed")
    np.testing.assert_allclose(p.sel(p_value="P90"), a + 0.1 * (b - a), rtol=1e-12)
    np.testing.assert_allclose(p.sel(p_value="P10"), a + 0.9 * (b - a), rtol=1e-12)
    assert p.attrs["units"] == "MWh"
    assert twin.studies.percentiles is percentiles


def test_restrict_keeps_a_subset_of_each_dimension(tmp_path):
    grid = read_grid(grid_file(tmp_path, "weather_seed = {first = 1, count = 100}\n"
                               "members.households.count = [25, 50]\n"),
                     allow_outside_paths=True)
    small = grid.restrict(weather_seed=range(1, 4))
    assert small.size == 6 and small.axes[1] == grid.axes[1]
    with pytest.raises(ValueError, match="non-empty subset"):
        grid.restrict(weather_seed=[500])
    with pytest.raises(ValueError, match="no dimension"):
        grid.restrict(roof=[1])


@pytest.mark.slow
def test_cli_sweep_of_a_grid_writes_its_dimensions(tmp_path, capsys):
    path = grid_file(tmp_path, "weather_seed = [1, 2]\nmembers.households.count = [30, 60]\n")
    out = tmp_path / "grid.nc"
    assert main(["--allow-outside-paths", "sweep", str(path), "--workers", "1",
                 "--out", str(out)]) == EXIT_OK
    said = " ".join(capsys.readouterr().out.split())
    assert "2 weather_seed × 2 members.households.count" in said
    with xr.open_dataset(out) as ds:
        assert ds["shared_mwh"].dims == ("weather_seed", "members.households.count",
                                         "configuration")
        assert ds["members.households.count"].attrs["units"] == "members"
        point = read_grid(path, allow_outside_paths=True)
        np.testing.assert_allclose(ds["premium_eur"].isel(weather_seed=1, **{
            "members.households.count": 0}).to_numpy(), run_point(point, (1, 0))[
            :, list(ds.data_vars).index("premium_eur")], rtol=1e-9)


def test_a_bad_path_is_named_with_what_the_scenario_has(tmp_path):
    path = grid_file(tmp_path, "members.nobody.count = [1, 2]\n")
    with pytest.raises(ScenarioError, match=r"grid\.members\.nobody\.count.*'households'"):
        read_grid(path, allow_outside_paths=True)
    path = grid_file(tmp_path, "plants.school-roof.capacity_kwp = [-5, 10]\n")
    with pytest.raises(ScenarioError, match=r"capacity_kwp"):
        read_grid(path, allow_outside_paths=True)

"""Grid sweeps: one dimension per swept field, units on everything, and variants run with reuse
equal to the same variants run from scratch (issue 22)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

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
    assert (p.sel(p_value="P90") <= p.sel(p_value="P10")).all()
    assert p.attrs["units"] == "MWh"


def test_a_bad_path_is_named_with_what_the_scenario_has(tmp_path):
    path = grid_file(tmp_path, "members.nobody.count = [1, 2]\n")
    with pytest.raises(ScenarioError, match=r"grid\.members\.nobody\.count.*'households'"):
        read_grid(path, allow_outside_paths=True)
    path = grid_file(tmp_path, "plants.school-roof.capacity_kwp = [-5, 10]\n")
    with pytest.raises(ScenarioError, match=r"capacity_kwp"):
        read_grid(path, allow_outside_paths=True)

"""Grid studies: a sweep whose dimensions are scenario fields, run with reuse (issue 22).

A grid sweep file names one scenario and, under ``[grid]``, its dimensions::

    scenario = "coursework.toml"
    [grid]
    weather_seed = {first = 1, count = 100}
    plants.school-roof.capacity_kwp = [10, 20, 50, 100, 200]
    members.households.count = [25, 50, 100, 200]

Every combination is a variant. The result is an xarray Dataset with one dimension per key
(in the file's order) and ``configuration`` (with ``community``); its variables are the
summary's figures, each with ``units`` and ``long_name``; coordinates carry the swept field's
unit (from the schema). :func:`percentiles` gives P90/P50/P10 over a dimension.

Variants of one weather seed run together on one worker with a :class:`twin.sim.reuse.Reuse`:
the weather and its solar position once, each plant's PV once per orientation (scaled by size),
each member's load once (a batch of 200 households holds the 100 of a smaller variant); the
rules, and what follows them, for every variant. Seeds are split across dask workers.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from twin.core.progress import Progress, silent
from twin.errors import ScenarioError, SweepError, Text
from twin.scenario.bounds import MAX_SWEEP_VARIANTS
from twin.scenario.load import LoadedScenario
from twin.scenario.paths import field_info, with_values
from twin.sim.results import SUMMARY_COLUMNS
from twin.studies.montecarlo import EXCEEDANCE

WEATHER_SEED = "weather_seed"
"""The grid dimension of weather years: the built-in generator's seed (``[weather] seed``)."""
UNITS = {"_mwh": "MWh", "_kw": "kW", "_eur": "EUR", "_pct": "%", "_pct_of_injected": "%",
         "_pct_of_withdrawn": "%"}


@dataclass(frozen=True)
class Axis:
    """One dimension of a grid: a scenario field by path, its values and unit."""

    name: str
    values: tuple[Any, ...]
    units: str
    long_name: str

    @property
    def path(self) -> str:
        """The scenario field it sets."""
        return "weather.seed" if self.name == WEATHER_SEED else self.name


@dataclass(frozen=True)
class Grid:
    """A scenario and the dimensions a study varies."""

    loaded: LoadedScenario
    axes: tuple[Axis, ...]
    years: int | None = None

    @property
    def size(self) -> int:
        return int(np.prod([len(a.values) for a in self.axes]))

    @property
    def seed_axis(self) -> int | None:
        names = [a.name for a in self.axes]
        return names.index(WEATHER_SEED) if WEATHER_SEED in names else None

    def groups(self) -> list[list[tuple[int, ...]]]:
        """The grid's points (tuples of indices along each axis), grouped by weather seed: one
        group per seed (one in all without a seed dimension)."""
        points = list(itertools.product(*(range(len(a.values)) for a in self.axes)))
        k = self.seed_axis
        if k is None:
            return [points]
        return [[p for p in points if p[k] == s] for s in range(len(self.axes[k].values))]

    def restrict(self, **values: Sequence[Any]) -> Grid:
        """The same grid with fewer values along some dimensions, by name (a quick look before
        the whole study): ``grid.restrict(weather_seed=range(1, 11))``."""
        names = [a.name for a in self.axes]
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise ValueError(Text("restrict: no dimension {unknown}; the grid has {names}",
                                  unknown=unknown, names=names))
        axes = []
        for axis in self.axes:
            chosen = tuple(values.get(axis.name, axis.values))
            if not chosen or not set(map(repr, chosen)) <= set(map(repr, axis.values)):
                raise ValueError(Text("restrict: {axis} takes a non-empty subset of "
                                      "{values}; found {chosen}",
                                      axis=axis.name, values=list(axis.values),
                                      chosen=list(chosen)))
            axes.append(dataclasses.replace(axis, values=chosen))
        return dataclasses.replace(self, axes=tuple(axes))

    def values(self, point: tuple[int, ...]) -> dict[str, Any]:
        return {a.path: a.values[i] for a, i in zip(self.axes, point, strict=True)}


def read_grid(path: str | Path, allow_outside_paths: bool = False,
              max_variants: int = MAX_SWEEP_VARIANTS) -> Grid:
    """A grid sweep file, each dimension checked against the scenario (paths, and its first
    and last values applied and validated) before anything runs."""
    from twin.scenario.load import load_scenario
    from twin.scenario.sweep_file import read_sweep_file

    path = Path(path)
    sweep = read_sweep_file(path)
    if not sweep.grid:
        raise ScenarioError(Text("{path}: not a grid sweep (it has no [grid])", path=path))
    local = path.parent / str(sweep.scenario)
    loaded = load_scenario(local if local.exists() else sweep.scenario, allow_outside_paths)
    axes = []
    for name, values in sweep.axes().items():
        field = "weather.seed" if name == WEATHER_SEED else name
        try:
            units, long_name = field_info(loaded.scenario, field)
            for value in {repr(v): v for v in (values[0], values[-1])}.values():
                with_values(loaded.scenario, {field: value})
        except ScenarioError as error:
            raise ScenarioError(Text("{path}: grid.{name}: {error}", path=path, name=name,
                                     error=error)) from None
        if name.endswith(".count"):
            units, long_name = "members", "members in the batch"
        axes.append(Axis(name, tuple(values), units, long_name))
    grid = Grid(loaded, tuple(axes), sweep.years)
    if grid.size > max_variants:
        raise ScenarioError(Text("{path}: {grid_size:,} variants; at most {max_variants:,} run in "
                                 "one sweep (give --max-variants N for more)", path=path,
                                 grid_size=grid.size, max_variants=max_variants))
    return grid


def run_point(grid: Grid, point: tuple[int, ...]) -> np.ndarray:
    """The summary of one variant, ``(configuration + community, figure)``: the simulation and
    rules of a run (inside :func:`run_group`, with its reuse), without the bills, cash and fund
    the summary does not read (``Simulation.summary``)."""
    from twin.sim.run import Simulation
    from twin.sim.spec import RunSpec

    scenario = with_values(grid.loaded.scenario, grid.values(point))
    spec = RunSpec.from_scenario(grid.loaded.model_copy(update={"scenario": scenario}))
    if grid.years is not None:
        spec = spec.with_years(grid.years)
    summary = Simulation(spec).summary()
    return summary.loc[list(configurations(grid)), list(SUMMARY_COLUMNS)].to_numpy(dtype=float)


def configurations(grid: Grid) -> list[str]:
    return [c.id for c in grid.loaded.scenario.configurations] + ["community"]


def run_group(grid: Grid, points: Sequence[tuple[int, ...]]) -> list[np.ndarray]:
    """The variants of one weather seed, sharing one reuse cache."""
    from twin.sim.reuse import Reuse, reusing

    with reusing(Reuse()):
        return [run_point(grid, p) for p in points]


def run_grid(grid: Grid, client: Any = None, progress: Progress | None = None) -> xr.Dataset:
    """Every variant of the grid, one task per weather seed (on a dask.distributed ``client``,
    or here in order without one), gathered into the grid's Dataset as results arrive."""
    say = progress or silent
    groups = grid.groups()
    shape = [len(a.values) for a in grid.axes]
    n_c, n_f = len(configurations(grid)), len(SUMMARY_COLUMNS)
    data = np.full((*shape, n_c, n_f), np.nan)
    done = 0
    say("variants", 0, grid.size)

    def store(points: Sequence[tuple[int, ...]], results: Sequence[np.ndarray]) -> None:
        nonlocal done
        for p, r in zip(points, results, strict=True):
            data[p] = r
        done += len(points)
        say("variants", done, grid.size)

    failed: list[str] = []
    if client is None:
        for points in groups:
            store(points, run_group(grid, points))
    else:
        from distributed import as_completed

        futures = [client.submit(run_group, grid, points, pure=False, retries=2)
                   for points in groups]
        points_of = {f.key: points for f, points in zip(futures, groups, strict=True)}
        for future in as_completed(futures):
            if future.status == "finished":
                store(points_of[future.key], future.result())
            else:
                failed.append(Text("{point}: {error_type}: "
                                   "{error}",
                                   point=describe(grid, points_of[future.key][0]),
                                   error_type=type(future.exception()).__name__,
                                   error=future.exception()))
            future.release()
    ds = dataset(grid, data)
    if failed:
        raise SweepError([Text("{failed} of {count} groups of variants failed:",
                               failed=len(failed), count=len(groups))]
                         + [Text("  {problem}", problem=line) for line in failed], partial=ds)
    return ds


def describe(grid: Grid, point: tuple[int, ...]) -> str:
    return ", ".join(f"{a.name} = {a.values[i]!r}" for a, i in zip(grid.axes, point, strict=True))


def units_of(figure: str) -> str:
    """The unit of a summary figure, from its name's suffix."""
    return next((unit for suffix, unit in sorted(UNITS.items(), key=lambda u: -len(u[0]))
                 if figure.endswith(suffix)), "members" if figure == "members" else "1")


def dataset(grid: Grid, data: np.ndarray) -> xr.Dataset:
    """The grid's results as a Dataset: one dimension per axis, then ``configuration``."""
    dims = [a.name for a in grid.axes] + ["configuration"]
    coords: dict[str, Any] = {
        a.name: xr.Variable(a.name, np.asarray(a.values),
                            {"units": a.units or "1", "long_name": a.long_name})
        for a in grid.axes}
    coords["configuration"] = np.asarray(configurations(grid), dtype=str)
    variables = {
        name: (dims, data[..., k], {"units": units_of(name),
                                    "long_name": SUMMARY_COLUMNS[name].split(" [")[0]})
        for k, name in enumerate(SUMMARY_COLUMNS)}
    return xr.Dataset(variables, coords=coords, attrs={
        "scenario": str(grid.loaded.path), "scenario_sha256": grid.loaded.sha256,
        "variants": grid.size, "dimensions": ", ".join(a.name for a in grid.axes)})


def percentiles(ds: xr.Dataset, dim: str = WEATHER_SEED) -> xr.Dataset:
    """P90, P50 and P10 of every variable over ``dim`` (e.g. the weather years): the values
    exceeded with probability 90, 50 and 10 % (P90 is the 10th percentile), along a new
    ``p_value`` dimension, prudent first; units and names kept."""
    if dim not in ds.dims:
        raise ValueError(Text("percentiles: no dimension {dim!r}; the Dataset has {dims}",
                              dim=dim, dims=list(ds.dims)))
    out = ds.quantile([1.0 - p for p in EXCEEDANCE.values()], dim=dim, keep_attrs=True)
    out = out.rename({"quantile": "p_value"}).assign_coords(p_value=list(EXCEEDANCE))
    out["p_value"].attrs["long_name"] = "value exceeded with probability 90, 50, 10 %"
    return out

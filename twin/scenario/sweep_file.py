"""Sweep files for ``cer-twin sweep``: what varies across the variants of a study.

Two kinds: a list of variants (``scenarios`` or ``store`` + ``branches``, optionally
``candidates`` and ``weather_seeds``), gathered along one ``scenario`` dimension; or a grid
(``scenario`` + ``[grid]``): each key of ``[grid]`` is a dimension, ``weather_seed`` or any
scenario field by path (``members.households.count = [25, 50, 100, 200]``), and the result has
one dimension per key (:mod:`twin.studies.grid`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from twin.errors import Text
from twin.scenario.load import read_toml_model


class _Seeds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    first: int = Field(ge=0)
    count: int = Field(ge=1, le=1_000_000)


class SweepFile(BaseModel):
    """The schema of a sweep file."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    scenarios: list[str] = Field(default_factory=list,
                                 description="Scenario files (relative to the sweep file) or "
                                 "built-in names.")
    store: str | None = Field(None, description="An event store (SQLite path or URL).")
    branches: list[str] = Field(default_factory=list, description="Branches of the store.")
    candidates: str | None = Field(None, description="Candidates file: each roof size becomes "
                                   "a variant.")
    weather_seeds: list[int] | _Seeds | None = Field(None, description="Weather seeds.")
    years: int | None = Field(None, ge=1, le=30, description="Calendar years to simulate.")
    scenario: str | None = Field(None, description="Grid sweeps: the one scenario the grid "
                                 "varies (a file relative to the sweep file, or a built-in "
                                 "name).")
    grid: dict[str, Any] = Field(default_factory=dict, description="Grid sweeps: dimension -> "
                                 "values; weather_seed (a list or {first, count}) or a scenario "
                                 "field by path (plants.<id>.capacity_kwp, members.<id>.count).")

    @model_validator(mode="after")
    def _one_source(self) -> SweepFile:
        if self.grid or self.scenario:
            if not (self.grid and self.scenario):
                raise ValueError(Text("a grid sweep needs both scenario and [grid]"))
            if self.scenarios or self.store or self.candidates or self.weather_seeds:
                raise ValueError(Text("a grid sweep (scenario + [grid]) takes no scenarios, "
                                      "store, candidates or weather_seeds: put them in [grid]"))
            self.axes()  # each dimension's values, checked here to name the file
            return self
        if bool(self.scenarios) == bool(self.store):
            raise ValueError(Text("give either scenarios or store with branches"))
        if self.store and not self.branches:
            raise ValueError(Text("store needs branches"))
        return self

    def axes(self) -> dict[str, list[Any]]:
        """The grid's dimensions with their values, nested tables flattened to dotted paths
        (``members.households.count = [...]`` is a table in TOML); a ``{first, count}`` table
        is a range of weather seeds."""
        out: dict[str, list[Any]] = {}

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, dict) and set(value) == {"first", "count"}:
                seeds = _Seeds.model_validate(value)
                out[prefix] = list(range(seeds.first, seeds.first + seeds.count))
            elif isinstance(value, dict):
                for key, inner in value.items():
                    walk(f"{prefix}.{key}" if prefix else key, inner)
            elif isinstance(value, list) and value:
                if len(set(map(repr, value))) != len(value):
                    raise ValueError(Text("grid.{prefix}: a value appears twice", prefix=prefix))
                out[prefix] = value
            else:
                raise ValueError(Text("grid.{prefix}: expected a non-empty list of values or "
                                      "{{first, count}}; found {value!r}", prefix=prefix,
                                      value=value))

        walk("", self.grid)
        return out

    def seeds(self) -> list[int | None]:
        if self.weather_seeds is None:
            return [None]
        if isinstance(self.weather_seeds, _Seeds):
            return list(range(self.weather_seeds.first,
                              self.weather_seeds.first + self.weather_seeds.count))
        return list(self.weather_seeds)


def read_sweep_file(path: Path) -> SweepFile:
    """A validated sweep file, or :class:`~twin.errors.ScenarioError` naming file and field."""
    return read_toml_model(path, SweepFile, "sweep file")

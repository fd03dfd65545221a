"""Sweep files for ``cer-twin sweep``: what varies across the variants of a study."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

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

    @model_validator(mode="after")
    def _one_source(self) -> SweepFile:
        if bool(self.scenarios) == bool(self.store):
            raise ValueError("give either scenarios or store with branches")
        if self.store and not self.branches:
            raise ValueError("store needs branches")
        return self

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

"""What a run needs: the community's events, the run settings and where they came from.

A run is defined by an ordered event log (from a scenario file compiled into events, or read from
an event store branch) and its settings (period, time step, seed, weather, prices, rule switches).
Everything the engine and the rules need about the community (name, region, configurations) is
read from the events, so a scenario file and a store branch run the same way.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

from pydantic import ValidationError

from twin.errors import ScenarioError, Text
from twin.events import (
    CommunityFounded,
    ConfigurationRegistered,
    DomainEvent,
    MeterDataImported,
    PlantCommissioned,
)
from twin.inputs.meters import MeterSeries
from twin.inputs.run import Inputs, load_inputs
from twin.scenario import LoadedScenario, Prices, RunSettings, Weather
from twin.scenario.compile import compile_events


@dataclass(frozen=True)
class RunSpec:
    """Events, settings and provenance of one run."""

    events: tuple[DomainEvent, ...]
    settings: RunSettings
    provenance: dict[str, str] = field(default_factory=dict)
    """Where the run comes from: scenario path and hash, or store, branch and head."""
    meter_data: tuple[tuple[MeterDataImported, MeterSeries], ...] = ()
    """Imported meter data (from a store): measured series replace the modelled ones where
    they cover the period."""
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Stored files the events refer to (measured profiles): SHA-256 → (name, content)."""

    def with_years(self, years: int) -> RunSpec:
        """The same run over ``years`` calendar years from its start."""
        settings = self.settings.model_copy(
            update={"simulation": self.settings.simulation.with_years(years)})
        return dataclasses.replace(self, settings=settings)

    def with_weather_seed(self, seed: int) -> RunSpec:
        """The same run under another weather year: of the built-in generator, or drawn from
        the weather file by a block bootstrap of its days (:mod:`weather.bootstrap`)."""
        update: dict[str, object] = {"seed": seed}
        if self.settings.weather.source != "builtin":
            update["resample"] = "block_bootstrap"
        weather = self.settings.weather.model_copy(update=update)
        return dataclasses.replace(self, settings=self.settings.model_copy(
            update={"weather": weather}))

    def load_inputs(self) -> Inputs:
        """Weather and prices of this run on its grid (:func:`twin.inputs.run.load_inputs`)."""
        from twin.sim.reuse import cached_inputs

        zones = [e.market_zone for e in self.events
                 if isinstance(e, PlantCommissioned) and e.market_zone]
        zone = self.community.market_zone
        key = tuple(getattr(self.settings, part).model_dump_json()
                    for part in ("simulation", "weather", "prices")) + (zone, *sorted(zones))
        return cached_inputs(key, lambda: load_inputs(self.settings, zone, zones))

    @property
    def community(self) -> CommunityFounded:
        for e in self.events:
            if isinstance(e, CommunityFounded):
                return e
        raise ScenarioError(Text("the event log has no CommunityFounded event"))

    @property
    def configurations(self) -> list[ConfigurationRegistered]:
        return [e for e in self.events if isinstance(e, ConfigurationRegistered)]

    @property
    def configuration_ids(self) -> list[str]:
        return [c.configuration_id for c in self.configurations]

    @property
    def name(self) -> str:
        return self.community.name

    @classmethod
    def from_scenario(cls, loaded: LoadedScenario) -> RunSpec:
        sc = loaded.scenario
        settings = RunSettings(simulation=sc.simulation, weather=_absolute(sc.weather, loaded),
                               prices=_absolute(sc.prices, loaded), rules=sc.rules,
                               future=sc.future, fund=sc.fund,
                               finance=sc.finance)
        hashes = {name: sha for name, (sha, _) in loaded.files.items()}
        files = {sha: (name.rsplit("/", 1)[-1], data) for name, (sha, data) in loaded.files.items()}
        return cls(tuple(compile_events(sc, hashes)), settings,
                   {"scenario": str(loaded.path), "scenario_sha256": loaded.sha256},
                   files=files)


def _absolute(source: Weather | Prices, loaded: LoadedScenario) -> Weather | Prices:
    """The same source with its file paths made absolute (relative to the scenario file)."""
    update = {}
    if source.path is not None:
        update["path"] = str(loaded.resolve(source.path))
    if isinstance(source, Weather) and source.calibrate_to is not None:
        update["calibrate_to"] = str(loaded.resolve(source.calibrate_to))
    return source.model_copy(update=update) if update else source


def settings_to_json(settings: RunSettings) -> str:
    return settings.model_dump_json()


def settings_from_json(text: str, where: str) -> RunSettings:
    try:
        return RunSettings.model_validate(json.loads(text))
    except (ValidationError, json.JSONDecodeError) as err:
        raise ScenarioError(Text("{where}: stored run settings are invalid ({err})", where=where,
                                 err=err)) from None

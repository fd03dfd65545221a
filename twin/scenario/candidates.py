"""Candidates files for ``cer-twin expand``: roofs with sizing ranges, member batches, new
configurations, and the finance assumptions they are ranked by."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from twin.errors import Text
from twin.scenario.bounds import (
    MAX_ANNUAL_KWH,
    MAX_MEMBERS_PER_GROUP,
    MAX_PLANT_KWP,
    MAX_SIZES_PER_ROOF,
)
from twin.scenario.economics import Finance
from twin.scenario.load import builtin_scenarios_dir, read_toml_model
from twin.scenario.schema import Archetype, MemberCategory, Mounting


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Roof(_Model):
    id: str
    name: str = ""
    configuration: str
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    tilt_deg: float = Field(ge=0, le=90)
    azimuth_deg: float = Field(ge=0, lt=360)
    min_kwp: float = Field(gt=0, le=MAX_PLANT_KWP, description="Smallest size tried. [kWp]")
    max_kwp: float = Field(gt=0, le=MAX_PLANT_KWP,
                           description="Largest size tried (the roof's room). [kWp]")
    step_kwp: float = Field(gt=0, description="Size step of the sizing curve. [kWp]")
    capex_eur_per_kwp: float | None = Field(None, ge=0, description="Default: by size. [€/kWp]")
    mounting: Mounting = Field("open_rack", description="As a plant's mounting.")
    host_member: str | None = Field(
        None, description="The id of a single member (count 1) of the configuration whose POD "
        "the roof sits behind: the member uses the output first and the surplus is injected. "
        "Default: a plant on its own POD.")
    layouts: list[Literal["as_given", "east_west"]] = Field(
        ["as_given"], min_length=1, description="Orientations to try: as_given (tilt_deg, "
        "azimuth_deg) and/or east_west (half the size facing azimuth_deg - 90, half "
        "azimuth_deg + 90, at tilt_deg: the low east-west rack of a flat roof). Each layout "
        "has its own sizing curve; the roof is taken once, at its best layout and size.")

    @model_validator(mode="after")
    def _sizes(self) -> Roof:
        if self.min_kwp > self.max_kwp:
            raise ValueError(Text("min_kwp ({kwp:g}) must not exceed max_kwp ({kwp2:g})",
                                  kwp=self.min_kwp, kwp2=self.max_kwp))
        sizes = int((self.max_kwp - self.min_kwp) / self.step_kwp) + 1
        if sizes > MAX_SIZES_PER_ROOF:
            raise ValueError(Text("step_kwp {kwp:g} gives {sizes:,} sizes from {kwp2:g} to "
                                  "{kwp3:g} kWp; at most {max_sizes} are tried",
                                  kwp=self.step_kwp, sizes=sizes, kwp2=self.min_kwp,
                                  kwp3=self.max_kwp, max_sizes=MAX_SIZES_PER_ROOF))
        return self


class MemberBatch(_Model):
    id: str
    name: str = ""
    configuration: str
    archetype: Archetype
    category: MemberCategory = "household"
    count: int = Field(ge=1, le=MAX_MEMBERS_PER_GROUP)
    annual_kwh: float = Field(gt=0, le=MAX_ANNUAL_KWH)
    cost_eur: float = Field(0.0, ge=0, description="Cost of recruiting them. [€]")


class NewPlant(_Model):
    id: str
    capacity_kwp: float = Field(gt=0, le=MAX_PLANT_KWP)
    tilt_deg: float = Field(ge=0, le=90)
    azimuth_deg: float = Field(ge=0, lt=360)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    capex_eur_per_kwp: float | None = Field(None, ge=0)


class NewMembers(_Model):
    archetype: Archetype
    category: MemberCategory = "household"
    count: int = Field(ge=1, le=MAX_MEMBERS_PER_GROUP)
    annual_kwh: float = Field(gt=0, le=MAX_ANNUAL_KWH)


class NewConfiguration(_Model):
    """A new configuration (another cabina primaria) with its plants and members."""

    id: str
    name: str = ""
    cabina_primaria: str = "TO-BE-ASSIGNED"
    plants: list[NewPlant] = Field(min_length=1)
    members: list[NewMembers] = Field(min_length=1)
    cost_eur: float = Field(0.0, ge=0, description="Set-up cost besides the plants. [€]")


class BatteryCandidate(_Model):
    """A battery to try at several sizes: behind a member's POD (``host_member``) or a community
    battery. Capex defaults are [assumed] installed prices of commercial lithium-ion systems
    (about 450 EUR/kWh plus 150 EUR/kW of converter); it is replaced after ``life_years``."""

    id: str
    name: str = ""
    configuration: str
    host_member: str | None = Field(None, description="Default: a community battery.")
    min_kwh: float = Field(gt=0, le=100_000, description="Smallest size tried. [kWh]")
    max_kwh: float = Field(gt=0, le=100_000, description="Largest size tried. [kWh]")
    step_kwh: float = Field(gt=0, description="Size step. [kWh]")
    kw_per_kwh: float = Field(0.5, gt=0, le=4, description="Power per capacity (C-rate). [1/h]")
    capex_eur_per_kwh: float = Field(450.0, ge=0, le=5000, description="[EUR/kWh]")
    capex_eur_per_kw: float = Field(150.0, ge=0, le=5000, description="[EUR/kW]")
    opex_pct_per_year: float = Field(1.5, ge=0, le=20, description="O&M, share of capex. [%]")
    life_years: int = Field(15, ge=1, le=40, description="Replaced after it. [years]")

    @model_validator(mode="after")
    def _sizes(self) -> BatteryCandidate:
        if self.min_kwh > self.max_kwh:
            raise ValueError(Text("min_kwh ({kwh:g}) must not exceed max_kwh ({kwh2:g})",
                                  kwh=self.min_kwh, kwh2=self.max_kwh))
        if int((self.max_kwh - self.min_kwh) / self.step_kwh) + 1 > MAX_SIZES_PER_ROOF:
            raise ValueError(Text("step_kwh {kwh:g} gives more than {max_sizes} sizes",
                                  kwh=self.step_kwh, max_sizes=MAX_SIZES_PER_ROOF))
        return self

    def sizes(self) -> list[float]:
        return [float(v) for v in np.arange(self.min_kwh, self.max_kwh + 1e-9, self.step_kwh)]

    def capex_eur(self, kwh: float) -> float:
        return kwh * self.capex_eur_per_kwh + kwh * self.kw_per_kwh * self.capex_eur_per_kw


class Candidates(_Model):
    finance: Finance = Finance()
    saturation_fraction: float = Field(
        0.5, gt=0, lt=1, description="A roof saturates where each added kWp shares less than "
        "this fraction of what its first kWp shared.")
    roofs: list[Roof] = Field(default_factory=list)
    member_batches: list[MemberBatch] = Field(default_factory=list)
    new_configurations: list[NewConfiguration] = Field(default_factory=list)
    batteries: list[BatteryCandidate] = Field(default_factory=list)


def load_candidates(path: str | Path) -> Candidates:
    """Read a candidates file: a path, or the name of a built-in one (scenarios/)."""
    path = Path(path)
    if not path.exists():
        builtin = builtin_scenarios_dir() / path.name
        path = builtin if builtin.exists() else path
    return read_toml_model(path, Candidates, "candidates file")

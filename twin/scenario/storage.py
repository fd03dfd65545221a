"""The ``[[storage]]`` tables of a scenario: batteries behind a member's POD, or community
batteries with a POD of their own in a configuration."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from twin.errors import Text
from twin.scenario.economics import _Model

MAX_BATTERY_KWH = 100_000.0
"""A battery's capacity: 100 MWh, far beyond a CER's (hard bound, as for plants)."""


class Storage(_Model):
    """A battery (docs/models.md, "Storage"). Defaults are [assumed]
    figures of a lithium-ion system: 90 % round trip, 10-95 % state of charge, 0.1 %/day
    standby, capacity fading 1 %/year and 0.004 % per equivalent full cycle (20 % after 5,000)."""

    id: str = Field(description="Identifier of the battery.")
    name: str = Field("", description="Human-readable name.")
    configuration: str = Field(description="Id of the configuration it belongs to.")
    host_member: str | None = Field(
        None, description="Id of the member (count 1) whose POD it sits behind; none: a "
        "community battery with a POD of its own (policy community_sharing).")
    capacity_kwh: float = Field(gt=0, le=MAX_BATTERY_KWH, description="Usable energy. [kWh]")
    charge_kw: float = Field(gt=0, le=MAX_BATTERY_KWH, description="Charge power. [kW]")
    discharge_kw: float = Field(gt=0, le=MAX_BATTERY_KWH, description="Discharge power. [kW]")
    round_trip_efficiency_pct: float = Field(
        90.0, gt=0, le=100, description="Energy out per energy in, split evenly between "
        "charging and discharging. [%]")
    soc_min_pct: float = Field(10.0, ge=0, lt=100, description="Lowest state of charge. [%]")
    soc_max_pct: float = Field(95.0, gt=0, le=100, description="Highest state of charge. [%]")
    soc_initial_pct: float = Field(
        10.0, ge=0, le=100, description="At installation (default: empty to its minimum, so "
        "the run creates no energy out of nothing). [%]")
    standby_loss_pct_per_day: float = Field(
        0.1, ge=0, le=10, description="Self-discharge of the stored energy. [%/day]")
    fade_pct_per_cycle: float = Field(
        0.004, ge=0, le=1, description="Capacity lost per equivalent full cycle. [%]")
    fade_pct_per_year: float = Field(1.0, ge=0, le=20, description="Calendar fade. [%/year]")
    policy: Literal["self_consumption", "schedule", "community_sharing"] | None = Field(
        None, description="self_consumption (default behind a POD): charge from the host's PV "
        "surplus, discharge into its load; schedule: the same, only within the daily windows; "
        "community_sharing (the one policy, and the default, of a community battery): charge "
        "when the configuration injects more than it withdraws, discharge when it withdraws "
        "more.")
    charge_hours: list[float] = Field(
        [10.0, 16.0], min_length=2, max_length=2,
        description="schedule: local hours [from, to) when it may charge.")
    discharge_hours: list[float] = Field(
        [17.0, 23.0], min_length=2, max_length=2,
        description="schedule: local hours [from, to) when it may discharge.")
    installed_on: dt.date = Field(description="First day in operation.")

    @model_validator(mode="after")
    def _consistent(self) -> Storage:
        if self.soc_min_pct >= self.soc_max_pct:
            raise ValueError(Text("soc_min_pct ({pct:g}) must be below soc_max_pct ({pct2:g})",
                                  pct=self.soc_min_pct, pct2=self.soc_max_pct))
        community = self.host_member is None
        if community and self.policy not in (None, "community_sharing"):
            raise ValueError(Text("policy {policy!r} needs a host_member; a community battery "
                                  "shares (policy community_sharing)", policy=self.policy))
        if not community and self.policy == "community_sharing":
            raise ValueError(Text("community_sharing is the policy of a community battery (no "
                                  "host_member)"))
        for name in ("charge_hours", "discharge_hours"):
            if not all(0 <= h <= 24 for h in getattr(self, name)):
                raise ValueError(Text("{name}: expected local hours 0-24, found {hours}",
                                      name=name, hours=getattr(self, name)))
        return self

    @property
    def dispatch_policy(self) -> str:
        """The policy, its default filled in."""
        return self.policy or ("community_sharing" if self.host_member is None
                               else "self_consumption")

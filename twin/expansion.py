"""Expansion: rank candidate roofs and member batches by what they add, with sizing curves.

The base scenario is simulated once; each candidate (a roof at each size, a batch of members) is
added to the base's arrays and only the rules are applied again, so a sizing curve of dozens of
sizes costs seconds. Marginal values are the candidate's run minus the base run over the
simulated period; the finance (NPV, IRR, payback) carries them over the incentive years
(:mod:`twin.finance`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from twin.assets.loads import Consumer, load_power_kw
from twin.assets.pv import plant_ac_power_kw
from twin.engine import book_flows, holder_class, load_inputs, run_timeline
from twin.errors import ScenarioError
from twin.events import ConfigurationRegistered, MemberJoined, PlantCommissioned
from twin.finance import (
    OPEX_EUR_PER_KWP_YEAR,
    FinanceAssumptions,
    Investment,
    capex_eur_per_kwp,
    cash_flows,
    irr,
    npv,
    payback_years,
)
from twin.progress import Progress, silent
from twin.results import summary_table
from twin.scenario import Archetype, MemberCategory
from twin.settlement import settle
from twin.spec import RunSpec
from twin.timeutil import interval_hours, local_midnight_utc


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Roof(_Model):
    id: str
    name: str = ""
    configuration: str
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    tilt_deg: float = Field(ge=0, le=90)
    azimuth_deg: float = Field(ge=0, lt=360)
    min_kwp: float = Field(gt=0, description="Smallest size tried. [kWp]")
    max_kwp: float = Field(gt=0, description="Largest size tried (the roof's room). [kWp]")
    step_kwp: float = Field(gt=0, description="Size step of the sizing curve. [kWp]")
    capex_eur_per_kwp: float | None = Field(None, ge=0, description="Default: by size. [€/kWp]")
    mounting: str = "open_rack"


class MemberBatch(_Model):
    id: str
    name: str = ""
    configuration: str
    archetype: Archetype
    category: MemberCategory = "household"
    count: int = Field(ge=1)
    annual_kwh: float = Field(gt=0)
    cost_eur: float = Field(0.0, ge=0, description="Cost of recruiting them. [€]")


class NewPlant(_Model):
    id: str
    capacity_kwp: float = Field(gt=0)
    tilt_deg: float = Field(ge=0, le=90)
    azimuth_deg: float = Field(ge=0, lt=360)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    capex_eur_per_kwp: float | None = Field(None, ge=0)


class NewMembers(_Model):
    archetype: Archetype
    category: MemberCategory = "household"
    count: int = Field(ge=1)
    annual_kwh: float = Field(gt=0)


class NewConfiguration(_Model):
    """A new configuration (another cabina primaria) with its plants and members."""

    id: str
    name: str = ""
    cabina_primaria: str = "TO-BE-ASSIGNED"
    plants: list[NewPlant] = Field(min_length=1)
    members: list[NewMembers] = Field(min_length=1)
    cost_eur: float = Field(0.0, ge=0, description="Set-up cost besides the plants. [€]")


class Finance(_Model):
    discount_rate_pct: float = 4.0
    years: int = Field(20, ge=1, le=30)
    price_escalation_pct_per_year: float = 0.0
    equity_share_pct: float = Field(100.0, ge=0, le=100)
    loan_rate_pct: float = 4.0
    loan_years: int = Field(10, ge=1)


class Candidates(_Model):
    finance: Finance = Finance()
    roofs: list[Roof] = Field(default_factory=list)
    member_batches: list[MemberBatch] = Field(default_factory=list)
    new_configurations: list[NewConfiguration] = Field(default_factory=list)


def roof_plant(roof: Roof, kwp: float, entry: dt.date) -> PlantCommissioned:
    """The plant event of ``kwp`` on ``roof``, in operation and counting from ``entry``."""
    return PlantCommissioned(
        effective_utc=local_midnight_utc(entry).to_pydatetime(), plant_id=f"+{roof.id}",
        configuration_id=roof.configuration, source="pv", capacity_kwp=kwp,
        inverter_kw=kwp, tilt_deg=roof.tilt_deg, azimuth_deg=roof.azimuth_deg,
        latitude=roof.latitude, longitude=roof.longitude, mounting=roof.mounting,
        system_losses_pct=14.0, degradation_pct_per_year=0.5, albedo=0.2,
        entry_into_operation=entry, lifecycle="new", grant_intensity_pct=0.0,
        building_obligation_kw=0.0, pre_constitution_exception=False, owner=None,
        host_member=None)


def load_candidates(path: str | Path) -> Candidates:
    """Read a candidates file: a path, or the name of a built-in one (scenarios/)."""
    path = Path(path)
    if not path.exists():
        from twin.scenario import builtin_scenarios_dir

        builtin = builtin_scenarios_dir() / path.name
        path = builtin if builtin.exists() else path
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(f"{path}: candidates file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{path}: not valid TOML: {err}") from None
    try:
        return Candidates.model_validate(raw)
    except ValidationError as err:
        lines = [f"{path}: invalid candidates"]
        for e in err.errors(include_url=False):
            where = ".".join(str(x) for x in e["loc"])
            lines.append(f"  {where}: expected: {e['msg']}; found: {e.get('input')!r}")
        raise ScenarioError("\n".join(lines)) from None


class Evaluator:
    """The base run's arrays, and a way to settle them with one more plant or member batch."""

    def __init__(self, spec: RunSpec, progress: Progress | None = None) -> None:
        self.spec = spec
        self.inputs = load_inputs(spec)
        self.timeline = run_timeline(spec.events, self.inputs.index)
        self.configs = [c.configuration_id for c in spec.configurations]
        self.flows, self.counted = book_flows(
            spec.events, self.inputs, spec.settings.simulation.seed, self.timeline,
            self.configs, progress, spec.meter_data)
        self.base = self._totals(settle(spec, self.inputs, self.flows, self.counted))
        self.start = spec.settings.simulation.start

    @staticmethod
    def _totals(ds) -> pd.Series:  # noqa: ANN001 - xarray.Dataset
        row = summary_table(ds).loc["community"]
        return pd.Series({"shared_mwh": row["shared_mwh"], "premium_eur": row["premium_eur"],
                          "valorization_eur": row["valorization_eur"],
                          "rid_eur": row["rid_eur"], "fees_eur": row["gse_fees_eur"],
                          "fund_eur": row["fund_eur"]})

    def with_plant(self, roof: Roof, kwp: float) -> pd.Series:
        """Marginal totals of the base plus a plant of ``kwp`` on ``roof`` from the start."""
        plant = roof_plant(roof, kwp, max(self.start, self.spec.community.founded_on))
        step_h = interval_hours(self.inputs.index)
        energy = plant_ac_power_kw([plant], self.inputs.weather)[:, 0] * step_h
        flows = dataclasses.replace(
            self.flows, plants=[*self.flows.plants, plant],
            production_kwh=np.column_stack([self.flows.production_kwh, energy]),
            injection_kwh=np.column_stack([self.flows.injection_kwh, energy]))
        active = np.ones(len(energy), dtype=bool)
        counted = dataclasses.replace(
            self.counted,
            plant_injection_kwh=np.column_stack([self.counted.plant_injection_kwh, energy]),
            plant_active=np.column_stack([self.counted.plant_active, active]))
        spec = dataclasses.replace(self.spec, events=(*self.spec.events, plant))
        return self._totals(settle(spec, self.inputs, flows, counted)) - self.base

    def with_members(self, batch: MemberBatch) -> pd.Series:
        """Marginal totals of the base plus a batch of members from the start."""
        at = local_midnight_utc(self.start).to_pydatetime()
        members = [MemberJoined(effective_utc=at, member_id=f"+{batch.id}-{i:03d}",
                                configuration_id=batch.configuration, category=batch.category,
                                archetype=batch.archetype, annual_kwh=batch.annual_kwh,
                                group_id=f"+{batch.id}") for i in range(batch.count)]
        step_h = interval_hours(self.inputs.index)
        load = load_power_kw([Consumer(m.member_id, m.archetype, m.annual_kwh) for m in members],
                             self.inputs.index, self.spec.settings.simulation.seed,
                             self.inputs.weather["temp_air"].to_numpy()) * step_h
        by_class = self.counted.configuration_withdrawal_by_class_kwh.copy()
        k = self.configs.index(batch.configuration)
        by_class[:, k, holder_class(batch.category)] += load.sum(axis=1)
        flows = dataclasses.replace(self.flows, members=[*self.flows.members, *members])
        counted = dataclasses.replace(
            self.counted, configuration_withdrawal_by_class_kwh=by_class,
            member_withdrawal_total_kwh=np.r_[self.counted.member_withdrawal_total_kwh,
                                              load.sum(axis=0)])
        spec = dataclasses.replace(self.spec, events=(*self.spec.events, *members))
        return self._totals(settle(spec, self.inputs, flows, counted)) - self.base


    def with_configuration(self, new: NewConfiguration) -> tuple[pd.Series, float, float]:
        """Marginal totals of the base plus a new configuration with its plants and members,
        all from the start; also its capex and yearly O&M. [€]"""
        at = local_midnight_utc(max(self.start, self.spec.community.founded_on))
        config = ConfigurationRegistered(effective_utc=at.to_pydatetime(),
                                         configuration_id=new.id, name=new.name or new.id,
                                         cabina_primaria=new.cabina_primaria)
        step_h = interval_hours(self.inputs.index)
        plants = [PlantCommissioned(
            effective_utc=at.to_pydatetime(), plant_id=f"+{new.id}-{p.id}",
            configuration_id=new.id, source="pv", capacity_kwp=p.capacity_kwp,
            inverter_kw=p.capacity_kwp, tilt_deg=p.tilt_deg, azimuth_deg=p.azimuth_deg,
            latitude=p.latitude, longitude=p.longitude, mounting="open_rack",
            system_losses_pct=14.0, degradation_pct_per_year=0.5, albedo=0.2,
            entry_into_operation=at.tz_convert("Europe/Rome").date(), lifecycle="new",
            grant_intensity_pct=0.0, building_obligation_kw=0.0,
            pre_constitution_exception=False, owner=None, host_member=None)
            for p in new.plants]
        energy = plant_ac_power_kw(plants, self.inputs.weather) * step_h
        members = [MemberJoined(effective_utc=at.to_pydatetime(), member_id=f"+{new.id}-{g}-{i}",
                                configuration_id=new.id, category=m.category,
                                archetype=m.archetype, annual_kwh=m.annual_kwh,
                                group_id=f"+{new.id}-{g}")
                   for g, m in enumerate(new.members) for i in range(m.count)]
        load = load_power_kw([Consumer(m.member_id, m.archetype, m.annual_kwh) for m in members],
                             self.inputs.index, self.spec.settings.simulation.seed,
                             self.inputs.weather["temp_air"].to_numpy()) * step_h
        by_new = np.zeros((len(self.inputs.index), 1, 3))
        for i, m in enumerate(members):
            by_new[:, 0, holder_class(m.category)] += load[:, i]
        flows = dataclasses.replace(
            self.flows, plants=[*self.flows.plants, *plants],
            members=[*self.flows.members, *members],
            production_kwh=np.column_stack([self.flows.production_kwh, energy]),
            injection_kwh=np.column_stack([self.flows.injection_kwh, energy]))
        counted = dataclasses.replace(
            self.counted,
            plant_injection_kwh=np.column_stack([self.counted.plant_injection_kwh, energy]),
            plant_active=np.column_stack([self.counted.plant_active,
                                          np.ones(energy.shape, dtype=bool)]),
            configuration_withdrawal_by_class_kwh=np.concatenate(
                [self.counted.configuration_withdrawal_by_class_kwh, by_new], axis=1),
            member_withdrawal_total_kwh=np.r_[self.counted.member_withdrawal_total_kwh,
                                              load.sum(axis=0)])
        spec = dataclasses.replace(self.spec,
                                   events=(*self.spec.events, config, *plants, *members))
        marginal = self._totals(settle(spec, self.inputs, flows, counted)) - self.base
        capex = new.cost_eur + sum(
            p.capacity_kwp * (p.capex_eur_per_kwp if p.capex_eur_per_kwp is not None
                              else capex_eur_per_kwp(p.capacity_kwp)) for p in new.plants)
        return marginal, capex, sum(p.capacity_kwp for p in new.plants) * OPEX_EUR_PER_KWP_YEAR


def _finance(marginal: pd.Series, capex: float, opex: float, fin: Finance) -> dict:
    assumptions = FinanceAssumptions(
        discount_rate_pct=fin.discount_rate_pct, years=fin.years,
        price_escalation_pct_per_year=fin.price_escalation_pct_per_year,
        equity_share_pct=fin.equity_share_pct, loan_rate_pct=fin.loan_rate_pct,
        loan_years=fin.loan_years)
    flows = cash_flows(Investment(capex, marginal["premium_eur"], marginal["valorization_eur"],
                                  marginal["rid_eur"], marginal["fees_eur"], opex),
                       assumptions)
    return {"npv_eur": npv(flows, fin.discount_rate_pct), "irr_pct": irr(flows),
            "payback_years": payback_years(flows)}


def roof_sizes(roof: Roof) -> np.ndarray:
    """The sizes of a roof's sizing curve. [kWp]"""
    return np.arange(roof.min_kwp, roof.max_kwp + 1e-9, roof.step_kwp)


def evaluate(spec: RunSpec, candidates: Candidates,
             progress: Progress | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rank the candidates. Returns ``(ranking, curves)``: one row per candidate at its best
    size (the largest NPV), and every size of every roof; energy and euro per year."""
    say = progress or silent
    known = [c.configuration_id for c in spec.configurations]
    for new in candidates.new_configurations:
        if new.id in known:
            raise ScenarioError(f"candidate {new.id!r}: configuration already exists")
    for item in [*candidates.roofs, *candidates.member_batches]:
        if item.configuration not in [c.configuration_id for c in spec.configurations]:
            raise ScenarioError(f"candidate {item.id!r}: unknown configuration "
                                f"{item.configuration!r}")
    evaluator = Evaluator(spec, progress)
    total = sum(len(roof_sizes(roof)) for roof in candidates.roofs) + \
        len(candidates.member_batches) + len(candidates.new_configurations)
    done = 0
    say("candidates", done, total)
    fin = candidates.finance
    # Marginal values over the simulated period, scaled to a year (use a whole simulated year
    # for decisions: a shorter period carries its season's bias).
    per_year = 8760.0 / len(evaluator.inputs.hourly)
    curves = []
    for roof in candidates.roofs:
        for kwp in roof_sizes(roof):
            marginal = evaluator.with_plant(roof, float(kwp)) * per_year
            capex = kwp * (roof.capex_eur_per_kwp if roof.capex_eur_per_kwp is not None
                           else capex_eur_per_kwp(kwp))
            curves.append({"candidate": roof.id, "kind": "roof", "kwp": float(kwp),
                           "capex_eur": capex, **marginal.to_dict(),
                           **_finance(marginal, capex, kwp * OPEX_EUR_PER_KWP_YEAR, fin)})
            done += 1
            say(f"roof {roof.id}", done, total)
    curves_df = pd.DataFrame(curves)
    rows = []
    for roof in candidates.roofs:
        curve = curves_df[curves_df["candidate"] == roof.id].reset_index(drop=True)
        best = curve.loc[curve["npv_eur"].idxmax()]
        rows.append({**best.to_dict(), "saturation_kwp": saturation_kwp(curve)})
    for batch in candidates.member_batches:
        marginal = evaluator.with_members(batch) * per_year
        rows.append({"candidate": batch.id, "kind": "members", "kwp": 0.0,
                     "capex_eur": batch.cost_eur, **marginal.to_dict(),
                     **_finance(marginal, batch.cost_eur, 0.0, fin), "saturation_kwp": None})
        done += 1
        say(f"member batch {batch.id}", done, total)
    for new in candidates.new_configurations:
        marginal, capex, opex = evaluator.with_configuration(new)
        marginal = marginal * per_year
        rows.append({"candidate": new.id, "kind": "configuration",
                     "kwp": sum(p.capacity_kwp for p in new.plants), "capex_eur": capex,
                     **marginal.to_dict(), **_finance(marginal, capex, opex, fin),
                     "saturation_kwp": None})
        done += 1
        say(f"new configuration {new.id}", done, total)
    ranking = pd.DataFrame(rows)
    if len(ranking):
        ranking["fund_eur_per_keur"] = np.where(
            ranking["capex_eur"] > 0, ranking["fund_eur"] / (ranking["capex_eur"] / 1000),
            np.inf)
        ranking = ranking.sort_values("npv_eur", ascending=False).reset_index(drop=True)
        ranking.index = ranking.index + 1
        ranking.index.name = "rank"
    return ranking, curves_df


def saturation_kwp(curve: pd.DataFrame, ratio: float = 0.2) -> float | None:
    """The size beyond which each added kWp shares less than ``ratio`` of what the first kWp
    shared: where added PV stops being shared."""
    kwp = curve["kwp"].to_numpy()
    shared = curve["shared_mwh"].to_numpy()
    if len(kwp) < 2:
        return None
    first = shared[0] / kwp[0]
    slopes = np.diff(shared) / np.diff(kwp)
    below = np.flatnonzero(slopes < ratio * first)
    return float(kwp[below[0]]) if len(below) else None


__all__ = ["Candidates", "Evaluator", "evaluate", "load_candidates", "saturation_kwp"]

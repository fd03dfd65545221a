"""Compile a scenario into the ordered list of domain events that builds its community."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from twin.core.time import local_midnight_utc
from twin.events.domain import (
    Billing,
    CommunityFounded,
    ConfigurationRegistered,
    DomainEvent,
    Flexibility,
    MeasuredProfile,
    MemberJoined,
    MemberLeft,
    PlantCommissioned,
    PlantDecommissioned,
    ProjectProposed,
    StorageInstalled,
    TariffParameterSet,
    synthetic_pod,
)
from twin.rules.parameters import BEGINNING
from twin.scenario.economics import MemberBilling
from twin.scenario.schema import (
    PLANT_SCENARIO_ONLY,
    MemberGroup,
    MeterProfile,
    Scenario,
    plant_joined_on,
)

# Order of events sharing one effective time: what others refer to comes first.
_RANK = {
    TariffParameterSet: -1,
    ProjectProposed: 6,
    CommunityFounded: 0,
    ConfigurationRegistered: 1,
    PlantDecommissioned: 2,
    MemberLeft: 3,
    PlantCommissioned: 4,
    MemberJoined: 5,
    StorageInstalled: 7,
}


def _utc(day: dt.date) -> dt.datetime:
    return local_midnight_utc(day).to_pydatetime()


def member_ids(group: MemberGroup) -> list[str]:
    """Ids of the members of a group: the group id itself for a single member, else numbered."""
    if group.count == 1:
        return [group.id]
    width = max(3, len(str(group.count)))
    return [f"{group.id}-{i:0{width}d}" for i in range(1, group.count + 1)]


def measured_profile(profile: MeterProfile | None,
                     hashes: Mapping[str, str]) -> MeasuredProfile | None:
    """The event's reference to a profile file (``hashes``: file as written → its SHA-256)."""
    if profile is None:
        return None
    return MeasuredProfile(sha256=hashes[profile.meter_file],
                           source_name=profile.meter_file.rsplit("/", 1)[-1], year=profile.year,
                           format=profile.format, unit=profile.unit,
                           annual_kwh=profile.annual_kwh)


def member_billing(billing: MemberBilling | None) -> Billing | None:
    """The event's billing fields (None: the defaults of the member's category)."""
    if billing is None:
        return None
    fields = billing.model_dump()
    if fields["band_price_eur_per_kwh"] is not None:
        fields["band_price_eur_per_kwh"] = tuple(fields["band_price_eur_per_kwh"])
    return Billing(**fields)


def compile_events(scenario: Scenario,
                   profile_hashes: Mapping[str, str] | None = None) -> list[DomainEvent]:
    """Every event of the scenario, ordered by effective time (stable within one instant).

    ``profile_hashes`` maps each profile's ``meter_file`` to the SHA-256 of its content (read by
    :func:`twin.scenario.load.load_scenario`)."""
    hashes = profile_hashes or {}
    c = scenario.community
    founded = _utc(c.founded_on)
    events: list[DomainEvent] = [
        CommunityFounded(effective_utc=founded, name=c.name, region=c.region,
                         market_zone=c.market_zone, solidarity=c.solidarity,
                         founded_on=c.founded_on)
    ]
    events += [
        ConfigurationRegistered(effective_utc=founded, configuration_id=cfg.id, name=cfg.name,
                                cabina_primaria=cfg.cabina_primaria, kind=cfg.kind)
        for cfg in scenario.configurations
    ]
    member_pod = {mid: g.pod or synthetic_pod(mid)
                  for g in scenario.members for mid in member_ids(g)}
    for p in scenario.plants:
        fields = p.model_dump(exclude=PLANT_SCENARIO_ONLY)
        for key in ("soiling_pct_by_month", "horizon_elevation_deg"):
            if fields[key] is not None:
                fields[key] = tuple(fields[key])
        fields["pod"] = p.pod or (member_pod[p.host_member] if p.host_member else
                                  synthetic_pod(p.id))
        fields["profile"] = measured_profile(p.profile, hashes)
        events.append(PlantCommissioned(
            effective_utc=_utc(plant_joined_on(p, c.founded_on)), plant_id=p.id,
            configuration_id=p.configuration, **fields))
        if p.decommissioned_on is not None:
            events.append(PlantDecommissioned(effective_utc=_utc(p.decommissioned_on),
                                              plant_id=p.id))
    for g in scenario.members:
        for mid in member_ids(g):
            events.append(MemberJoined(
                effective_utc=_utc(max(g.joined_on, c.founded_on)), member_id=mid,
                configuration_id=g.configuration, category=g.category, archetype=g.archetype,
                annual_kwh=0.0 if g.profile is not None else float(g.annual_kwh or 0.0),
                group_id=g.id,
                profile=measured_profile(g.profile, hashes),
                tariff_exempt_share=g.tariff_exempt_share,
                contracted_power_kw=g.contracted_power_kw, pod=member_pod[mid],
                notified_on=g.notified_on, billing=member_billing(g.billing),
                flexibility=None if g.flexibility is None else Flexibility(
                    **{**g.flexibility.model_dump(),
                       "plug_in_hours": tuple(g.flexibility.plug_in_hours)})))
            if g.left_on is not None:
                events.append(MemberLeft(effective_utc=_utc(g.left_on), member_id=mid,
                                         notified_on=g.left_notified_on))
    for b in scenario.storage:
        events.append(StorageInstalled(
            effective_utc=_utc(max(b.installed_on, c.founded_on)), storage_id=b.id,
            configuration_id=b.configuration, capacity_kwh=b.capacity_kwh,
            charge_kw=b.charge_kw, discharge_kw=b.discharge_kw,
            round_trip_efficiency=b.round_trip_efficiency_pct / 100.0,
            host_member=b.host_member, soc_min_pct=b.soc_min_pct, soc_max_pct=b.soc_max_pct,
            soc_initial_pct=b.soc_initial_pct,
            standby_loss_pct_per_day=b.standby_loss_pct_per_day,
            fade_pct_per_cycle=b.fade_pct_per_cycle, fade_pct_per_year=b.fade_pct_per_year,
            policy=b.dispatch_policy, charge_hours=tuple(b.charge_hours),
            discharge_hours=tuple(b.discharge_hours)))
    for project in scenario.projects:
        events.append(ProjectProposed(
            effective_utc=_utc(project.approved_on), project_id=project.id, name=project.name,
            cost_cents=round(project.cost_eur * 100), configuration_id=project.configuration,
            neighbourhood=project.neighbourhood))
    for o in scenario.parameters:
        start = o.valid_from or BEGINNING
        value = tuple(o.value) if isinstance(o.value, list) else \
            o.value.isoformat() if isinstance(o.value, dt.date) else float(o.value)
        events.append(TariffParameterSet(
            effective_utc=_utc(start), name=o.name, value=value, valid_from=start,
            valid_to=o.valid_to, source=o.source))
    return sorted(events, key=lambda e: (e.effective_utc, _RANK[type(e)]))

"""The settlement of one period: every rule applied to hourly arrays, in named steps.

1. :func:`f_exempt_share`: the share of each configuration's withdrawal exempt from the grant
   reduction F (RO-2024 §2.2.2.1.2; natural persons from 2025-06-26, DM 127/2025).
2. :func:`rule_blocks`: hours cut where the calendar year or a parameter changes, so each block
   has one set of parameters (every euro carries its rule version).
3. per block: :func:`allocate_block` (hourly shared energy under one cabina primaria, split among
   plants by seniority, CER_RULES.md §1.2-1.5), :func:`premium_block` (DM 414 premium on the
   incentivised part, and the GSE fee, DM MASE 15 March 2024), :func:`valorization_block` (ARERA
   TIAD valorization, with the building-group terms).
4. :func:`excess_by_configuration`: the 55 %/45 % rule per configuration and calendar year
   (CER_RULES.md §3).

:func:`apply_rules` runs them in that order. Arrays in, arrays out: usable on its own from a
notebook or a benchmark.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from twin.core.time import local_days, local_midnight_utc
from twin.rules.configuration import F_EXEMPT_BODY, NATURAL_PERSON
from twin.rules.money import (
    excess_premium_eur,
    group_valorization_extra_eur,
    gse_fee_eur_per_year,
    rid_revenue_eur,
    valorization_eur,
)
from twin.rules.parameters import (
    DEFAULT_PARAMETERS,
    EXISTING_PLANT_CUTOFF,
    NATURAL_PERSONS_F_EXEMPT_FROM,
    Parameters,
)
from twin.rules.shared_energy import allocate_by_seniority, shared_energy_kwh
from twin.rules.switches import Switches
from twin.rules.tariff import premium_end, tip_eur_per_mwh


@dataclass(frozen=True)
class PlantTerms:
    """What the rules need to know about one plant."""

    configuration: int
    power_kw: float
    entry_into_operation: dt.date
    eligible: bool
    grant_intensity_pct: float = 0.0
    building_obligation_kw: float = 0.0
    source: str = "pv"
    voltage: str = "lv"

    @property
    def existing(self) -> bool:
        """In operation before 2021-12-16 (DM 414 art. 3; RO-2024 §1.2.1.2) [V]."""
        return self.entry_into_operation < EXISTING_PLANT_CUTOFF


@dataclass(frozen=True)
class HourCalendar:
    """The local calendar of the settlement hours."""

    day_of: np.ndarray
    """Local day number of each hour."""
    day_dates: np.ndarray
    """Local date of each day."""
    local_date: np.ndarray
    """Local date of each hour."""
    years: np.ndarray
    """Local calendar year of each hour."""
    hours_in_year: np.ndarray
    """8760 or 8784: hours of each hour's calendar year (the GSE fee is per year)."""

    @classmethod
    def of(cls, hourly: Any) -> HourCalendar:
        """The calendar of a UTC hourly index (hour starts)."""
        day_of, days = local_days(hourly)
        day_dates = days.date
        years = np.array([d.year for d in day_dates])[day_of]
        leap = np.array([calendar.isleap(d.year) for d in day_dates])[day_of]
        return cls(day_of, day_dates, day_dates[day_of], years, np.where(leap, 8784.0, 8760.0))


@dataclass(frozen=True)
class Plants:
    """The plant terms as arrays, and which columns belong to which configuration."""

    terms: list[PlantTerms]
    n_configurations: int
    configuration: np.ndarray = field(init=False)
    columns: list[np.ndarray] = field(init=False)
    seniority: np.ndarray = field(init=False)
    existing: np.ndarray = field(init=False)
    power_kw: np.ndarray = field(init=False)
    obligation_factor: np.ndarray = field(init=False)
    """(P - P0) / P: the share of a plant's energy that earns the premium (D.Lgs. 199/2021
    art. 26 building obligation)."""
    with_grant: np.ndarray = field(init=False)
    tariff_groups: dict[tuple[float, str], list[int]] = field(init=False)
    """Plants sharing one grant intensity and source: one premium formula each."""

    def __post_init__(self) -> None:
        terms = self.terms
        put = object.__setattr__
        put(self, "configuration", np.array([p.configuration for p in terms], dtype=int))
        put(self, "columns", [np.flatnonzero(self.configuration == k)
                              for k in range(self.n_configurations)])
        put(self, "seniority", np.array([p.entry_into_operation.toordinal() for p in terms]))
        put(self, "existing", np.array([p.existing for p in terms], dtype=bool))
        put(self, "power_kw", np.array([p.power_kw for p in terms]))
        put(self, "obligation_factor",
            np.array([1.0 - p.building_obligation_kw / p.power_kw for p in terms]))
        put(self, "with_grant", np.array([p.grant_intensity_pct > 0 for p in terms], dtype=bool))
        groups: dict[tuple[float, str], list[int]] = {}
        for j, p in enumerate(terms):
            groups.setdefault((p.grant_intensity_pct, p.source), []).append(j)
        put(self, "tariff_groups", groups)


def f_exempt_share(withdrawn_by_class_kwh: np.ndarray, cal: HourCalendar,
                   rules: Switches) -> np.ndarray:
    """Share of each configuration's withdrawal on which F is not applied, per hour.

    F applies to the energy not afferent to exempt withdrawal points, found pro rata of their
    hourly withdrawal (RO-2024 §2.2.2.1.2) [U, CER_RULES §2.4]; natural persons are exempt from
    2025-06-26 (DM 127/2025, RO July 2025) [S]. ``(time, configuration)``
    """
    withdrawn = withdrawn_by_class_kwh.sum(axis=-1)
    if rules.f_exempt_allocation == "none":
        return np.zeros(withdrawn.shape)
    natural_ok = rules.natural_persons_f_exempt & (
        np.array([d >= NATURAL_PERSONS_F_EXEMPT_FROM for d in cal.day_dates])[cal.day_of])
    exempt = withdrawn_by_class_kwh[..., F_EXEMPT_BODY] + np.where(
        natural_ok[:, None], withdrawn_by_class_kwh[..., NATURAL_PERSON], 0.0)
    return np.divide(exempt, withdrawn, out=np.zeros(withdrawn.shape), where=withdrawn > 0)


def rule_blocks(cal: HourCalendar, parameters: Parameters) -> list[tuple[int, int]]:
    """Blocks ``[a, b)`` of hours with one calendar year and one set of parameters."""
    n_t = len(cal.local_date)
    changes = parameters.change_dates(cal.day_dates[0], cal.day_dates[-1] + dt.timedelta(days=1))
    cuts = {int(np.searchsorted(cal.local_date, d)) for d in changes}
    cuts |= {int(i) for i in np.r_[0, np.flatnonzero(np.diff(cal.years)) + 1]}
    bounds = sorted(c for c in cuts if c < n_t) + [n_t]
    return list(zip(bounds[:-1], bounds[1:], strict=True))


@dataclass
class Accounts:
    """The hourly results being filled block by block (names as the result variables)."""

    n_t: int
    n_p: int
    n_c: int
    n_years: int

    def __post_init__(self) -> None:
        n_t, n_p, n_c = self.n_t, self.n_p, self.n_c
        self.inj_config = np.zeros((n_t, n_c))
        self.shared = np.zeros((n_t, n_c))
        self.allocated = np.zeros((n_t, n_p))
        self.tip = np.zeros((n_t, n_p))
        self.incentivised = np.zeros((n_t, n_p))
        self.premium = np.zeros((n_t, n_p))
        self.valorization = np.zeros((n_t, n_c))
        self.fees = np.zeros(n_p)
        self.rule_version = np.empty(n_t, dtype=object)
        self.year_sums = np.zeros((self.n_years, 3, n_p))
        """Per year: incentivised energy, injection while earning, premium."""
        self.year_earning = np.zeros((self.n_years, n_p), dtype=bool)

    def results(self, injected_kwh: np.ndarray, withdrawn_kwh: np.ndarray, price: np.ndarray,
                exempt_share: np.ndarray, versions: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The arrays by result-variable name (all but the excess premium)."""
        return {
            "injected_energy_kwh": injected_kwh,
            "allocated_shared_energy_kwh": self.allocated,
            "incentivised_energy_kwh": self.incentivised,
            "tip_eur_per_mwh": self.tip,
            "premium_eur": self.premium,
            "rid_revenue_eur": rid_revenue_eur(injected_kwh, price[:, None]),
            "configuration_injected_energy_kwh": self.inj_config,
            "configuration_withdrawn_energy_kwh": withdrawn_kwh,
            "f_exempt_share": exempt_share,
            "shared_energy_kwh": self.shared,
            "valorization_eur": self.valorization,
            "market_zone_shared_energy_kwh": shared_energy_kwh(self.inj_config.sum(axis=1),
                                                               withdrawn_kwh.sum(axis=1)),
            "zonal_price_eur_per_mwh": price,
            "gse_fee_eur": self.fees,
            "rule_version": self.rule_version.astype(str),
            "rule_versions": versions,
        }


def allocate_block(acc: Accounts, a: int, b: int, inj: np.ndarray, withdrawn: np.ndarray,
                   plants: Plants, rules: Switches) -> np.ndarray:
    """Shared energy of each configuration, hour by hour: min(injection, withdrawal) under one
    cabina primaria (TIAD; CER_RULES §1.2), split among its plants earliest entry into operation
    first (RO-2024 App. A; §1.4). With ``new_plants_only`` (CER_RULES §1.5, [U]) the premium
    goes to new plants' shared energy alone. Returns the seniority split of all plants (the
    building groups' valorization needs it)."""
    alloc_all = np.zeros((b - a, acc.n_p))
    for k, cols in enumerate(plants.columns):
        acc.inj_config[a:b, k] = inj[:, cols].sum(axis=1)
        acc.shared[a:b, k] = shared_energy_kwh(acc.inj_config[a:b, k], withdrawn[:, k])
        if not len(cols):
            continue
        alloc_all[:, cols] = allocate_by_seniority(acc.shared[a:b, k], inj[:, cols],
                                                   plants.seniority[cols])
        if rules.existing_plant_allocation == "new_plants_only":
            new = cols[~plants.existing[cols]]
            if len(new):
                base = shared_energy_kwh(inj[:, new].sum(axis=1), withdrawn[:, k])
                acc.allocated[a:b, new] = allocate_by_seniority(base, inj[:, new],
                                                                plants.seniority[new])
    if rules.existing_plant_allocation != "new_plants_only":
        acc.allocated[a:b] = alloc_all
    return alloc_all


def premium_block(acc: Accounts, a: int, b: int, earns: np.ndarray, price: np.ndarray,
                  exempt_share: np.ndarray, cal: HourCalendar, plants: Plants, region: str,
                  parameters: Parameters, on: dt.date) -> None:
    """The DM 414 premium of each plant on its incentivised energy (allocated × (P - P0)/P)
    while it earns, and its GSE fee for the hours it earns (DM MASE 15 March 2024)."""
    for (grant, source), cols in plants.tariff_groups.items():
        acc.tip[a:b, cols] = tip_eur_per_mwh(
            plants.power_kw[None, cols], price[:, None], region, grant, source,
            f_exempt_share=exempt_share[:, plants.configuration[cols]],
            parameters=parameters, on=on)
    acc.tip[a:b] *= earns
    np.multiply(acc.allocated[a:b], plants.obligation_factor[None, :],
                out=acc.incentivised[a:b])
    acc.incentivised[a:b] *= earns
    np.multiply(acc.incentivised[a:b], acc.tip[a:b], out=acc.premium[a:b])
    acc.premium[a:b] /= 1000.0
    acc.fees += np.array([gse_fee_eur_per_year(p.power_kw, parameters, on)
                          for p in plants.terms]) * (earns.T @ (1.0 / cal.hours_in_year[a:b]))


def valorization_block(acc: Accounts, a: int, b: int, alloc_all: np.ndarray, price: np.ndarray,
                       plants: Plants, configuration_kinds: list[str], parameters: Parameters,
                       on: dt.date) -> None:
    """TRAS_E × shared energy of each configuration (TIAD via RO-2024 §2.2.2.2); building-level
    groups add BTAU and the avoided losses by voltage level (CER_RULES §4.1)."""
    acc.valorization[a:b] = valorization_eur(acc.shared[a:b],
                                             parameters.scalar("tras_e_eur_per_mwh", on))
    for k, kind in enumerate(configuration_kinds):
        if kind == "self_consumer_group":
            cols = plants.columns[k]
            by_voltage = {v: alloc_all[:, cols[[plants.terms[j].voltage == v for j in cols]]]
                          .sum(axis=1) for v in ("lv", "mv")}
            acc.valorization[a:b, k] += group_valorization_extra_eur(
                acc.shared[a:b, k], by_voltage, parameters.scalar("btau_eur_per_mwh", on),
                price, parameters)


def excess_by_configuration(acc: Accounts, year_list: list[int], plants: Plants,
                            rules: Switches, parameters: Parameters) -> np.ndarray:
    """Premium earmarked by the 55 % rule (45 % with a capital grant) per configuration, summed
    over its calendar years (DM 414 art. 3; RO-2024 App. B; CER_RULES §3). [€]"""
    excess = np.zeros(plants.n_configurations)
    for k, cols in enumerate(plants.columns):
        for y, year in enumerate(year_list):
            excess[k] += excess_premium_eur(
                acc.year_sums[y, 0, cols].sum(), acc.year_sums[y, 1, cols].sum(),
                acc.year_sums[y, 2, cols].sum(),
                with_grant=bool((acc.year_earning[y, cols] & plants.with_grant[cols]).any()),
                formula=rules.excess_formula, parameters=parameters, on=dt.date(year, 7, 1))
    return excess


def apply_rules(
    hourly: Any,
    price_eur_per_mwh: np.ndarray,
    injected_kwh: np.ndarray,
    plant_active: np.ndarray,
    withdrawn_by_class_kwh: np.ndarray,
    plants: list[PlantTerms],
    configuration_kinds: list[str],
    region: str,
    rules: Switches = Switches(),  # noqa: B008 - frozen, shared safely
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> dict[str, Any]:
    """Every rule on hourly arrays.

    Parameters
    ----------
    hourly : DatetimeIndex
        UTC hour starts.
    price_eur_per_mwh : ndarray (time,)
        Hourly zonal price. [€/MWh]
    injected_kwh, plant_active : ndarray (time, plant)
        Injection that counts for the community and whether the plant is in it. [kWh], bool
    withdrawn_by_class_kwh : ndarray (time, configuration, 3)
        Withdrawal for sharing by holder class (other, F-exempt body, natural person). [kWh]
    plants, configuration_kinds, region, rules, parameters
        Plant terms, ``"cer"`` or ``"self_consumer_group"`` per configuration, the region of the
        plants, rule switches (:class:`~twin.rules.switches.Switches` or the scenario's
        ``[rules]``) and parameters.

    Returns
    -------
    dict
        Arrays named as the result variables (see :mod:`twin.core.variables`) plus
        ``rule_version`` per hour and ``rule_versions`` (version → parameter values).
    """
    n_t, n_p = injected_kwh.shape
    price = np.asarray(price_eur_per_mwh, dtype=float)
    withdrawn = withdrawn_by_class_kwh.sum(axis=-1)
    cal = HourCalendar.of(hourly)
    exempt_share = f_exempt_share(withdrawn_by_class_kwh, cal, rules)
    terms = Plants(plants, len(configuration_kinds))
    # A plant earns while eligible, in the community and within its 20 years.
    earn_until = np.array([
        hourly.searchsorted(local_midnight_utc(premium_end(p.entry_into_operation, parameters)))
        if p.eligible else 0 for p in plants])
    year_list = sorted(set(cal.years.tolist()))
    acc = Accounts(n_t, n_p, len(configuration_kinds), len(year_list))
    versions: dict[str, dict[str, Any]] = {}
    for a, b in rule_blocks(cal, parameters):
        d = cal.local_date[a]
        y = year_list.index(int(cal.years[a]))
        version = parameters.version(d)
        versions.setdefault(version, parameters.snapshot(d))
        acc.rule_version[a:b] = version
        inj = injected_kwh[a:b]
        alloc_all = allocate_block(acc, a, b, inj, withdrawn[a:b], terms, rules)
        earns = plant_active[a:b] & (np.arange(a, b)[:, None] < earn_until[None, :])
        premium_block(acc, a, b, earns, price[a:b], exempt_share[a:b], cal, terms, region,
                      parameters, d)
        valorization_block(acc, a, b, alloc_all, price[a:b], terms, configuration_kinds,
                           parameters, d)
        acc.year_sums[y, 0] += acc.incentivised[a:b].sum(axis=0)
        acc.year_sums[y, 1] += (inj * earns).sum(axis=0)
        acc.year_sums[y, 2] += acc.premium[a:b].sum(axis=0)
        acc.year_earning[y] |= earns.any(axis=0)

    out = acc.results(injected_kwh, withdrawn, price, exempt_share, versions)
    out["excess_premium_eur"] = excess_by_configuration(acc, year_list, terms, rules, parameters)
    return out

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
    region: str = ""
    """Region of the plant (FC zonale); empty: the community's."""
    force_majeure_days: float = 0.0
    """Days the plant stood still for force majeure (they extend its 20 years, RO-2024
    §2.2.1)."""

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
    low_voltage_first: np.ndarray = field(init=False)
    """Allocation key of building groups: LV plants first, then MV, each by seniority."""
    tariff_groups: dict[tuple[float, str, str], list[int]] = field(init=False)
    """Plants sharing one grant intensity, source and region: one premium formula each."""

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
        put(self, "low_voltage_first", np.array(
            [(0 if p.voltage == "lv" else 1) * 10**7 + p.entry_into_operation.toordinal()
             for p in terms]))
        groups: dict[tuple[float, str, str], list[int]] = {}
        for j, p in enumerate(terms):
            groups.setdefault((p.grant_intensity_pct, p.source, p.region), []).append(j)
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
        self.exempt = np.zeros((n_t, n_p))
        """Share of each plant's incentivised energy exempt from F."""
        self.rule_version = np.empty(n_t, dtype=object)
        self.year_sums = np.zeros((self.n_years, 3, n_p))
        """Per year: incentivised energy, injection while earning (the 55 % denominator),
        premium."""
        self.year_earning = np.zeros((self.n_years, n_p), dtype=bool)

    def results(self, injected_kwh: np.ndarray, withdrawn_kwh: np.ndarray, price: np.ndarray,
                plant_price: np.ndarray, exempt_share: np.ndarray,
                versions: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The arrays by result-variable name (all but the excess premium)."""
        return {
            "injected_energy_kwh": injected_kwh,
            "allocated_shared_energy_kwh": self.allocated,
            "incentivised_energy_kwh": self.incentivised,
            "tip_eur_per_mwh": self.tip,
            "premium_eur": self.premium,
            "rid_revenue_eur": rid_revenue_eur(injected_kwh, plant_price),
            "plant_f_exempt_share": self.exempt,
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
                   plants: Plants, rules: Switches,
                   storage_inj: np.ndarray | None = None) -> np.ndarray:
    """Shared energy of each configuration, hour by hour: min(injection, withdrawal) under one
    cabina primaria (TIAD; CER_RULES §1.2), split among its plants earliest entry into operation
    first (RO-2024 App. A; §1.4). With ``new_plants_only`` (CER_RULES §1.5, [U]) the premium
    goes to new plants' shared energy alone; plants entering operation the same day share by
    the ``tie_allocation`` switch (RULES_UPDATES §5). ``storage_inj`` ``(time, configuration)``
    is what community batteries inject: injection of the configuration that shares, but of no
    plant, so plants take their shared energy first and the batteries' part earns no premium
    (valorization only). Returns the seniority split of all plants.
    """
    alloc_all = np.zeros((b - a, acc.n_p))
    for k, cols in enumerate(plants.columns):
        acc.inj_config[a:b, k] = inj[:, cols].sum(axis=1)
        if storage_inj is not None:
            acc.inj_config[a:b, k] += storage_inj[:, k]
        acc.shared[a:b, k] = shared_energy_kwh(acc.inj_config[a:b, k], withdrawn[:, k])
        if not len(cols):
            continue
        alloc_all[:, cols] = allocate_by_seniority(acc.shared[a:b, k], inj[:, cols],
                                                   plants.seniority[cols], rules.tie_allocation)
        if rules.existing_plant_allocation == "new_plants_only":
            new = cols[~plants.existing[cols]]
            if len(new):
                base = shared_energy_kwh(inj[:, new].sum(axis=1), withdrawn[:, k])
                acc.allocated[a:b, new] = allocate_by_seniority(
                    base, inj[:, new], plants.seniority[new], rules.tie_allocation)
    if rules.existing_plant_allocation != "new_plants_only":
        acc.allocated[a:b] = alloc_all
    return alloc_all


def exempt_by_plant(acc: Accounts, a: int, b: int, exempt_share: np.ndarray, plants: Plants,
                    rules: Switches) -> None:
    """Share of each plant's allocated energy exempt from F (RO-2024 §2.2.2.1.2).

    ``pro_rata``: every plant of a configuration takes the configuration's exempt share.
    ``grant_funded_first`` (RO July 2025, CER_RULES §2.4 [S]): the hour's exempt energy (exempt
    share × shared energy) goes to the grant-funded plants first, senior first, up to each one's
    allocation; F does not touch plants without a grant anyway.
    """
    for k, cols in enumerate(plants.columns):
        acc.exempt[a:b, cols] = exempt_share[:, k, None]
        granted = cols[plants.with_grant[cols]]
        if rules.f_exempt_priority != "grant_funded_first" or not len(granted):
            continue
        left = exempt_share[:, k] * acc.shared[a:b, k]
        for j in granted[np.argsort(plants.seniority[granted], kind="stable")]:
            alloc = acc.allocated[a:b, j]
            taken = np.minimum(left, alloc)
            acc.exempt[a:b, j] = np.divide(taken, alloc, out=np.zeros_like(alloc),
                                           where=alloc > 0)
            left = left - taken


def premium_block(acc: Accounts, a: int, b: int, earns: np.ndarray, price: np.ndarray,
                  cal: HourCalendar, plants: Plants, region: str, rules: Switches,
                  parameters: Parameters, on: dt.date) -> None:
    """The DM 414 premium of each plant on its incentivised energy (allocated × (P - P0)/P)
    while it earns, at the zonal price of its own zone and the FC of its own region, and its GSE
    fee (DM MASE 15 March 2024) for the hours it earns (``gse_fee_part_year = "prorated"``)."""
    for (grant, source, plant_region), cols in plants.tariff_groups.items():
        acc.tip[a:b, cols] = tip_eur_per_mwh(
            plants.power_kw[None, cols], price[:, cols], plant_region or region, grant, source,
            f_exempt_share=acc.exempt[a:b, cols], parameters=parameters, on=on)
    acc.tip[a:b] *= earns
    np.multiply(acc.allocated[a:b], plants.obligation_factor[None, :],
                out=acc.incentivised[a:b])
    acc.incentivised[a:b] *= earns
    np.multiply(acc.incentivised[a:b], acc.tip[a:b], out=acc.premium[a:b])
    acc.premium[a:b] /= 1000.0
    if rules.gse_fee_part_year == "prorated":
        acc.fees += np.array([gse_fee_eur_per_year(p.power_kw, parameters, on)
                              for p in plants.terms]) * (earns.T @ (1.0 / cal.hours_in_year[a:b]))


def whole_year_fees(acc: Accounts, year_list: list[int], plants: Plants,
                    parameters: Parameters) -> None:
    """``gse_fee_part_year = "whole_year"``: the yearly fee for every year a plant earns in."""
    for y, year in enumerate(year_list):
        fee = np.array([gse_fee_eur_per_year(p.power_kw, parameters, dt.date(year, 7, 1))
                        for p in plants.terms])
        acc.fees += fee * acc.year_earning[y]


def valorization_block(acc: Accounts, a: int, b: int, inj: np.ndarray, price: np.ndarray,
                       plants: Plants, configuration_kinds: list[str], parameters: Parameters,
                       on: dt.date) -> None:
    """TRAS_E × shared energy of each configuration (TIAD via RO-2024 §2.2.2.2); a building-level
    group adds BTAU × E_ACVC and Σ_i E_ACVC,i × c_PR,i × Pz, where E_ACVC,i is the group's shared
    energy split among its plants **lowest voltage first** (LV before MV, each by seniority;
    CER_RULES §1.1 [V]) and c_PR the avoided-loss coefficient of the plant's voltage in force on
    the day (2.6 % LV, 1.2 % MV)."""
    acc.valorization[a:b] = valorization_eur(acc.shared[a:b],
                                             parameters.scalar("tras_e_eur_per_mwh", on))
    for k, kind in enumerate(configuration_kinds):
        cols = plants.columns[k]
        if kind != "self_consumer_group" or not len(cols):
            continue
        by_voltage = allocate_by_seniority(acc.shared[a:b, k], inj[:, cols],
                                           plants.low_voltage_first[cols])
        c_pr = np.array([parameters.scalar(f"loss_coefficient_{plants.terms[j].voltage}", on)
                         for j in cols])
        acc.valorization[a:b, k] += (
            acc.shared[a:b, k] / 1000.0 * parameters.scalar("btau_eur_per_mwh", on)
            + (by_voltage / 1000.0 * c_pr[None, :] * price[:, cols]).sum(axis=1))


def excess_by_configuration(acc: Accounts, year_list: list[int], plants: Plants,
                            rules: Switches, parameters: Parameters) -> np.ndarray:
    """Premium earmarked by the 55 %/45 % rule per configuration, summed over its calendar years
    (DM 414 art. 3 c. 2 g; RO 2025 App. B §4, RULES_UPDATES §2). [€]

    A configuration's plants fall in two sets: premium only (threshold 55 %) and premium with a
    capital grant (45 %); each set's ratio (incentivised shared energy / injection of its
    plants while they earn) and excess are computed on its own and the excesses added.
    """
    excess = np.zeros(plants.n_configurations)
    for k, cols in enumerate(plants.columns):
        for with_grant in (False, True):
            members = cols[plants.with_grant[cols] == with_grant]
            if not len(members):
                continue
            for y, year in enumerate(year_list):
                excess[k] += excess_premium_eur(
                    acc.year_sums[y, 0, members].sum(), acc.year_sums[y, 1, members].sum(),
                    acc.year_sums[y, 2, members].sum(), with_grant=with_grant,
                    formula=rules.excess_formula, parameters=parameters,
                    on=dt.date(year, 7, 1))
    return excess


def earning_until(hourly: Any, plants: list[PlantTerms], rules: Switches,
                  parameters: Parameters) -> np.ndarray:
    """Index of the first hour each plant no longer earns: 20 years after entry into operation
    (RO-2024 §2.2.1), plus its force-majeure stops unless ``premium_years = "calendar"``;
    0 for plants not eligible."""
    out = []
    for p in plants:
        if not p.eligible:
            out.append(0)
            continue
        end = local_midnight_utc(premium_end(p.entry_into_operation, parameters))
        if rules.premium_years == "net_of_force_majeure" and p.force_majeure_days:
            end = end + dt.timedelta(days=p.force_majeure_days)
        out.append(hourly.searchsorted(end))
    return np.array(out, dtype=int)


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
    plant_price_eur_per_mwh: np.ndarray | None = None,
    storage_injection_kwh: np.ndarray | None = None,
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
        Plant terms, ``"cer"`` or ``"self_consumer_group"`` per configuration, the community's
        region (a plant's own ``region`` wins), rule switches
        (:class:`~twin.rules.switches.Switches` or the scenario's ``[rules]``) and parameters.
    plant_price_eur_per_mwh : ndarray (time, plant), optional
        The zonal price of each plant's own market zone (default: ``price_eur_per_mwh``).
    storage_injection_kwh : ndarray (time, configuration), optional; community batteries [kWh]

    Returns
    -------
    dict
        Arrays named as the result variables (see :mod:`twin.core.variables`) plus
        ``rule_version`` per hour and ``rule_versions`` (version → parameter values).
    """
    n_t, n_p = injected_kwh.shape
    price = np.asarray(price_eur_per_mwh, dtype=float)
    plant_price = np.broadcast_to(price[:, None], (n_t, n_p)) if plant_price_eur_per_mwh is None \
        else np.asarray(plant_price_eur_per_mwh, dtype=float)
    withdrawn = withdrawn_by_class_kwh.sum(axis=-1)
    cal = HourCalendar.of(hourly)
    exempt_share = f_exempt_share(withdrawn_by_class_kwh, cal, rules)
    terms = Plants(plants, len(configuration_kinds))
    # A plant earns while eligible, in the community and within its 20 years.
    earn_until = earning_until(hourly, plants, rules, parameters)
    denominator = terms.obligation_factor if rules.excess_denominator == "incentivised_share" \
        else np.ones(n_p)
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
        allocate_block(acc, a, b, inj, withdrawn[a:b], terms, rules,
                       None if storage_injection_kwh is None else storage_injection_kwh[a:b])
        earns = plant_active[a:b] & (np.arange(a, b)[:, None] < earn_until[None, :])
        exempt_by_plant(acc, a, b, exempt_share[a:b], terms, rules)
        premium_block(acc, a, b, earns, plant_price[a:b], cal, terms, region, rules,
                      parameters, d)
        valorization_block(acc, a, b, inj, plant_price[a:b], terms, configuration_kinds,
                           parameters, d)
        acc.year_sums[y, 0] += acc.incentivised[a:b].sum(axis=0)
        acc.year_sums[y, 1] += (inj * earns).sum(axis=0) * denominator
        acc.year_sums[y, 2] += acc.premium[a:b].sum(axis=0)
        acc.year_earning[y] |= earns.any(axis=0)

    if rules.gse_fee_part_year == "whole_year":
        whole_year_fees(acc, year_list, terms, parameters)
    out = acc.results(injected_kwh, withdrawn, price, plant_price, exempt_share, versions)
    out["excess_premium_eur"] = excess_by_configuration(acc, year_list, terms, rules, parameters)
    return out
